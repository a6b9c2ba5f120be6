"""The reward of a case: :func:`compute_reward` over a policy and the facts.

One pure function for every policy (:class:`~.policy.RewardPolicy`). It
returns a :class:`RewardResult`: the amount (or, for a band policy, the range
the approver fixes it in), the tier, the basis, whether the cap or the floor
was applied, and an explanation as :class:`Note` items, each naming its rule
IDs and, where the source is ambiguous, the reading used.

Order of a percentage computation (seed 000 附件二 第五条, S000-R027..R030 /
S000-R079; the rule IDs come from the policy's data):

1. not verified, or an exclusion flag set → no reward, no floor (TC-15);
2. no recovered loss when the policy does not reward fine-only cases → no
   reward (whatever the fine, and no floor);
3. for each base with a positive amount (recovered loss, fine) the first tier
   that applies gives ``base × rate``, capped at the tier's cap, raised to the
   floor, rounded half up to the cent;
4. the basis: the approver's explicit choice, else the only positive base,
   else the policy's ``basis_when_both`` reading; the two are never added;
5. nothing recovered and no fine → no reward unless ``floor_on_zero_base``
   (which thus matters only where fine-only cases are rewarded).

Caps and the floor apply to the case total, whatever the number of reporters
(digest seed-000 §4.8 e); :func:`check_allocation` checks a manual split.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

from ..coerce import check_member, code_set, to_amount, to_count
from ..errors import InvalidInputError
from .policy import EVIDENCE_LEVELS, FLAGS, PercentTier, RewardPolicy

__all__ = [
    "CENT",
    "CaseFacts",
    "Note",
    "RewardResult",
    "check_allocation",
    "compute_reward",
]

#: Amounts are rounded half up to the cent (the source states no rounding).
CENT = Decimal("0.01")
_ZERO = Decimal(0)


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class CaseFacts:
    """What the computation knows about a case.

    :param verified: the report was verified (经查证属实 / 经查实).
    :param evidence: ``cooperation`` or ``direct`` (:data:`EVIDENCE_LEVELS`);
        required by percentage policies.
    :param recovered_loss: economic loss recovered for the company (挽回经济
        损失额), CNY.
    :param fine: fine imposed in the reported matter (罚款额), CNY.
    :param major: the case is marked major fraud (重大舞弊行为).
    :param flags: facts from :data:`FLAGS` (anonymous, audit staff, …); the
        policy decides which exclude.
    :param reporters: meritorious reporters of the case (≥ 1).
    :param joint: a joint, co-signed report (联名举报).
    :param basis: the approver's explicit choice of base, ``loss`` or
        ``fine``; overrides the policy's ``basis_when_both``.
    :param incident_value: infringed value of the verified incident (被侵害
        价值), CNY; required by band policies.
    :param fixed_amount: the amount the approver fixed within the band (band
        policies); checked against the band.
    """

    verified: bool = True
    evidence: str | None = None
    recovered_loss: Decimal = _ZERO
    fine: Decimal = _ZERO
    major: bool = False
    flags: frozenset[str] = frozenset()
    reporters: int = 1
    joint: bool = False
    basis: str | None = None
    incident_value: Decimal | None = None
    fixed_amount: Decimal | None = None

    def __post_init__(self) -> None:
        for name in ("verified", "major", "joint"):
            if not isinstance(getattr(self, name), bool):
                raise InvalidInputError(f"{name} must be a bool", field=name)
        if self.evidence is not None:
            check_member(self.evidence, EVIDENCE_LEVELS, "evidence")
        for name in ("recovered_loss", "fine"):
            object.__setattr__(self, name, to_amount(getattr(self, name), name))
        for name in ("incident_value", "fixed_amount"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, to_amount(value, name))
        object.__setattr__(self, "flags", code_set(self.flags, "flags", tuple(FLAGS)))
        if to_count(self.reporters, "reporters") < 1:
            raise InvalidInputError(
                "a case has at least one reporter", field="reporters"
            )
        if self.joint and self.reporters < 2:
            raise InvalidInputError(
                "a joint report has at least two signers", field="reporters"
            )
        if self.basis is not None:
            check_member(self.basis, ("loss", "fine"), "basis")


@dataclass(frozen=True)
class Note:
    """One step of the explanation: a code for the Odoo layer to translate,
    an English sentence, and the rule IDs it rests on."""

    code: str
    text: str
    rule_ids: tuple[str, ...] = ()

    def __str__(self) -> str:
        if not self.rule_ids:
            return self.text
        return f"{self.text} [{', '.join(self.rule_ids)}]"


@dataclass(frozen=True)
class RewardResult:
    """The reward of a case under a policy.

    ``amount`` is the reward of the case (0 when not eligible). For a band
    policy it is ``None`` until the approver fixes it (``fixed_amount``), and
    ``minimum``/``maximum`` are the band; for a percentage policy they equal
    ``amount``. ``alternatives`` holds, for information, the amount each base
    with a positive value would give (digest seed-000 §4.8 a). ``readings``
    names the ambiguity readings that decided this result.
    """

    policy: str
    eligible: bool
    amount: Decimal | None
    minimum: Decimal
    maximum: Decimal
    tier: str | None = None
    basis: str | None = None
    base: Decimal = _ZERO
    rate: Decimal | None = None
    raw: Decimal | None = None
    cap: Decimal | None = None
    cap_applied: bool = False
    floor_applied: bool = False
    excluded_by: tuple[str, ...] = ()
    alternatives: Mapping[str, Decimal] = field(default_factory=dict)
    readings: Mapping[str, object] = field(default_factory=dict)
    shared_by: int = 1
    notes: tuple[Note, ...] = ()

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """Every rule ID the explanation cites, in order, once."""
        return tuple(dict.fromkeys(rid for note in self.notes for rid in note.rule_ids))

    @property
    def explanation(self) -> str:
        """The notes as English sentences, one a line."""
        return "\n".join(str(note) for note in self.notes)


class _Builder:
    def __init__(self, policy: RewardPolicy, facts: CaseFacts) -> None:
        self.policy = policy
        self.facts = facts
        self.notes: list[Note] = []
        self.readings: dict[str, object] = {}

    def note(self, code: str, text: str, rule_ids: tuple[str, ...] = ()) -> None:
        self.notes.append(Note(code, text, tuple(rule_ids)))

    def reading(self, name: str, text: str, rule_ids: tuple[str, ...] = ()) -> None:
        value = getattr(self.policy, name)
        self.readings[name] = value
        self.note(f"reading:{name}", f"{text} (reading {name}={value})", rule_ids)

    def result(self, eligible: bool, amount: Decimal | None, **values) -> RewardResult:
        facts = self.facts
        if eligible and facts.reporters > 1:
            if facts.joint:
                text = (
                    f"Joint report: the case total is paid to all "
                    f"{facts.reporters} signers; the split is entered by hand."
                )
            else:
                text = (
                    f"{facts.reporters} reporters, one reward for the case: "
                    "shared by each one's role, in principle to the first "
                    "reporter or the biggest contributor, by hand."
                )
            self.note("sharing", text, self.policy.cites("sharing"))
        minimum = values.pop("minimum", amount if amount is not None else _ZERO)
        maximum = values.pop("maximum", minimum)
        return RewardResult(
            policy=self.policy.code,
            eligible=eligible,
            amount=amount,
            minimum=minimum,
            maximum=maximum,
            readings=MappingProxyType(dict(self.readings)),
            shared_by=facts.reporters,
            notes=tuple(self.notes),
            **values,
        )


def compute_reward(policy: RewardPolicy, facts: CaseFacts) -> RewardResult:
    """The reward of a case (one incident, for a per-incident policy).

    See the module docstring for the order of the steps. Raises
    :class:`~complaint_rules.errors.InvalidInputError` when a fact the policy
    needs is missing (the evidence level of a percentage policy, the incident
    value of a band policy), when the approver's ``basis`` has no amount, or
    when a ``fixed_amount`` lies outside its band.
    """
    if not isinstance(policy, RewardPolicy):
        raise InvalidInputError("policy must be a RewardPolicy", field="policy")
    if not isinstance(facts, CaseFacts):
        raise InvalidInputError("facts must be CaseFacts", field="facts")
    build = _Builder(policy, facts)
    excluded = _exclusions(build)
    if excluded is not None:
        return excluded
    if policy.method == "band":
        return _band(build)
    return _percentage(build)


def _exclusions(build: _Builder) -> RewardResult | None:
    policy, facts = build.policy, build.facts
    reasons: list[str] = []
    if not facts.verified:
        reasons.append("not_verified")
        build.note(
            "not_verified",
            "The report is not verified: no reward.",
            policy.cites("scope"),
        )
    for exclusion in policy.excluding(facts.flags):
        reasons.append(exclusion.flag)
        build.note(
            f"excluded:{exclusion.flag}",
            f"Excluded: {FLAGS[exclusion.flag]}; no reward, no floor.",
            exclusion.rule_ids,
        )
    if not reasons:
        return None
    return build.result(False, _ZERO, excluded_by=tuple(reasons))


# -- band policies -----------------------------------------------------------


def _band(build: _Builder) -> RewardResult:
    policy, facts = build.policy, build.facts
    value = facts.incident_value
    if value is None:
        raise InvalidInputError(
            f"policy {policy.code} needs the incident value", field="incident_value"
        )
    band = policy.band_for(value)
    if policy.per_incident:
        build.note(
            "per_incident",
            "One reward per verified incident; a report verifying several "
            "incidents is computed once per incident.",
            policy.cites("sharing"),
        )
    build.note(
        f"band:{band.code}",
        f"Infringed value {_plain(value)}: band {band.label_zh}, reward "
        f"{_plain(band.minimum)}-{_plain(band.maximum)} fixed by the approver.",
        band.rule_ids,
    )
    edges = {b.lower for b in policy.bands} | {b.upper for b in policy.bands}
    if value in edges:
        build.reading(
            "edge_reading",
            f"The value {_plain(value)} is exactly at a band edge: it falls in "
            f"the {policy.edge_reading} band",
            band.rule_ids,
        )
    amount = facts.fixed_amount
    if amount is not None:
        if not band.minimum <= amount <= band.maximum:
            raise InvalidInputError(
                f"the fixed amount {_plain(amount)} is outside the band "
                f"{_plain(band.minimum)}-{_plain(band.maximum)}",
                field="fixed_amount",
                value=str(amount),
            )
        amount = _money(amount)
        build.note(
            "fixed",
            f"Amount fixed by the approver: {_plain(amount)}.",
            policy.cites("approval"),
        )
    return build.result(
        True,
        amount,
        minimum=band.minimum,
        maximum=band.maximum,
        tier=band.code,
        basis="incident_value",
        base=value,
    )


# -- percentage policies -----------------------------------------------------


@dataclass(frozen=True)
class _Option:
    basis: str
    base: Decimal
    tier: PercentTier
    rate: Decimal
    raw: Decimal
    capped: Decimal
    floored: bool
    amount: Decimal


def _is_major(policy: RewardPolicy, facts: CaseFacts, tier: PercentTier) -> bool:
    if tier.min_loss is None:
        return facts.major
    if policy.major_reading == "threshold":
        return True
    return facts.major


def _applies(policy: RewardPolicy, facts: CaseFacts, tier: PercentTier, basis: str):
    if tier.rate(basis) is None:
        return False
    if tier.evidence and facts.evidence not in tier.evidence:
        return False
    if tier.min_loss is not None and facts.recovered_loss < tier.min_loss:
        return False
    if tier.major:
        if not _is_major(policy, facts, tier):
            return False
        if policy.major_needs_direct_evidence and facts.evidence != "direct":
            return False
    return True


def _option(policy: RewardPolicy, facts: CaseFacts, basis: str) -> _Option:
    base = facts.recovered_loss if basis == "loss" else facts.fine
    for tier in policy.tiers:
        if _applies(policy, facts, tier, basis):
            rate = tier.rate(basis)
            assert rate is not None
            raw = base * rate
            capped = min(raw, tier.cap)
            floored = policy.floor is not None and capped < policy.floor
            amount = policy.floor if floored else capped
            return _Option(
                basis, base, tier, rate, raw, capped, floored, _money(amount)
            )
    raise InvalidInputError(  # pragma: no cover - checked by the policy
        f"policy {policy.code}: no tier for basis {basis}"
    )


def _percentage(build: _Builder) -> RewardResult:
    policy, facts = build.policy, build.facts
    if facts.evidence is None:
        raise InvalidInputError(
            f"policy {policy.code} needs the evidence level", field="evidence"
        )
    loss, fine = facts.recovered_loss, facts.fine
    if facts.basis is not None:
        chosen = loss if facts.basis == "loss" else fine
        if chosen <= 0:
            raise InvalidInputError(
                f"the chosen basis {facts.basis!r} has no amount", field="basis"
            )
    if loss == 0 and not policy.fine_only_rewarded:
        build.reading(
            "fine_only_rewarded",
            "No recovered loss: only a report that recovers a loss is "
            "rewarded, so no reward, whatever the fine",
            policy.cites("scope"),
        )
        return build.result(False, _ZERO, excluded_by=("no_recovered_loss",))
    if loss == 0 and fine == 0:
        return _zero_base(build)

    options = {
        basis: _option(policy, facts, basis)
        for basis, base in (("loss", loss), ("fine", fine))
        if base > 0
    }
    if loss == 0:
        build.reading(
            "fine_only_rewarded",
            "A fine but no recovered loss: rewarded on the fine",
            policy.cites("scope"),
        )
    option = _choose(build, options)
    return _finish(build, option, options)


def _choose(build: _Builder, options: dict[str, _Option]) -> _Option:
    policy, facts = build.policy, build.facts
    if facts.basis is not None:
        build.note(
            "basis:chosen",
            f"Basis {facts.basis} chosen by the approver.",
            policy.cites("basis"),
        )
        return options[facts.basis]
    if len(options) == 1:
        return next(iter(options.values()))
    reading = policy.basis_when_both
    if reading == "higher":
        option = max(options.values(), key=lambda o: (o.amount, o.basis == "loss"))
        text = "A recovered loss and a fine: the one giving more is used, never both"
    else:
        option = options[reading]
        text = f"A recovered loss and a fine: the {reading} is used, never both"
    build.reading("basis_when_both", text, policy.cites("basis"))
    return option


def _finish(
    build: _Builder, option: _Option, options: dict[str, _Option]
) -> RewardResult:
    policy, facts = build.policy, build.facts
    tier = option.tier
    what = "recovered loss" if option.basis == "loss" else "fine"
    build.note(
        f"tier:{tier.code}",
        f"Tier {tier.label_zh} ({facts.evidence} evidence"
        + (", major" if tier.major else "")
        + f"): {_plain(option.rate * 100)} % of the {what} "
        f"{_plain(option.base)} = {_plain(option.raw)}, cap {_plain(tier.cap)}.",
        tier.rule_ids,
    )
    if tier.major:
        if policy.major_reading == "threshold" and not facts.major:
            build.reading(
                "major_reading",
                f"A recovered loss of at least {_plain(tier.min_loss)} makes the "
                "case major",
                tier.rule_ids,
            )
        else:
            build.reading(
                "major_reading",
                "Major fraud: the case is marked major and the loss threshold is met",
                tier.rule_ids,
            )
    elif facts.major or policy.major_reading == "threshold":
        _note_major_fallback(build, option)
    cap_applied = option.raw > tier.cap
    if cap_applied:
        build.note(
            "cap",
            f"Capped at {_plain(tier.cap)} for the case.",
            tier.rule_ids,
        )
    floor_applied = option.floored
    if floor_applied:
        assert policy.floor is not None
        build.note(
            "floor",
            f"Below {_plain(policy.floor)} for the case: raised to the floor.",
            policy.cites("floor"),
        )
    build.note("amount", f"Reward of the case: {_plain(option.amount)}.")
    return build.result(
        True,
        option.amount,
        tier=tier.code,
        basis=option.basis,
        base=option.base,
        rate=option.rate,
        raw=option.raw,
        cap=tier.cap,
        cap_applied=cap_applied,
        floor_applied=floor_applied,
        alternatives=MappingProxyType({b: o.amount for b, o in options.items()}),
    )


def _note_major_fallback(build: _Builder, option: _Option) -> None:
    """Why a major tier did not apply although the case looked major."""
    policy, facts = build.policy, build.facts
    for tier in policy.tiers:
        if not tier.major:
            continue
        if tier.rate(option.basis) is None:
            if facts.major:
                build.note(
                    f"major_not_on:{option.basis}",
                    f"Tier {tier.label_zh} has no {option.basis} rate: the "
                    "ordinary tier applies.",
                    tier.rule_ids,
                )
            return
        if tier.min_loss is not None and facts.recovered_loss < tier.min_loss:
            if facts.major:
                build.note(
                    "major_below_threshold",
                    f"Marked major but the recovered loss is below "
                    f"{_plain(tier.min_loss)}: the tier of its evidence applies.",
                    tier.rule_ids,
                )
            return
        if policy.major_needs_direct_evidence and facts.evidence != "direct":
            build.reading(
                "major_needs_direct_evidence",
                f"Tier {tier.label_zh} is read as needing direct evidence",
                tier.rule_ids,
            )
            return


def _zero_base(build: _Builder) -> RewardResult:
    policy = build.policy
    if policy.floor_on_zero_base and policy.floor is not None:
        build.reading(
            "floor_on_zero_base",
            f"Nothing recovered and no fine: the floor {_plain(policy.floor)} is paid",
            policy.cites("floor"),
        )
        tier = next(
            t
            for t in policy.tiers
            if not t.major and (not t.evidence or build.facts.evidence in t.evidence)
        )
        amount = _money(policy.floor)
        return build.result(
            True,
            amount,
            tier=tier.code,
            basis="loss",
            rate=tier.loss_rate,
            raw=_ZERO,
            cap=tier.cap,
            floor_applied=True,
        )
    build.reading(
        "floor_on_zero_base",
        "Nothing recovered and no fine: no reward, the floor does not apply",
        policy.cites("scope") + policy.cites("floor"),
    )
    return build.result(False, _ZERO, excluded_by=("zero_base",))


def check_allocation(total: object, shares: Mapping[str, object]) -> Decimal:
    """Check a manual split of a case's reward among its reporters.

    The cap and the floor apply to the case total (S000-R031 / S000-R080: "奖金
    总额按本办法奖励标准执行"); the split "根据个人在其中所起作用" has no formula,
    so the approver enters it. Each share must be positive and the shares may
    not exceed ``total``. Returns what is left unallocated.
    """
    total = to_amount(total, "total")
    if not isinstance(shares, Mapping) or not shares:
        raise InvalidInputError("shares must be a non-empty mapping", field="shares")
    allocated = _ZERO
    for who, share in shares.items():
        amount = to_amount(share, f"share of {who}")
        if amount <= 0:
            raise InvalidInputError(
                f"the share of {who} must be positive", field="shares", who=who
            )
        allocated += amount
    if allocated > total:
        raise InvalidInputError(
            f"the shares ({_plain(allocated)}) exceed the case total ({_plain(total)})",
            field="shares",
            total=str(total),
            allocated=str(allocated),
        )
    return total - allocated
