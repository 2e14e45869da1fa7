"""Named database operations: each opens its own short session and returns plain
dataclasses (never live ORM objects), so they are safe to call from a worker
thread. Qt-free on purpose: tests, the demo and benchmarks call them directly.
"""
