"""Pure-Python business rules of the complaint suite.

Nothing in this package imports Odoo: the addons call these functions, and
``tests/rules`` exercises them with plain pytest and hypothesis.

Logic and rulebooks are kept apart. The logic packages (``approval``,
``grading``, ``sla``) and modules each do one job and hold no seed's numbers;
the seeds' rulebooks — grading schemes, the delegation matrix, SLA policies —
are data in ``presets/<seed system>.py``, found by code through
:mod:`complaint_rules.presets`.
"""
