"""The core never imports Qt (DESIGN rule 1): every core module loads with PySide6 blocked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import ondersteuner

PKG = Path(ondersteuner.__file__).parent


def core_modules() -> list[str]:
    """Everything outside ``ui/``, plus ``ui/ops`` (operations are Qt-free too)."""
    out = []
    for p in sorted(PKG.rglob("*.py")):
        parts = p.relative_to(PKG).parts
        if parts[0] == "ui" and parts[:2] != ("ui", "ops"):
            continue
        if parts[-1] in ("__main__.py",):
            continue
        name = ".".join(p.relative_to(PKG.parent).with_suffix("").parts)
        out.append(name.removesuffix(".__init__"))
    return out


PROBE = """
import importlib, json, sys
class _Block:
    def find_spec(self, name, path=None, target=None):
        if name == 'PySide6' or name.startswith('PySide6.'):
            raise ImportError('Qt is blocked in the core: ' + name)
sys.meta_path.insert(0, _Block())
failed = {}
for module in json.loads(sys.argv[1]):
    try:
        importlib.import_module(module)
    except Exception as exc:
        failed[module] = repr(exc)
print(json.dumps(failed))
"""


def test_core_modules_import_without_qt():
    modules = core_modules()
    assert {
        "ondersteuner.vault.vault",
        "ondersteuner.ui.ops.clients",
        "ondersteuner.app",
        "ondersteuner.models.client",
        "ondersteuner.demo",
    } <= set(modules)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(modules)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout) == {}


def test_the_probe_does_block_qt():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(["ondersteuner.ui.kit"])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "ondersteuner.ui.kit" in json.loads(result.stdout)
