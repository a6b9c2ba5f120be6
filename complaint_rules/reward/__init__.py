"""Whistleblowing reports and their rewards: the pure rules of the
``whistleblower_reward`` addon.

One job per module; this package exposes their public names:

* :mod:`.policy` — :class:`RewardPolicy` and its parts (tiers, value bands,
  exclusions, roles), the fact flags and the readings of ambiguous text;
* :mod:`.compute` — :func:`compute_reward` over a policy and
  :class:`CaseFacts`, returning a :class:`RewardResult` with its
  explanation; :func:`check_allocation` for a manual split;
* :mod:`.deadlines` — the proposal deadline after closing (working days) and
  the claim deadline and lapse (a calendar month after notification);
* :mod:`.opening` — opening (立项) routing by anonymity, rank and rulebook;
* :mod:`.receipt` — receipt codes and secrets, their hash and verification;
* :mod:`.throttle` — rate limits of follow-up attempts per code and address.

The seeds' policies and opening rules are rulebook data in
:mod:`complaint_rules.presets` (``mine``, ``listed_company``, ``utility``).
"""

from .compute import CaseFacts, Note, RewardResult, check_allocation, compute_reward
from .deadlines import (
    ClaimStatus,
    add_months,
    claim_deadline,
    claim_status,
    proposal_deadline,
)
from .opening import RANKS, ROUTES, OpeningRules, Route, route_opening
from .policy import (
    BASES,
    BASIS_READINGS,
    EDGE_READINGS,
    EVIDENCE_LEVELS,
    FLAGS,
    MAJOR_READINGS,
    METHODS,
    MONTH_END_READINGS,
    READINGS,
    TOPICS,
    Exclusion,
    PercentTier,
    RewardPolicy,
    RoleRef,
    ValueBand,
)

__all__ = [
    "BASES",
    "BASIS_READINGS",
    "EDGE_READINGS",
    "EVIDENCE_LEVELS",
    "FLAGS",
    "MAJOR_READINGS",
    "METHODS",
    "MONTH_END_READINGS",
    "RANKS",
    "READINGS",
    "ROUTES",
    "TOPICS",
    "CaseFacts",
    "ClaimStatus",
    "Exclusion",
    "Note",
    "OpeningRules",
    "PercentTier",
    "RewardPolicy",
    "RewardResult",
    "RoleRef",
    "Route",
    "ValueBand",
    "add_months",
    "check_allocation",
    "claim_deadline",
    "claim_status",
    "compute_reward",
    "proposal_deadline",
    "route_opening",
]
