"""Approval / delegation matrix for settlement measures (审批权限).

Head office decides how much a branch may concede when it settles a
complaint. Every measure of a settlement proposal (an *item*, e.g. 协议解约)
is looked up in a matrix of :class:`MatrixRule` rows; each row names the
approver role that is required when its amount / percentage bands match.

One job per module; this package exposes their public names:

* :mod:`.bands` — :class:`Band`, an interval of a measure with explicit
  inclusivity ("以内(含)", "超过", "不超过" written as data);
* :mod:`.matrix` — roles, settlement item types, measures, the
  :class:`MatrixRule` row and :func:`validate_matrix`;
* :mod:`.resolve` — amounts (:func:`surrender_amounts`) and the approver of
  an item or a whole proposal (:func:`resolve_approver`,
  :func:`resolve_proposal`);
* :mod:`.codec` — rows as plain dicts for Odoo records and data files, and
  back (:func:`rule_from_dict`, :func:`matrix_from_dicts`, …).

The matrices themselves are rulebook data in :mod:`complaint_rules.presets`
(seed 001, 第四条 投诉案件处理审批权限: :mod:`complaint_rules.presets.insurer`).
"""

from .bands import Band
from .codec import (
    ROW_FIELDS,
    item_rows,
    matrix_from_dicts,
    matrix_to_dicts,
    role_rows,
    rule_from_dict,
    rule_to_dict,
)
from .matrix import (
    AMOUNT_MEASURES,
    MEASURE_OTHER_AMOUNT,
    MEASURE_PREMIUM_SHARE_PCT,
    MEASURE_REFUND_OVER_CASH_VALUE,
    ItemType,
    MatrixRule,
    Role,
    validate_matrix,
)
from .resolve import (
    Decision,
    NoApplicableRuleError,
    ProposalDecision,
    ProposalItem,
    resolve_approver,
    resolve_proposal,
    surrender_amounts,
    validate_amounts,
)

__all__ = [
    "AMOUNT_MEASURES",
    "MEASURE_OTHER_AMOUNT",
    "MEASURE_PREMIUM_SHARE_PCT",
    "MEASURE_REFUND_OVER_CASH_VALUE",
    "ROW_FIELDS",
    "Band",
    "Decision",
    "ItemType",
    "MatrixRule",
    "NoApplicableRuleError",
    "ProposalDecision",
    "ProposalItem",
    "Role",
    "item_rows",
    "matrix_from_dicts",
    "matrix_to_dicts",
    "resolve_approver",
    "resolve_proposal",
    "role_rows",
    "rule_from_dict",
    "rule_to_dict",
    "surrender_amounts",
    "validate_amounts",
    "validate_matrix",
]
