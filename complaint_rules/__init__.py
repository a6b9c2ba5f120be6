"""Pure-Python business rules of the complaint suite.

Nothing in this package imports Odoo: the addons call these functions, and
``tests/rules`` exercises them with plain pytest and hypothesis.
"""
