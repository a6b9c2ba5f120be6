"""SLA policies: step limits, matching tickets, choosing a limit per slot.

Policies and specificity
------------------------
A :class:`Policy` has **criteria** (kinds, grades, channels, org levels,
companies, tracks: each a set, empty = any; and the reporter's **anonymity**: any,
real-name only or anonymous only, :data:`ANONYMITY`) and **step limits**
(:class:`StepLimit`). It *matches* a ticket (:class:`TicketProfile`) when every
set criterion holds for the ticket; ``scheme`` is a filter (the policy applies
only to tickets of companies that use that grading scheme) and is not a
criterion. The **specificity** of a policy is the number of its criteria set
(0-7).

A **track** is a code an addon gives a ticket for its own procedure (e.g. the
opening route of a whistleblowing report, ``report_senior``): policies for
that procedure name the track, so that an addon adds deadlines as data, not
as a new criterion in this engine.

Anonymity is a criterion because some duties are owed to real-name reporters
only: S000-R174, "对于实名举报,应自受理之日起60个工作日内,将办理情况反馈
举报人" (no feedback duty is stated for anonymous reports).

Limits are chosen **per slot**: a slot is ``(step, end_step)``. For each slot,
the limit of the matching policy with the highest specificity wins; ties go to
the lower ``sequence``, then to the policy code (so the choice is total and
stable). A general policy thus gives defaults for every slot and a more
specific one overrides only the slots it defines.

Slots
-----
A limit's clock starts when the ticket enters ``step``. It stops when the
ticket leaves ``step`` (``end_step`` empty), or when it reaches ``end_step`` or
any later step of the lifecycle (``received`` < ``dispatched`` < ``handling``
< ``replied`` < ``revisit`` < ``closed``). A terminal step (closed, rejected,
merged) stops every clock. Moving back (an escalation re-dispatches a ticket)
does not stop a clock that runs until a later step.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from ..calendar import Unit
from ..coerce import check_member, code_set, to_amount
from ..errors import InvalidInputError
from ..reference import CHANNELS, KINDS, ORG_LEVELS, codes

__all__ = [
    "ANONYMITY",
    "BREACH_ACTIONS",
    "CAP_MODES",
    "DEFAULT_WARN_RATIO",
    "END_STEPS",
    "ORG_LEVELS",
    "STEPS",
    "STEP_RANK",
    "TERMINAL_STEPS",
    "Policy",
    "Selected",
    "StepLimit",
    "TicketProfile",
    "closes",
    "is_whole",
    "limits_starting",
    "matching_policies",
    "rank_key",
    "select_limits",
    "unit_of",
]

#: Steps with a clock, in lifecycle order (complaint_rules.lifecycle).
STEPS: tuple[str, ...] = ("received", "dispatched", "handling", "replied", "revisit")
#: Steps a clock may run until.
END_STEPS: tuple[str, ...] = (*STEPS[1:], "closed")
#: Steps that stop every clock.
TERMINAL_STEPS: tuple[str, ...] = ("closed", "rejected", "merged")
#: Order of the lifecycle; terminal steps rank after every other one.
STEP_RANK: Mapping[str, int] = MappingProxyType(
    {
        **{step: rank for rank, step in enumerate((*STEPS, "closed"))},
        "rejected": len(STEPS) + 1,
        "merged": len(STEPS) + 1,
    }
)
#: Anonymity criterion of a policy: every ticket, real-name reports only
#: (S000-R174), anonymous reports only.
ANONYMITY: tuple[str, ...] = ("any", "real_name", "anonymous")
#: What a breach does: escalate one level up (S000-R113), notify the
#: manager, both, or only record it.
BREACH_ACTIONS: tuple[str, ...] = ("escalate", "notify", "both", "none")
#: How ``extension_cap`` is read: the extension itself, or the whole limit
#: from its start (S002-R023 reading A: "延长…但不得超过5日").
CAP_MODES: tuple[str, ...] = ("extension", "total")
#: S000-R122: "原则上预警时限按照该环节标准处理时限的90%设定".
DEFAULT_WARN_RATIO = Decimal("0.9")

_KIND_CODES = codes(KINDS)
#: An approver role code (complaint_rules.approval.Role, or a role shipped by
#: an addon such as complaint_sla's manager_in_charge).
_ROLE_CODE = re.compile(r"[a-z][a-z0-9_]*")
#: The one channel vocabulary of complaint_rules.reference ("other" included).
_CHANNEL_CODES = codes(CHANNELS)


def unit_of(value: Any, name: str = "unit") -> Unit:
    """``value`` as a :class:`~complaint_rules.calendar.Unit`, or an error."""
    try:
        return Unit(value)
    except ValueError:
        raise InvalidInputError(
            f"unknown {name} {value!r}", field=name, value=value
        ) from None


def is_whole(value: Decimal) -> bool:
    """Whether ``value`` has no fractional part."""
    return value == value.to_integral_value()


@dataclass(frozen=True)
class StepLimit:
    """The time limit of one slot ``(step, end_step)``.

    :param step: the step whose start starts the clock.
    :param amount: the limit, in ``unit``; working days (and same working
        days, S002-R016) must be whole.
    :param end_step: empty: the clock stops when the ticket leaves ``step``;
        otherwise when it reaches ``end_step`` or a later step.
    :param warn_ratio: share of the limit after which the warning fires
        (S000-R122, default 0.9); 0 disables the warning.
    :param breach_action: one of :data:`BREACH_ACTIONS`.
    :param max_extensions: how many extensions (延期) may be approved.
    :param extension_cap: largest extension, in ``extension_unit`` (or, with
        ``extension_cap_mode="total"``, the largest whole limit from the
        start); ``None``: no cap.
    :param extension_unit: unit of extensions; ``None``: the limit's unit.
    :param extension_approver: code of the approver role whose holders alone
        may approve or refuse an extension (complaint_core's
        ``complaint.approval.role``), e.g. S003-R031 "超时需经主管经理批准"
        (``manager_in_charge``), S003-R032 "超时需经公司总经理批准"
        (``general_manager``); empty: a branch manager decides.
    """

    step: str
    amount: Decimal
    unit: Unit
    end_step: str = ""
    warn_ratio: Decimal = DEFAULT_WARN_RATIO
    breach_action: str = "notify"
    max_extensions: int = 1
    extension_cap: Decimal | None = None
    extension_unit: Unit | None = None
    extension_cap_mode: str = "extension"
    extension_approver: str = ""
    rule_ids: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        check_member(self.step, STEPS, "step")
        end = self.end_step or ""
        if end:
            check_member(end, END_STEPS, "end_step")
            if STEP_RANK[end] <= STEP_RANK[self.step]:
                raise InvalidInputError(
                    f"end step {end!r} must come after step {self.step!r}",
                    field="end_step",
                )
        object.__setattr__(self, "end_step", end)
        object.__setattr__(self, "unit", unit_of(self.unit))
        amount = to_amount(self.amount, "amount")
        if not amount:
            raise InvalidInputError(
                "a time limit must be longer than zero", field="amount"
            )
        if self.unit.whole_days and not is_whole(amount):
            raise InvalidInputError(
                f"working days must be a whole number, got {amount}", field="amount"
            )
        object.__setattr__(self, "amount", amount)
        ratio = to_amount(self.warn_ratio, "warn_ratio")
        if ratio > 1:
            raise InvalidInputError(
                "the warning ratio lies between 0 and 1", field="warn_ratio"
            )
        object.__setattr__(self, "warn_ratio", ratio)
        check_member(self.breach_action, BREACH_ACTIONS, "breach_action")
        if isinstance(self.max_extensions, bool) or not isinstance(
            self.max_extensions, int
        ):
            raise InvalidInputError(
                "max_extensions must be an integer", field="max_extensions"
            )
        if self.max_extensions < 0:
            raise InvalidInputError(
                "max_extensions must not be negative", field="max_extensions"
            )
        if self.extension_unit is not None:
            object.__setattr__(
                self, "extension_unit", unit_of(self.extension_unit, "extension_unit")
            )
        if self.extension_cap is not None:
            cap = to_amount(self.extension_cap, "extension_cap")
            if self.ext_unit.whole_days and not is_whole(cap):
                raise InvalidInputError(
                    "an extension cap in working days must be whole",
                    field="extension_cap",
                )
            object.__setattr__(self, "extension_cap", cap)
        check_member(self.extension_cap_mode, CAP_MODES, "extension_cap_mode")
        approver = self.extension_approver or ""
        if not isinstance(approver, str) or (
            approver and not _ROLE_CODE.fullmatch(approver)
        ):
            raise InvalidInputError(
                f"extension_approver must be a role code, got {approver!r}",
                field="extension_approver",
            )
        object.__setattr__(self, "extension_approver", approver)
        object.__setattr__(self, "rule_ids", tuple(self.rule_ids))

    @property
    def key(self) -> tuple[str, str]:
        """The slot ``(step, end_step)`` this limit fills."""
        return (self.step, self.end_step)

    @property
    def ext_unit(self) -> Unit:
        """Unit of extensions (the limit's own unit unless set)."""
        return self.extension_unit or self.unit

    @property
    def warns(self) -> bool:
        return bool(self.warn_ratio)


@dataclass(frozen=True)
class TicketProfile:
    """What policy matching needs to know about a ticket.

    ``grade`` and ``company`` are opaque (the Odoo layer passes record ids,
    the presets grade codes); ``scheme`` is the grading scheme of the
    ticket's company; ``anonymous`` whether the complainant or reporter did
    not give their name (complaint_core's ``complainant_anonymous``);
    ``track`` the procedure an addon put the ticket on (empty: none).
    """

    kind: str = "complaint"
    grade: Hashable | None = None
    channel: str | None = None
    level: str | None = None
    company: Hashable | None = None
    scheme: str = ""
    anonymous: bool = False
    track: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.track, str):
            raise InvalidInputError("track must be a text code", field="track")
        if not isinstance(self.anonymous, bool):
            raise InvalidInputError(
                "anonymous must be True or False", field="anonymous"
            )


