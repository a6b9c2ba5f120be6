"""Reward policies: tiers, value bands, exclusions and the readings chosen.

A :class:`RewardPolicy` is data (frozen dataclasses); the seeds' policies are
rulebooks in :mod:`complaint_rules.presets` (``mine``, ``listed_company``,
``utility``). Two methods exist:

* ``percentage`` (seed 000 附件二 第五条, S000-R027..R030 / S000-R079): a
  share of the recovered loss or of the fine, by tier, capped per tier, with a
  floor per case; tiers are :class:`PercentTier`, tried in order, the first
  that applies wins.
* ``band`` (seed 002 D2 十三, S002-R067): per verified incident, the
  infringed value picks a :class:`ValueBand` (a range of reward amounts); the
  approver fixes the amount within it.

Where the source is ambiguous (seed-000 §4.8, seed-002 §2.5), the policy
carries the choice as a field with a documented default (the *readings*,
:data:`READINGS`); :func:`complaint_rules.reward.compute_reward` names the
reading it used in its explanation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from types import MappingProxyType

from ..coerce import check_member, to_amount
from ..errors import InvalidInputError

__all__ = [
    "BASES",
    "BASIS_READINGS",
    "EDGE_READINGS",
    "EVIDENCE_LEVELS",
    "FLAGS",
    "MAJOR_READINGS",
    "METHODS",
    "MONTH_END_READINGS",
    "READINGS",
    "TOPICS",
    "Exclusion",
    "PercentTier",
    "RewardPolicy",
    "RoleRef",
    "ValueBand",
]

#: How a policy computes: a share of a base, or a band the approver fills.
METHODS: tuple[str, ...] = ("percentage", "band")

#: Evidence the reporter gave (seed 000 附件二 第五条; digest §4.8 i):
#: ``cooperation`` 举报并配合调查、但未提供有效证据 (tier 一);
#: ``direct`` 举报并提供直接线索、证据 (tier 二).
EVIDENCE_LEVELS: tuple[str, ...] = ("cooperation", "direct")

#: What a reward is a share of: the recovered loss (挽回经济损失额), the fine
#: (罚款额), or the infringed value of one incident (被侵害价值, band method).
BASES: tuple[str, ...] = ("loss", "fine", "incident_value")

#: Facts about a report that a policy may list as exclusions (不属本办法奖励
#: 范围 / 不予奖励情形). The vocabulary is shared, so the Odoo layer passes the
#: same flags whatever the policy; each policy decides which ones exclude.
FLAGS: Mapping[str, str] = MappingProxyType(
    {
        "anonymous": "Anonymous report (匿名举报)",
        "own_duties": "Report within the reporter's own job duties (个人职责范围内)",
        "commissioned": "Report made on the unit's commission (受单位委托)",
        "audit_staff": "Report by audit staff (审计人员的举报)",
        "already_rewarded": "The case has already been rewarded (不重复奖励)",
        "already_discovered": "Facts already discovered by the department (已经发现的)",
        "under_investigation": "Facts already under investigation (正在查处的)",
        "measures_taken": "Measures already taken on the facts (已经采取了相应措施的)",
    }
)

#: Which base applies when a case has both a recovered loss and a fine
#: ("按挽回经济损失的10%或按罚款额的30%": "或", digest seed-000 §4.8 a). The two
#: are never added. ``loss``: the recovered loss (第五条 "根据为公司挽回经济
#: 损失的实际额度"); ``fine``: the fine; ``higher``: whichever gives more. An
#: approver's explicit choice (:attr:`CaseFacts.basis`) overrides the reading.
BASIS_READINGS: tuple[str, ...] = ("loss", "fine", "higher")

#: What makes a case "重大舞弊行为" (undefined, digest seed-000 §4.8 b):
#: ``flag`` the case is marked major **and** the loss threshold is met (the
#: digest's suggested reading); ``threshold`` meeting the loss threshold alone
#: makes it major.
MAJOR_READINGS: tuple[str, ...] = ("flag", "threshold")

#: Which band holds a value exactly at a band edge ("5万元以下" vs "达5万元以上",
#: digest seed-002 §2.5): ``upper`` ("达…以上" reaches the higher band) or
#: ``lower`` ("以下" read inclusively).
EDGE_READINGS: tuple[str, ...] = ("upper", "lower")

#: When the claim month ends for a notice on a day number the next month
#: lacks (01-31; "一个月", digest seed-000 §4.8 h): ``clamp`` on the last day of
#: the shorter month, ``overflow`` the surplus days into the month after.
MONTH_END_READINGS: tuple[str, ...] = ("clamp", "overflow")

#: Topics a policy cites rule IDs for (:attr:`RewardPolicy.citations`):
#: ``scope`` what is rewarded at all (verified, recovered loss); ``floor``;
#: ``sharing`` one reward per case and several or joint reporters; ``basis``
#: the loss-or-fine rule; ``proposal`` and ``claim`` the deadlines;
#: ``approval`` who approves.
TOPICS: tuple[str, ...] = (
    "scope",
    "floor",
    "sharing",
    "basis",
    "proposal",
    "claim",
    "approval",
)

#: Every reading field of :class:`RewardPolicy` and the values it takes.
READINGS: Mapping[str, tuple] = MappingProxyType(
    {
        "basis_when_both": BASIS_READINGS,
        "major_reading": MAJOR_READINGS,
        "major_needs_direct_evidence": (False, True),
        "fine_only_rewarded": (True, False),
        "floor_on_zero_base": (False, True),
        "edge_reading": EDGE_READINGS,
        "claim_month_end": MONTH_END_READINGS,
    }
)


def _rule_ids(value: object, owner: str) -> tuple[str, ...]:
    ids = tuple(value) if not isinstance(value, str) else (value,)
    if not ids or not all(isinstance(rule_id, str) and rule_id for rule_id in ids):
        raise InvalidInputError(f"{owner}: rule_ids must be a non-empty tuple of IDs")
    return ids


def _optional_amount(value: object, name: str) -> Decimal | None:
    return None if value is None else to_amount(value, name)


@dataclass(frozen=True)
class RoleRef:
    """A role of a rulebook (办公室, 矿领导, 审计部, …) by code and label.

    The Odoo layer maps ``code`` to an approval role of complaint_core.
    """

    code: str
    label_zh: str
    label_en: str

    def __post_init__(self) -> None:
        if not self.code or not isinstance(self.code, str):
            raise InvalidInputError("a role needs a code", field="code")


@dataclass(frozen=True)
class Exclusion:
    """A fact (:data:`FLAGS`) that rules the reward out under a policy."""

    flag: str
    rule_ids: tuple[str, ...]

    def __post_init__(self) -> None:
        check_member(self.flag, tuple(FLAGS), "flag")
        object.__setattr__(self, "rule_ids", _rule_ids(self.rule_ids, self.flag))


@dataclass(frozen=True)
class PercentTier:
    """One tier of a percentage policy.

    The tier applies when the report's evidence level is one of ``evidence``
    (empty: any level), the case is major if ``major`` is set (read by the
    policy's ``major_reading``), and the recovered loss is at least
    ``min_loss`` (inclusive, "20万元(含)以上") when set. It pays ``loss_rate``
    of the recovered loss or ``fine_rate`` of the fine (``None``: no fine
    alternative, tier 三), at most ``cap``. Rates are fractions (``0.10``).
    """

    code: str
    label_zh: str
    rule_ids: tuple[str, ...]
    loss_rate: Decimal
    cap: Decimal
    fine_rate: Decimal | None = None
    evidence: frozenset[str] = frozenset()
    major: bool = False
    min_loss: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "rule_ids", _rule_ids(self.rule_ids, self.code))
        for name in ("loss_rate", "fine_rate"):
            rate = _optional_amount(getattr(self, name), name)
            if rate is not None and rate > 1:
                raise InvalidInputError(
                    f"tier {self.code}: {name} is a fraction, got {rate}", field=name
                )
            object.__setattr__(self, name, rate)
        if self.loss_rate is None:
            raise InvalidInputError(f"tier {self.code}: loss_rate is required")
        object.__setattr__(self, "cap", to_amount(self.cap, "cap"))
        object.__setattr__(self, "min_loss", _optional_amount(self.min_loss, "min"))
        if isinstance(self.evidence, str):
            raise InvalidInputError(f"tier {self.code}: evidence must be a set")
        evidence = frozenset(self.evidence)
        for level in evidence:
            check_member(level, EVIDENCE_LEVELS, "evidence")
        object.__setattr__(self, "evidence", evidence)

    def rate(self, basis: str) -> Decimal | None:
        """The tier's rate for ``basis`` (``loss`` or ``fine``), or ``None``."""
        return self.loss_rate if basis == "loss" else self.fine_rate


@dataclass(frozen=True)
class ValueBand:
    """A band of a band policy: an incident whose infringed value lies from
    ``lower`` (``None``: no lower edge) below ``upper`` (``None``: no upper
    edge) is rewarded with an amount from ``minimum`` to ``maximum`` that the
    approver fixes. Which band holds a value exactly at an edge is the
    policy's ``edge_reading``."""

    code: str
    label_zh: str
    rule_ids: tuple[str, ...]
    minimum: Decimal
    maximum: Decimal
    lower: Decimal | None = None
    upper: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "rule_ids", _rule_ids(self.rule_ids, self.code))
        for name in ("minimum", "maximum"):
            object.__setattr__(self, name, to_amount(getattr(self, name), name))
        for name in ("lower", "upper"):
            object.__setattr__(self, name, _optional_amount(getattr(self, name), name))
        if self.minimum > self.maximum:
            raise InvalidInputError(f"band {self.code}: minimum above maximum")
        if (
            self.lower is not None
            and self.upper is not None
            and self.lower >= self.upper
        ):
            raise InvalidInputError(f"band {self.code}: lower edge not below upper")

    def holds(self, value: Decimal, edge_reading: str) -> bool:
        """Whether an incident of ``value`` falls in the band."""
        upper_edge = edge_reading == "upper"
        if self.lower is not None and (
            value < self.lower or (value == self.lower and not upper_edge)
        ):
            return False
        return not (
            self.upper is not None
            and (value > self.upper or (value == self.upper and upper_edge))
        )


