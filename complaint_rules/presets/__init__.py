"""The seeds' rulebooks, one module each, and a registry to find them by code.

A rulebook module (``presets/<seed system>.py``) holds data only — grading
schemes, approval matrices, SLA policies built from the logic modules'
dataclasses — each entry citing the seed's rule IDs (``S001-R012``), and ends
with a ``RULEBOOK`` mapping ``{kind: {code: preset}}`` of what it provides.
Engines and the Odoo layer look presets up here by kind and code, never by
module::

    from complaint_rules import presets

    presets.grading_scheme("telecom_upgrade")        # GradingScheme
    presets.approval_matrix("insurance_settlement")  # tuple of MatrixRule
    presets.sla_policies("hospital")                 # tuple of Policy
    presets.reward_policy("mine")                    # RewardPolicy
    presets.opening_rules("listed_company")          # OpeningRules
    presets.kpi_indicators("telecom")                # IndicatorSet
    presets.staff_accountability("hospital")         # StaffRules
    presets.appeal_plan("telecom_appeal")            # StagePlan
    presets.regulator_body("food_drug")              # RegulatorBody
    presets.supervision_ladder("telecom_appeal")     # Ladder

A new rulebook is a new module listed in :data:`RULEBOOKS`; a new kind of
preset (regulator bodies, KPI definitions) is a new entry of
:data:`KINDS` with the check every preset of that kind must pass.
:func:`validate` runs every check, and the cross-checks between kinds (an SLA
policy's grading scheme and grades exist; a matrix's items are listed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from importlib import import_module
from types import MappingProxyType
from typing import Any

from ..appeal import Ladder, RegulatorBody, StagePlan
from ..approval import ItemType, MatrixRule, validate_matrix
from ..coerce import check_member
from ..errors import InvalidInputError
from ..grading import GradingScheme
from ..kpi import IndicatorSet, StaffRules
from ..reward import OpeningRules, RewardPolicy
from ..sla import Policy

__all__ = [
    "KINDS",
    "RULEBOOKS",
    "appeal_plan",
    "approval_matrix",
    "codes",
    "get",
    "grading_scheme",
    "kpi_indicators",
    "opening_rules",
    "presets",
    "regulator_body",
    "reward_policy",
    "settlement_items",
    "sla_policies",
    "staff_accountability",
    "supervision_ladder",
    "validate",
]

#: The rulebook modules of this package, in the order data files list them.
RULEBOOKS: tuple[str, ...] = (
    "property",
    "telecom",
    "hospital",
    "insurer",
    "cultural_relics",
    "mine",
    "listed_company",
    "utility",
    "kpi_telecom",
    "kpi_hospital",
    "regulators",
    "regulators_001",
    "regulators_003",
    "regulators_004",
)


def _tuple_of(kind: str, cls: type) -> Callable[[str, Any], None]:
    def check(code: str, value: Any) -> None:
        if not isinstance(value, tuple) or not value:
            raise InvalidInputError(
                f"{kind} preset {code!r} must be a non-empty tuple", code=code
            )
        for item in value:
            if not isinstance(item, cls):
                raise InvalidInputError(
                    f"{kind} preset {code!r} holds a {type(item).__name__}, "
                    f"expected {cls.__name__}",
                    code=code,
                )

    return check


def _check_scheme(code: str, value: Any) -> None:
    if not isinstance(value, GradingScheme):
        raise InvalidInputError(f"grading scheme preset {code!r} is not a scheme")
    if value.code != code:
        raise InvalidInputError(
            f"grading scheme {value.code!r} is registered as {code!r}", code=code
        )


def _check_matrix(code: str, value: Any) -> None:
    _tuple_of("approval_matrix", MatrixRule)(code, value)
    validate_matrix(value)


def _check_items(code: str, value: Any) -> None:
    _tuple_of("settlement_items", ItemType)(code, value)
    item_codes = [item.code for item in value]
    if len(set(item_codes)) != len(item_codes):
        raise InvalidInputError(f"settlement items {code!r} repeat a code", code=code)


def _check_policies(code: str, value: Any) -> None:
    _tuple_of("sla_policies", Policy)(code, value)
    policy_codes = [policy.code for policy in value]
    if len(set(policy_codes)) != len(policy_codes):
        raise InvalidInputError(f"SLA preset {code!r} repeats a policy", code=code)


def _single(kind: str, cls: type) -> Callable[[str, Any], None]:
    def check(code: str, value: Any) -> None:
        if not isinstance(value, cls):
            raise InvalidInputError(
                f"{kind} preset {code!r} is a {type(value).__name__}, "
                f"expected {cls.__name__}",
                code=code,
            )
        if value.code != code:
            raise InvalidInputError(
                f"{kind} {value.code!r} is registered as {code!r}", code=code
            )

    return check


#: Kinds of preset and the check each preset of the kind must pass.
KINDS: Mapping[str, Callable[[str, Any], None]] = MappingProxyType(
    {
        "grading_scheme": _check_scheme,
        "approval_matrix": _check_matrix,
        "settlement_items": _check_items,
        "sla_policies": _check_policies,
        "reward_policy": _single("reward_policy", RewardPolicy),
        "opening_rules": _single("opening_rules", OpeningRules),
        "kpi_indicators": _single("kpi_indicators", IndicatorSet),
        "staff_accountability": _single("staff_accountability", StaffRules),
        "appeal_plan": _single("appeal_plan", StagePlan),
        "regulator_body": _single("regulator_body", RegulatorBody),
        "supervision_ladder": _single("supervision_ladder", Ladder),
    }
)


@cache
def _registry() -> Mapping[str, Mapping[str, Any]]:
    found: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    for name in RULEBOOKS:
        rulebook = getattr(import_module(f"{__name__}.{name}"), "RULEBOOK", None)
        if not isinstance(rulebook, Mapping):
            raise InvalidInputError(f"rulebook {name} has no RULEBOOK mapping")
        for kind, entries in rulebook.items():
            check_member(kind, tuple(KINDS), "kind")
            for code, value in entries.items():
                if code in found[kind]:
                    raise InvalidInputError(
                        f"{kind} {code!r} is defined twice (again in {name})",
                        kind=kind,
                        code=code,
                    )
                KINDS[kind](code, value)
                found[kind][code] = value
    return MappingProxyType(
        {kind: MappingProxyType(entries) for kind, entries in found.items()}
    )


def presets(kind: str) -> Mapping[str, Any]:
    """Every preset of ``kind``, by code, in :data:`RULEBOOKS` order."""
    check_member(kind, tuple(KINDS), "kind")
    return _registry()[kind]


def codes(kind: str) -> tuple[str, ...]:
    """The codes of the presets of ``kind``."""
    return tuple(presets(kind))


def get(kind: str, code: str) -> Any:
    """The preset of ``kind`` registered as ``code``.

    Raises :class:`InvalidInputError` for an unknown kind or code. Every
    preset passed its kind's check when the registry was loaded.
    """
    entries = presets(kind)
    check_member(code, tuple(entries), kind)
    return entries[code]


def grading_scheme(code: str) -> GradingScheme:
    """The grading scheme preset ``code`` (e.g. ``"telecom_upgrade"``)."""
    return get("grading_scheme", code)


def approval_matrix(code: str) -> tuple[MatrixRule, ...]:
    """The approval matrix preset ``code`` (e.g. ``"insurance_settlement"``)."""
    return get("approval_matrix", code)


def settlement_items(code: str) -> tuple[ItemType, ...]:
    """The settlement items of the matrix preset ``code``."""
    return get("settlement_items", code)


def sla_policies(code: str) -> tuple[Policy, ...]:
    """The SLA policies of preset ``code`` (e.g. ``"hospital"``)."""
    return get("sla_policies", code)


def reward_policy(code: str) -> RewardPolicy:
    """The reward policy preset ``code`` (e.g. ``"mine"``)."""
    return get("reward_policy", code)


def opening_rules(code: str) -> OpeningRules:
    """The opening (立项) rules preset ``code`` (e.g. ``"listed_company"``)."""
    return get("opening_rules", code)


def appeal_plan(code: str) -> StagePlan:
    """The staged appeal plan preset ``code`` (e.g. ``"telecom_appeal"``)."""
    return get("appeal_plan", code)


def regulator_body(code: str) -> RegulatorBody:
    """The regulator body preset ``code`` (e.g. ``"food_drug"``)."""
    return get("regulator_body", code)


def supervision_ladder(code: str) -> Ladder:
    """The 催办/督办/通报 ladder preset ``code`` (e.g. ``"telecom_appeal"``)."""
    return get("supervision_ladder", code)


def kpi_indicators(code: str) -> IndicatorSet:
    """The KPI indicator definitions preset ``code`` (e.g. ``"telecom"``)."""
    return get("kpi_indicators", code)


def staff_accountability(code: str) -> StaffRules:
    """The staff-accountability rules preset ``code`` (e.g. ``"hospital"``)."""
    return get("staff_accountability", code)


def validate() -> None:
    """Check every preset, and the links between kinds.

    An SLA policy's ``scheme`` must be a registered grading scheme holding
    its grades, and policy codes are unique over all presets (the data files
    derive XML ids from them); every item of a matrix is one of the
    settlement items registered under the same code.
    """
    for kind, check in KINDS.items():
        for code, value in presets(kind).items():
            check(code, value)
    schemes = presets("grading_scheme")
    seen: dict[str, str] = {}
    for code, policies in presets("sla_policies").items():
        for policy in policies:
            if policy.code in seen:
                raise InvalidInputError(
                    f"SLA policy {policy.code!r} is in presets {seen[policy.code]!r} "
                    f"and {code!r}"
                )
            seen[policy.code] = code
            if not policy.scheme:
                continue
            check_member(policy.scheme, tuple(schemes), "scheme")
            for grade in policy.grades:
                check_member(grade, schemes[policy.scheme].grade_codes, "grade")
    items = presets("settlement_items")
    for code, matrix in presets("approval_matrix").items():
        check_member(code, tuple(items), "settlement_items")
        known = tuple(item.code for item in items[code])
        for rule in matrix:
            check_member(rule.item_code, known, "item_code")