_CRITERIA = (
    ("kinds", "kind"),
    ("grades", "grade"),
    ("channels", "channel"),
    ("levels", "level"),
    ("companies", "company"),
    ("tracks", "track"),
)


@dataclass(frozen=True)
class Policy:
    """A set of step limits for the tickets matching its criteria."""

    code: str
    limits: tuple[StepLimit, ...]
    kinds: frozenset[str] = frozenset()
    grades: frozenset[Hashable] = frozenset()
    channels: frozenset[str] = frozenset()
    levels: frozenset[str] = frozenset()
    companies: frozenset[Hashable] = frozenset()
    tracks: frozenset[str] = frozenset()
    anonymity: str = "any"
    scheme: str = ""
    sequence: int = 10
    active: bool = True
    name: str = ""
    rule_ids: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or not self.code.strip():
            raise InvalidInputError("a policy needs a code", field="code")
        object.__setattr__(self, "kinds", code_set(self.kinds, "kinds", _KIND_CODES))
        object.__setattr__(self, "grades", code_set(self.grades, "grades"))
        object.__setattr__(
            self, "channels", code_set(self.channels, "channels", _CHANNEL_CODES)
        )
        object.__setattr__(self, "levels", code_set(self.levels, "levels", ORG_LEVELS))
        object.__setattr__(self, "companies", code_set(self.companies, "companies"))
        object.__setattr__(self, "tracks", code_set(self.tracks, "tracks"))
        object.__setattr__(self, "anonymity", self.anonymity or "any")
        check_member(self.anonymity, ANONYMITY, "anonymity")
        object.__setattr__(self, "scheme", self.scheme or "")
        if isinstance(self.sequence, bool) or not isinstance(self.sequence, int):
            raise InvalidInputError("sequence must be an integer", field="sequence")
        limits = tuple(self.limits)
        for limit in limits:
            if not isinstance(limit, StepLimit):
                raise InvalidInputError("policy limits must be StepLimit objects")
        keys = [limit.key for limit in limits]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise InvalidInputError(
                f"policy {self.code}: more than one limit for slot(s) {duplicates}",
                field="limits",
            )
        object.__setattr__(self, "limits", limits)
        object.__setattr__(self, "rule_ids", tuple(self.rule_ids))

    @property
    def specificity(self) -> int:
        """Number of criteria set (``scheme`` is a filter, not one)."""
        return sum(1 for name, _attr in _CRITERIA if getattr(self, name)) + (
            self.anonymity != "any"
        )

    def matches(self, profile: TicketProfile) -> bool:
        """Whether every criterion set holds for ``profile``."""
        if not self.active:
            return False
        if self.scheme and self.scheme != profile.scheme:
            return False
        if self.anonymity != "any" and profile.anonymous != (
            self.anonymity == "anonymous"
        ):
            return False
        return all(
            getattr(profile, attr) in getattr(self, name)
            for name, attr in _CRITERIA
            if getattr(self, name)
        )


