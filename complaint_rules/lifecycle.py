"""Ticket lifecycle: steps, roles and the allowed transitions, as data.

Normal order (S000-R098, S004 lifecycle 受理 → 派单 → 处理 → 答复 → 回访 →
办结)::

    received -> dispatched -> handling -> replied -> revisit -> closed

plus non-acceptance (received -> rejected), merging duplicates into one
register entry (any open step -> merged, 多口归一), answering on the spot
without dispatch, returning a wrongly routed ticket, escalation, re-opening
after a dissatisfied revisit and one re-examination (复查) of a closed case.

:data:`TRANSITIONS` is the whole table; :func:`check_transition` enforces it
with the extra conditions that depend on the ticket (re-examination count and
new evidence, whether a revisit is required), and raises
:class:`~complaint_rules.errors.InvalidTransitionError` subclasses whose
``code`` tells the Odoo layer which translated message to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .coerce import check_member
from .errors import InvalidInputError, InvalidTransitionError
from .reference import KINDS, MAX_REEXAMINATIONS, SATISFACTION_LEVELS, codes, lookup

__all__ = [
    "ACTIONS",
    "ESCALATION_TARGETS",
    "OPEN_STEPS",
    "ROLES",
    "STEPS",
    "STEP_LABELS",
    "TERMINAL_STEPS",
    "TRANSITIONS",
    "NewEvidenceRequiredError",
    "ReexaminationLimitError",
    "RevisitOutcome",
    "RevisitRequiredError",
    "RoleNotAllowedError",
    "Transition",
    "allowed_targets",
    "check_transition",
    "escalation_target",
    "revisit_outcome",
    "revisit_required",
]

#: Steps in their normal order, then the two other terminal steps.
STEPS: tuple[str, ...] = (
    "received",
    "dispatched",
    "handling",
    "replied",
    "revisit",
    "closed",
    "rejected",
    "merged",
)

#: Chinese and English labels of each step (S000-R098 step definitions).
STEP_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "received": ("受理", "Received"),
        "dispatched": ("派单", "Dispatched"),
        "handling": ("处理", "Handling"),
        "replied": ("答复", "Replied"),
        "revisit": ("回访", "Revisit"),
        "closed": ("办结", "Closed"),
        "rejected": ("不予受理", "Not accepted"),
        "merged": ("已合并", "Merged"),
    }
)

OPEN_STEPS: tuple[str, ...] = (
    "received",
    "dispatched",
    "handling",
    "replied",
    "revisit",
)
TERMINAL_STEPS: tuple[str, ...] = ("closed", "rejected", "merged")

#: staff = branch staff, manager = branch manager, head_office = HQ/admin,
#: system = scheduled jobs and automatic routing.
#: complainant = the complainant acting in the portal: they may only confirm
#: the answer they received and close their own ticket (S004-R126 closes when
#: the complainant is satisfied).
ROLES: tuple[str, ...] = ("staff", "manager", "head_office", "system", "complainant")

ACTIONS: tuple[str, ...] = (
    "dispatch",
    "reply",
    "reject",
    "return",
    "start",
    "escalate",
    "revisit",
    "close",
    "reopen",
    "reexamine",
    "merge",
)


@dataclass(frozen=True)
class Transition:
    """One allowed move: who may make it and the rules behind it."""

    source: str
    target: str
    action: str
    roles: frozenset[str]
    rule_ids: tuple[str, ...]


_HUMANS = frozenset({"staff", "manager", "head_office"})
_EVERYONE = frozenset({"staff", "manager", "head_office", "system"})
_CONFIRM = _HUMANS | {"complainant"}
_CONFIRM_ALL = _EVERYONE | {"complainant"}
_MANAGERS = frozenset({"manager", "head_office"})
_SYSTEM = frozenset({"system"})


def _t(
    source: str, target: str, action: str, roles: frozenset[str], *rule_ids: str
) -> tuple[tuple[str, str], Transition]:
    return (source, target), Transition(source, target, action, roles, rule_ids)


#: The transition table: (from, to) -> Transition. Anything absent is refused.
TRANSITIONS: Mapping[tuple[str, str], Transition] = MappingProxyType(
    dict(
        [
            # Dispatch to the handling unit, by people or by automatic routing
            # on the complaint type (S000-R110, S000-R051, S002-R015/R016).
            _t(
                "received",
                "dispatched",
                "dispatch",
                _EVERYONE,
                "S000-R110",
                "S002-R015",
            ),
            # Answered on the spot / by the centre without dispatch; the ticket
            # is still filed with the reply (S000-R109, S000-R110, S000-R108,
            # S001-R111, S002-R007/R008).
            _t("received", "replied", "reply", _HUMANS, "S000-R109", "S000-R110"),
            # Not accepted (不予受理), registered and archived with a reason
            # (S000-R170; not valid: S000-R050).
            _t("received", "rejected", "reject", _HUMANS, "S000-R170", "S000-R050"),
            # The unit sends back a ticket outside its scope, with a reason,
            # for the dispatcher to review (S004-R123, S003-R092).
            _t("dispatched", "received", "return", _HUMANS, "S004-R123"),
            # The handling unit accepts the ticket (当日受理, S002-R016).
            _t("dispatched", "handling", "start", _HUMANS, "S000-R111", "S002-R016"),
            # Forward to the proper department or escalate city -> province ->
            # HQ; the new unit takes it as a fresh dispatch (S000-R112/R113).
            # The system escalates a step whose time limit was missed
            # (S000-R113, S000-R122): every open step's breach escalates, see
            # ESCALATION_TARGETS.
            _t(
                "handling",
                "dispatched",
                "escalate",
                _EVERYONE,
                "S000-R112",
                "S000-R113",
            ),
            # Answer to the complainant (S000-R118, S002-R020).
            _t("handling", "replied", "reply", _HUMANS, "S000-R118", "S002-R020"),
            # Revisit after handling; the outbound-call system may open it
            # (S000-R120, S000-R105).
            _t("replied", "revisit", "revisit", _EVERYONE, "S000-R120", "S000-R105"),
            # Close right after the reply: closing needs no customer acceptance
            # (S000-R119) and the centre may answer and close (S000-R110); only
            # when no revisit is required (see revisit_required()).
            # The complainant may also accept the reply and close in the portal
            # (S004-R126).
            _t(
                "replied",
                "closed",
                "close",
                _CONFIRM,
                "S000-R119",
                "S000-R110",
                "S004-R126",
            ),
            # Close after the revisit (结案, S000-R091; S004-R126); the system
            # may close unreachable customers after the wait (S004-R152).
            _t(
                "revisit",
                "closed",
                "close",
                _CONFIRM_ALL,
                "S000-R091",
                "S004-R152",
                "S004-R126",
            ),
            # Dissatisfied and screening finds improper handling: reprocessing
            # ticket (投诉回访再处理工单), a back-office decision (S000-R121).
            _t("revisit", "handling", "reopen", _MANAGERS, "S000-R121"),
            # Dissatisfied: transfer to the superior for supervision (督办,
            # S004-R127); the system does the same when the revisit's time
            # limit is missed (S000-R113).
            _t(
                "revisit",
                "dispatched",
                "escalate",
                _MANAGERS | _SYSTEM,
                "S004-R127",
                "S000-R113",
            ),
            # The reply's follow-up (revisit within 7 days, S000-R105) missed:
            # the system escalates the ticket to the superior, who takes it as
            # a fresh dispatch (S000-R113). People escalate a replied ticket
            # through the revisit (S004-R127).
            _t("replied", "dispatched", "escalate", _SYSTEM, "S000-R113", "S000-R105"),
            # Re-examination (复查) of a closed case, once, on new evidence
            # (S000-R175); reopening a closed case is a manager's decision.
            _t("closed", "handling", "reexamine", _MANAGERS, "S000-R175"),
            # Duplicates join one register entry (多口归一, S002-R008; repeat
            # while in progress creates no new ticket, S001-R115).
            *(
                _t(step, "merged", "merge", _HUMANS, "S002-R008", "S001-R115")
                for step in OPEN_STEPS
            ),
        ]
    )
)


#: Where an escalation one level up puts a ticket, for each open step
#: (S000-R113: the higher level takes it as a fresh dispatch). A ticket not
#: yet handled keeps its step. Every open step is listed, so a breach in any
#: of them can escalate; each move is a transition the system may make.
ESCALATION_TARGETS: Mapping[str, str] = MappingProxyType(
    {
        "received": "received",
        "dispatched": "dispatched",
        "handling": "dispatched",
        "replied": "dispatched",
        "revisit": "dispatched",
    }
)


def escalation_target(step: str, role: str = "system") -> str:
    """The step a ticket in ``step`` takes when escalated one level up.

    Raises :class:`InvalidInputError` for an unknown step or role, an
    :class:`InvalidTransitionError` for a terminal step (nothing to escalate)
    and :class:`RoleNotAllowedError` when ``role`` may not make the move.
    """
    check_member(step, STEPS, "from_step")
    check_member(role, ROLES, "role")
    target = ESCALATION_TARGETS.get(step)
    if target is None:
        raise InvalidTransitionError(
            f"a ticket in step {step} cannot be escalated",
            from_step=step,
            to_step=step,
            role=role,
        )
    if target != step:
        transition = check_transition(step, target, role)
        if transition.action != "escalate":  # pragma: no cover - table invariant
            raise InvalidTransitionError(
                f"{step} -> {target} is not an escalation",
                from_step=step,
                to_step=target,
                role=role,
            )
    return target


class RoleNotAllowedError(InvalidTransitionError):
    """The move exists, but not for this role."""

    code = "transition_role_not_allowed"


class ReexaminationLimitError(InvalidTransitionError):
    """A closed case was already re-examined once (S000-R175)."""

    code = "reexamination_limit"


class NewEvidenceRequiredError(InvalidTransitionError):
    """Re-examination needs new evidence (S000-R175)."""

    code = "reexamination_needs_evidence"


class RevisitRequiredError(InvalidTransitionError):
    """The ticket must be revisited before it can close (S000-R120)."""

    code = "revisit_required"


def check_transition(
    from_step: str,
    to_step: str,
    role: str,
    *,
    reexamination_count: int = 0,
    has_new_evidence: bool = False,
    revisit_required: bool = False,
) -> Transition:
    """Return the :class:`Transition` if the move is allowed, else raise.

    Raises :class:`InvalidInputError` for an unknown step or role, and an
    :class:`InvalidTransitionError` whose ``code`` is one of
    ``invalid_transition`` (move not in the table, including staying in the
    same step), ``transition_role_not_allowed``, ``reexamination_limit``,
    ``reexamination_needs_evidence`` or ``revisit_required``. ``params``
    always holds ``from_step``, ``to_step`` and ``role``.

    ``reexamination_count`` is the number of earlier re-examinations of the
    case; a second one is refused whatever the evidence: new facts after
    that make a new ticket (S000-R175, S000-R170 (三)).
    """
    check_member(from_step, STEPS, "from_step")
    check_member(to_step, STEPS, "to_step")
    check_member(role, ROLES, "role")
    if isinstance(reexamination_count, bool) or not isinstance(
        reexamination_count, int
    ):
        raise InvalidInputError("reexamination_count must be an integer")
    if reexamination_count < 0:
        raise InvalidInputError("reexamination_count must not be negative")
    params = {"from_step": from_step, "to_step": to_step, "role": role}
    transition = TRANSITIONS.get((from_step, to_step))
    if transition is None:
        raise InvalidTransitionError(
            f"a ticket cannot go from {from_step} to {to_step}", **params
        )
    if role not in transition.roles:
        raise RoleNotAllowedError(
            f"role {role} may not {transition.action} ({from_step} -> {to_step})",
            action=transition.action,
            **params,
        )
    if transition.action == "reexamine":
        if reexamination_count >= MAX_REEXAMINATIONS:
            raise ReexaminationLimitError(
                "the case was already re-examined; a repeat on the same facts "
                "is not accepted",
                reexamination_count=reexamination_count,
                limit=MAX_REEXAMINATIONS,
                **params,
            )
        if not has_new_evidence:
            raise NewEvidenceRequiredError(
                "re-examination needs new evidence", **params
            )
    if (from_step, to_step) == ("replied", "closed") and revisit_required:
        raise RevisitRequiredError(
            "this ticket must be revisited before it closes", **params
        )
    return transition


def allowed_targets(
    from_step: str,
    role: str,
    *,
    reexamination_count: int | None = None,
    has_new_evidence: bool | None = None,
    revisit_required: bool | None = None,
) -> tuple[str, ...]:
    """Steps ``role`` may move a ticket to from ``from_step``, in STEPS order.

    Without keyword arguments only the table and the role are checked (what
    buttons to show). A keyword given also applies its condition, as in
    :func:`check_transition`; ``has_new_evidence`` is assumed when omitted.
    """
    check_member(from_step, STEPS, "from_step")
    check_member(role, ROLES, "role")
    targets = []
    for to_step in STEPS:
        transition = TRANSITIONS.get((from_step, to_step))
        if transition is None or role not in transition.roles:
            continue
        try:
            check_transition(
                from_step,
                to_step,
                role,
                reexamination_count=reexamination_count or 0,
                has_new_evidence=True if has_new_evidence is None else has_new_evidence,
                revisit_required=bool(revisit_required),
            )
        except InvalidTransitionError:
            continue
        targets.append(to_step)
    return tuple(targets)


def revisit_required(kind: str, *, declined: bool = False) -> bool:
    """Whether a ticket must pass through the revisit step before closing.

    Complaints are revisited (S000-R120; S000-R105 within 7 days) unless the
    complainant declined the revisit. Consultations, suggestions, praise and
    reports close after the reply: the seeds revisit complainants only, and
    reports get feedback instead (S000-R017, S000-R174). S000-R120 limits
    revisits to "符合条件的投诉客户" without defining them; this is the
    chosen reading.
    """
    check_member(kind, codes(KINDS), "kind")
    if not isinstance(declined, bool):
        raise InvalidInputError("declined must be a boolean")
    return kind == "complaint" and not declined


@dataclass(frozen=True)
class RevisitOutcome:
    """Next step after a revisit, the action that leads there and its rules.

    ``step`` is ``"revisit"`` with action ``"screen"`` while a dissatisfied
    revisit waits for back-office screening (甄别, S000-R121).
    """

    step: str
    action: str
    rule_ids: tuple[str, ...]


def revisit_outcome(
    satisfaction: str,
    *,
    improper_handling: bool | None = None,
    escalate: bool = False,
) -> RevisitOutcome:
    """Where a ticket goes after the revisit, given the satisfaction recorded.

    * satisfied / basically satisfied -> closed (S004-R126).
    * dissatisfied and ``escalate`` -> dispatched to the superior for
      supervision (督办, S004-R127).
    * dissatisfied, not screened yet (``improper_handling is None``) -> stays
      in revisit for screening (甄别, S000-R121).
    * dissatisfied, improper handling confirmed -> handling (re-open with a
      投诉回访再处理工单, S000-R121).
    * dissatisfied, handling was proper -> closed: the company states its
      position and closes without acceptance (S000-R119).
    """
    level = lookup(SATISFACTION_LEVELS, satisfaction)
    if improper_handling is not None and not isinstance(improper_handling, bool):
        raise InvalidInputError("improper_handling must be a boolean or None")
    if not isinstance(escalate, bool):
        raise InvalidInputError("escalate must be a boolean")
    if level.counts_as_satisfied:
        return RevisitOutcome("closed", "close", ("S004-R126", "S000-R120"))
    if escalate:
        return RevisitOutcome("dispatched", "escalate", ("S004-R127",))
    if improper_handling is None:
        return RevisitOutcome("revisit", "screen", ("S000-R121",))
    if improper_handling:
        return RevisitOutcome("handling", "reopen", ("S000-R121",))
    return RevisitOutcome("closed", "close", ("S000-R119", "S000-R121"))
