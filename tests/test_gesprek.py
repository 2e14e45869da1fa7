"""The gesprek core: note kinds, item times across saves, the summary, the Word
documents, and the operations that store a gesprek."""

from __future__ import annotations

import datetime as dt
import io

from ondersteuner.gesprek.inhoud import LET_OP, LET_OP_KEYS, let_op_open, vorm_waarschuwing
from ondersteuner.gesprek.notities import items, met_soort, soort_van, tekst_van
from ondersteuner.gesprek.samenvatting import samenvatten
from ondersteuner.models.enums import GebeurtenisSoort as S
from ondersteuner.models.enums import GesprekVorm, Wet
from ondersteuner.models.enums import NotitieSoort as K
from ondersteuner.ui.ops import gesprekken as ops
from ondersteuner.ui.ops import meldingen
from ondersteuner.ui.ops.termijnen import melding_termijnen
from ondersteuner.vault import Vault
from tests.factories import make_client, make_melding

T0 = dt.datetime(2026, 3, 3, 10, 0, 0)
T1 = dt.datetime(2026, 3, 3, 10, 5, 0)


def test_kind_prefix_set_toggle_and_read():
    assert soort_van("AFSPRAAK: dochter belt") == (K.AFSPRAAK, "dochter belt")
    assert soort_van("afspraak: klein geschreven") == (K.AFSPRAAK, "klein geschreven")
    assert soort_van("gewone zin") == (K.OBSERVATIE, "gewone zin")
    line = met_soort("dochter belt", K.TOEZEGGING)
    assert line == "TOEZEGGING: dochter belt"
    assert met_soort(line, K.AFSPRAAK) == "AFSPRAAK: dochter belt"  # replaces the kind
    assert met_soort("AFSPRAAK: dochter belt", K.AFSPRAAK) == "dochter belt"  # toggles off
    assert met_soort("WENS: x", K.OBSERVATIE) == "x"


def test_item_times_survive_edits_and_inserts():
    first = items("zelf", "koken lukt\nAFSPRAAK: dochter belt", nu=T0)
    assert [(i.soort, i.tijdstip) for i in first] == [(K.OBSERVATIE, T0), (K.AFSPRAAK, T0)]
    # A line inserted above, one edited in place, one unchanged: only the new one is new.
    second = items("zelf", "nieuw punt\nkoken lukt niet meer\nAFSPRAAK: dochter belt", first, nu=T1)
    times = {i.tekst: i.tijdstip for i in second}
    assert times == {"nieuw punt": T1, "koken lukt niet meer": T0, "dochter belt": T0}
    assert [i.volgorde for i in second] == [0, 1, 2]
    assert items("zelf", "  \n\n", first, nu=T1) == []  # empty lines are no items
    # Other sections are untouched by this one's history.
    assert items("netwerk", "koken lukt", first, nu=T1)[0].tijdstip == T1
    assert tekst_van("zelf", second) == "nieuw punt\nkoken lukt niet meer\nAFSPRAAK: dochter belt"


def test_summary_lists_agreements_open_points_and_verslag_date():
    notes = items(
        "hulp", "AFSPRAAK: aanvraag hulp bij het huishouden\nTOEZEGGING: belt vrijdag", nu=T0
    )
    notes += items("wensen", "WENS: thuis blijven wonen", nu=T0)
    s = samenvatten(
        dt.date(2026, 3, 20),
        notes,
        ["persoonlijk", "eigen_bijdrage"],
        datum_melding=dt.date(2026, 2, 20),
        wet=Wet.WMO,
    )
    assert [i.tekst for i in s.afspraken] == ["aanvraag hulp bij het huishouden"]
    assert [i.tekst for i in s.toezeggingen] == ["belt vrijdag"]
    assert [i.tekst for i in s.wensen] == ["thuis blijven wonen"]
    assert len(s.open_punten) == len(LET_OP) - 2
    assert "persoonlijk" not in {p.sleutel for p in s.open_punten}
    assert s.verslag_verwacht == dt.date(2026, 4, 3)
    # Wmo 6 weeks from 20-02-2026: Fri 03-04 is Goede Vrijdag → Tue 07-04.
    assert s.verslag_uiterlijk == dt.date(2026, 4, 7)
    assert s.verslag_datum == dt.date(2026, 4, 3)
    assert let_op_open(list(LET_OP_KEYS)) == []