@dataclass(frozen=True)
class Selected:
    """The limit chosen for a slot and the policy it comes from."""

    policy: Policy
    limit: StepLimit


def rank_key(policy: Policy) -> tuple[int, int, str]:
    """Sort key: most specific first, then lower sequence, then code."""
    return (-policy.specificity, policy.sequence, policy.code)


def matching_policies(
    policies: Iterable[Policy], profile: TicketProfile
) -> tuple[Policy, ...]:
    """Policies that match ``profile``, the winning one first."""
    return tuple(sorted((p for p in policies if p.matches(profile)), key=rank_key))


def select_limits(
    policies: Iterable[Policy], profile: TicketProfile
) -> dict[tuple[str, str], Selected]:
    """For each slot, the limit of the most specific matching policy.

    Ties of specificity go to the lower ``sequence``, then to the code. The
    result is ordered by step, then end step.
    """
    chosen: dict[tuple[str, str], Selected] = {}
    for policy in matching_policies(policies, profile):
        for limit in policy.limits:
            chosen.setdefault(limit.key, Selected(policy, limit))
    return dict(
        sorted(
            chosen.items(),
            key=lambda item: (STEP_RANK[item[0][0]], STEP_RANK.get(item[0][1], -1)),
        )
    )


def limits_starting(
    selected: Mapping[tuple[str, str], Selected], step: str
) -> tuple[Selected, ...]:
    """The chosen limits whose clock starts when a ticket enters ``step``."""
    return tuple(s for key, s in selected.items() if key[0] == step)


def closes(step: str, end_step: str, new_step: str) -> bool:
    """Whether a clock of slot ``(step, end_step)`` stops on ``new_step``."""
    check_member(new_step, tuple(STEP_RANK), "new_step")
    if new_step in TERMINAL_STEPS:
        return True
    if not end_step:
        return new_step != step
    return STEP_RANK[new_step] >= STEP_RANK[end_step]
