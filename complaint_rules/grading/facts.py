"""What grading knows about a ticket: fact vocabularies and :class:`TicketFacts`.

Where a seed's criterion is qualitative ("造成重大影响", "多次"), a rulebook
maps it to a fact flag (:data:`FACT_FLAGS`) or an ordinal level
(:data:`HARM_LEVELS`, :data:`CONDUCT_LEVELS`, :data:`IMPACT_LEVELS`); the
caller (a person or the Odoo layer) sets that fact.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from ..coerce import check_member, code_set, to_amount, to_count
from ..errors import InvalidInputError
from ..reference import CHANNELS, KINDS, codes

__all__ = [
    "CONDUCT_LEVELS",
    "FACT_FLAGS",
    "HARM_LEVELS",
    "IMPACT_LEVELS",
    "ORDINALS",
    "TicketFacts",
    "level_rank",
]


#: Harm suffered or threatened, least to most severe (an ordinal scale).
#: inconvenience: 轻微不便 / 一定程度不便 (S003-R020, S002-R035);
#: major_economic_loss: 重大经济损失 (S003-R018(2)), no amount in the seed;
#: personal_injury: 人身伤害 (S003-R018(2));
#: serious_injury: 重大人身伤害 (S001-R040(4)).
HARM_LEVELS: tuple[str, ...] = (
    "none",
    "inconvenience",
    "economic_loss",
    "major_economic_loss",
    "personal_injury",
    "serious_injury",
    "death",
)

#: Conduct of the person complained about (S002-R033..R035):
#: lacking 欠佳/沟通不到位, poor 差, egregious 恶劣/情节严重.
CONDUCT_LEVELS: tuple[str, ...] = ("none", "lacking", "poor", "egregious")

#: Scope of the bad impact (S002-R033, S002-R034): internal 院内/单位内,
#: public 社会 (also used for 重大负面影响, S001-R040(5)).
IMPACT_LEVELS: tuple[str, ...] = ("none", "internal", "public")

#: Boolean facts a criterion may require (``flags``), with their sources.
FACT_FLAGS: Mapping[str, str] = MappingProxyType(
    {
        "regulator_involved": (
            "A regulator or superior administrative authority is involved "
            "(S000-R151, S002-R033, S003-R068)"
        ),
        "media_involved": (
            "The media are involved; exposure possible or done "
            "(S001-R040, S002-R033, S000-R100)"
        ),
        "company_fault": (
            "Company at fault, or its management/service not in place "
            "(S003-R018, S003-R019, S001-R040)"
        ),
        "commitment_breached": (
            "A promised or contracted service was not delivered or fell "
            "clearly short (S003-R018)"
        ),
        "unresolved_one_month": (
            "A valid complaint still unresolved one calendar month after "
            "receipt; computed by the caller (S003-R018, S003-R034)"
        ),
        "leadership_involved": (
            "Lodged with the organisation's leaders or functional departments "
            "(S002-R034)"
        ),
        "government_petition": (
            "Petitioned a level of government or its departments (S001-R040)"
        ),
        "vip_customer": "The customer is within VIP scope (S000-R103)",
        "cross_province": (
            "Cross-province complaint of a roaming customer (S000-R103)"
        ),
        "needs_hq": "Needs HQ or another provincial branch (S000-R103)",
        "needs_dispatch": (
            "Cannot be answered by the channel or centre; needs dispatch "
            "inside the home branch (S000-R103)"
        ),
        "safety_related": "Related to safety (S003-R068, S001-R157)",
        "compensation_demanded": "Compensation involved (S003-R068)",
        "litigation_risk": (
            "Court proceedings likely or started (S003-R068, S001-R161)"
        ),
    }
)

KIND_CODES = codes(KINDS)
CHANNEL_CODES = codes(CHANNELS)
ORDINALS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"harm": HARM_LEVELS, "conduct": CONDUCT_LEVELS, "impact": IMPACT_LEVELS}
)


def level_rank(scale: str, level: str) -> int:
    """Position of ``level`` on the ordinal ``scale`` (``harm``, ``conduct``,
    ``impact``); 0 is the least severe."""
    return ORDINALS[scale].index(level)


@dataclass(frozen=True)
class TicketFacts:
    """What is known about a ticket, as input to grading.

    ``repeat_count`` counts earlier complaints of the same complainant on the
    same matter within the scheme's window (see :func:`count_repeats`).
    ``upgrade_count`` counts how many times the complainant, dissatisfied
    with an earlier result, took the same matter to a higher level (越级 /
    升级; S000-R155 direct appeal, S001-R112). ``amount`` is the money at
    stake. ``flags`` holds further boolean facts from :data:`FACT_FLAGS`;
    ``regulator_involved`` and ``media_involved`` are fields of their own and
    criteria refer to them as flags too.
    """

    kind: str = "complaint"
    channel: str = "hotline"
    regulator_involved: bool = False
    media_involved: bool = False
    complainant_count: int = 1
    repeat_count: int = 0
    upgrade_count: int = 0
    amount: Decimal = Decimal(0)
    harm: str = "none"
    conduct: str = "none"
    impact: str = "none"
    flags: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        check_member(self.kind, KIND_CODES, "kind")
        check_member(self.channel, CHANNEL_CODES, "channel")
        for name in ("regulator_involved", "media_involved"):
            if not isinstance(getattr(self, name), bool):
                raise InvalidInputError(f"{name} must be a boolean", field=name)
        for name in ("complainant_count", "repeat_count", "upgrade_count"):
            to_count(getattr(self, name), name)
        object.__setattr__(self, "amount", to_amount(self.amount, "amount"))
        check_member(self.harm, HARM_LEVELS, "harm")
        check_member(self.conduct, CONDUCT_LEVELS, "conduct")
        check_member(self.impact, IMPACT_LEVELS, "impact")
        object.__setattr__(self, "flags", code_set(self.flags, "flags", FACT_FLAGS))

    def active_flags(self) -> frozenset[str]:
        """All boolean facts that hold, including the two dedicated fields."""
        extra = {
            name
            for name in ("regulator_involved", "media_involved")
            if getattr(self, name)
        }
        return self.flags | extra