def test_phone_or_video_gets_the_warning():
    assert "persoonlijk gesprek" in vorm_waarschuwing(GesprekVorm.TELEFONISCH)
    assert vorm_waarschuwing(GesprekVorm.VIDEO)
    assert vorm_waarschuwing(GesprekVorm.THUIS) == ""


def test_word_documents_hold_the_notes_and_a_plain_summary():
    from docx import Document

    from ondersteuner.documenten.gesprek import GesprekKop, notities_docx, samenvatting_docx

    notes = items("zelf", "koken lukt\nAFSPRAAK: dochter komt dinsdag", nu=T0)
    s = samenvatten(dt.date(2026, 3, 20), notes, [], datum_melding=dt.date(2026, 3, 1))
    kop = GesprekKop(
        "Fictief Persoon",
        7,
        dt.date(2026, 3, 20),
        "thuis",
        GesprekVorm.THUIS,
        "dochter",
        gemeente="Zwolle",
        gemeente_telefoon="14 038",
        adviseur="Adviseur Test",
        adviseur_telefoon="06 00000000",
    )
    full = "\n".join(p.text for p in Document(io.BytesIO(notities_docx(kop, notes, s))).paragraphs)
    assert "Wat kunt u zelf?" in full and "10:00  AFSPRAAK: dochter komt dinsdag" in full
    assert "20 maart 2026" in full and "Niet besproken" in full
    short = Document(io.BytesIO(samenvatting_docx(kop, s)))
    text = "\n".join(p.text for p in short.paragraphs)
    assert "dochter komt dinsdag" in text
    assert "3 april 2026" in text  # verslag two weeks after the gesprek
    assert "Adviseur Test, 06 00000000" in text and "Zwolle: 14 038" in text
    assert "Fictief Persoon" not in text  # the client knows who they are; less to lose


def test_gesprek_operations_and_the_deadline_it_feeds(vault: Vault):
    cid = make_client(vault, "Gesprek Testpersoon")
    mid = make_melding(vault, cid, datum=dt.date.today() - dt.timedelta(days=10))
    g = ops.open_gesprek(vault, mid)
    assert ops.open_gesprek(vault, mid).id == g.id  # the one in progress is reused
    ops.save_gesprek(
        vault,
        g.__class__(**{**g.__dict__, "locatie": "keuken", "let_op_afgevinkt": ("pgb", "onzin")}),
        {"zelf": "koken lukt\nAFSPRAAK: dochter belt", "vrij": "kat heet Minoes"},
        nu=T0,
    )
    again = ops.get_gesprek(vault, g.id)
    assert again.locatie == "keuken" and again.let_op_afgevinkt == ("pgb",)
    assert again.tekst("zelf") == "koken lukt\nAFSPRAAK: dochter belt"
    # Saving one section leaves the others alone and keeps old times.
    ops.save_gesprek(vault, again, {"zelf": "koken lukt\nAFSPRAAK: dochter belt\nnieuw"}, nu=T1)
    third = ops.get_gesprek(vault, g.id)
    assert third.tekst("vrij") == "kat heet Minoes"
    assert [i.tijdstip for i in third.items if i.onderwerp == "zelf"] == [T0, T0, T1]

    ops.rond_af(vault, g.id)
    ops.rond_af(vault, g.id)  # twice: one step, not two
    steps = [e for e in meldingen.list_gebeurtenissen(vault, mid) if e.soort is S.GESPREK]
    assert len(steps) == 1 and steps[0].datum == g.datum
    assert melding_termijnen(vault, mid).get("verslag_richtlijn") is not None
    assert ops.open_gesprek(vault, mid).id != g.id  # a finished gesprek is not reopened

    ops.save_voorbereiding(
        vault, ops.VoorbereidingData(mid, {"wat_kan_ik_zelf": "zelf koken", "onbekend": "x"})
    )
    prep = ops.get_voorbereiding(vault, mid)
    assert prep.velden["wat_kan_ik_zelf"] == "zelf koken" and "onbekend" not in prep.velden