@dataclass(frozen=True)
class RewardPolicy:
    """A rulebook's reward policy.

    :param code: registry code (``mine``, ``listed_company``, ``utility``).
    :param method: ``percentage`` (``tiers``, ``floor``) or ``band``
        (``bands``); see :data:`METHODS`.
    :param exclusions: facts that rule the reward out (:class:`Exclusion`).
    :param floor: the least reward of a case (per case, not per person,
        digest seed-000 §4.8 e), ``None`` for none.
    :param proposer, approver: who proposes and who approves the reward.
    :param proposal_working_days: the proposal is due this many China working
        days after the case is closed (结案); ``None``: no limit in the source.
    :param claim_months: the reporter claims within this many calendar months
        of notification, then the reward is forfeited; ``None``: no limit.
    :param per_incident: one reward per verified incident (S002-R067 "任意
        一起") rather than one per case.
    :param rule_ids: the rules the policy as a whole implements.
    :param citations: the rule IDs of each topic (:data:`TOPICS`) that the
        explanation of a computation or a deadline cites.

    Readings (:data:`READINGS`), each with its default:

    * ``basis_when_both`` = ``loss`` (:data:`BASIS_READINGS`);
    * ``major_reading`` = ``flag`` (:data:`MAJOR_READINGS`);
    * ``major_needs_direct_evidence`` = ``False``: tier 三 states no evidence
      condition ("举报重大舞弊行为,经查证属实并挽回经济损失20万元(含)以上");
    * ``fine_only_rewarded`` = ``True``: a case with a fine and no recovered
      loss is rewarded at the fine rate of tier 一/二 (第五条 names the fine as a
      source of the money and gives its rates); ``False`` reads 第一条 of 篇四
      ("经查证属实、挽回经济损失的舞弊举报") as a condition (digest §4.8 d);
    * ``floor_on_zero_base`` = ``False``: nothing recovered and no fine is no
      reward, the 100元 floor raises only a positive reward (digest §4.8 g);
    * ``edge_reading`` = ``upper`` (:data:`EDGE_READINGS`);
    * ``claim_month_end`` = ``clamp`` (:data:`MONTH_END_READINGS`).
    """

    code: str
    name: str
    method: str
    rule_ids: tuple[str, ...]
    proposer: RoleRef
    approver: RoleRef
    exclusions: tuple[Exclusion, ...] = ()
    tiers: tuple[PercentTier, ...] = ()
    bands: tuple[ValueBand, ...] = ()
    floor: Decimal | None = None
    citations: Mapping[str, tuple[str, ...]] = field(
        default_factory=dict, compare=False
    )
    proposal_working_days: int | None = None
    claim_months: int | None = None
    per_incident: bool = False
    basis_when_both: str = "loss"
    major_reading: str = "flag"
    major_needs_direct_evidence: bool = False
    fine_only_rewarded: bool = True
    floor_on_zero_base: bool = False
    edge_reading: str = "upper"
    claim_month_end: str = "clamp"
    note: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        check_member(self.method, METHODS, "method")
        object.__setattr__(self, "rule_ids", _rule_ids(self.rule_ids, self.code))
        self._check_citations()
        for name, allowed in READINGS.items():
            value = getattr(self, name)
            if type(value) is not type(allowed[0]) or value not in allowed:
                raise InvalidInputError(
                    f"policy {self.code}: {name} must be one of {allowed!r}, "
                    f"got {value!r}",
                    field=name,
                    value=value,
                )
        for name, cls in (
            ("exclusions", Exclusion),
            ("tiers", PercentTier),
            ("bands", ValueBand),
        ):
            items = tuple(getattr(self, name))
            if not all(isinstance(item, cls) for item in items):
                raise InvalidInputError(
                    f"policy {self.code}: {name} must hold {cls.__name__} items"
                )
            object.__setattr__(self, name, items)
        flags = [exclusion.flag for exclusion in self.exclusions]
        if len(set(flags)) != len(flags):
            raise InvalidInputError(f"policy {self.code}: an exclusion repeats")
        object.__setattr__(self, "floor", _optional_amount(self.floor, "floor"))
        for name in ("proposal_working_days", "claim_months"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or value < 1
            ):
                raise InvalidInputError(
                    f"policy {self.code}: {name} must be a positive integer or None"
                )
        if self.method == "percentage":
            self._check_percentage()
        else:
            self._check_band()

    def _check_citations(self) -> None:
        if not isinstance(self.citations, Mapping):
            raise InvalidInputError(f"policy {self.code}: citations must be a mapping")
        cited = {}
        for topic, ids in self.citations.items():
            check_member(topic, TOPICS, "topic")
            cited[topic] = _rule_ids(ids, f"{self.code} {topic}")
        needed = {"scope", "sharing"}
        if self.floor is not None:
            needed.add("floor")
        if self.proposal_working_days is not None:
            needed.add("proposal")
        if self.claim_months is not None:
            needed.add("claim")
        missing = sorted(needed - set(cited))
        if missing:
            raise InvalidInputError(
                f"policy {self.code}: no rule IDs cited for {', '.join(missing)}"
            )
        object.__setattr__(self, "citations", MappingProxyType(cited))

    def cites(self, topic: str) -> tuple[str, ...]:
        """The rule IDs the policy cites for ``topic`` (empty if none)."""
        check_member(topic, TOPICS, "topic")
        return self.citations.get(topic, ())

    def _check_percentage(self) -> None:
        if not self.tiers or self.bands:
            raise InvalidInputError(
                f"percentage policy {self.code} needs tiers and no bands"
            )
        codes = [tier.code for tier in self.tiers]
        if len(set(codes)) != len(codes):
            raise InvalidInputError(f"policy {self.code}: a tier code repeats")
        if self.floor is not None and any(self.floor > t.cap for t in self.tiers):
            raise InvalidInputError(f"policy {self.code}: floor above a cap")
        for level in EVIDENCE_LEVELS:
            if not any(
                not tier.major and (not tier.evidence or level in tier.evidence)
                for tier in self.tiers
            ):
                raise InvalidInputError(
                    f"policy {self.code}: no ordinary tier for evidence {level!r}"
                )

    def _check_band(self) -> None:
        if not self.bands or self.tiers or self.floor is not None:
            raise InvalidInputError(
                f"band policy {self.code} needs bands, and no tiers or floor"
            )
        bands = sorted(
            self.bands, key=lambda b: Decimal(-1) if b.lower is None else b.lower
        )
        if bands[0].lower not in (None, Decimal(0)) or bands[-1].upper is not None:
            raise InvalidInputError(
                f"policy {self.code}: the bands must cover every value from 0"
            )
        for below, above in pairwise(bands):
            if below.upper is None or below.upper != above.lower:
                raise InvalidInputError(
                    f"policy {self.code}: bands {below.code} and {above.code} "
                    "must meet at one edge"
                )

    # -- queries -------------------------------------------------------------

    def excluding(self, flags: frozenset[str]) -> tuple[Exclusion, ...]:
        """The exclusions of the policy that ``flags`` trigger."""
        return tuple(ex for ex in self.exclusions if ex.flag in flags)

    def band_for(self, value: Decimal) -> ValueBand:
        """The band holding an incident of ``value`` (band policies)."""
        for band in self.bands:
            if band.holds(value, self.edge_reading):
                return band
        raise InvalidInputError(  # pragma: no cover - bands cover [0, inf)
            f"policy {self.code}: no band for {value}"
        )

    @property
    def cited_rule_ids(self) -> tuple[str, ...]:
        """Every rule ID the policy holds (its own, its tiers', bands',
        exclusions' and citations'), in order, once."""
        parts = (*self.tiers, *self.bands, *self.exclusions)
        ids = [*self.rule_ids, *(rid for part in parts for rid in part.rule_ids)]
        ids.extend(rid for topic in TOPICS for rid in self.cites(topic))
        return tuple(dict.fromkeys(ids))

    @property
    def readings(self) -> Mapping[str, object]:
        """The readings of the policy, by field name (:data:`READINGS`)."""
        return MappingProxyType({name: getattr(self, name) for name in READINGS})
