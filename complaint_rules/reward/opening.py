"""Opening (立项) routing of a whistleblowing report.

Who decides whether a report becomes a case, and by when, depends on the
reporter's anonymity, the rank of the person reported and the company's
rulebook (seed 000 篇一 第十七条, S000-R013..R015; 篇四 第十七条, S000-R071):

* real-name, ordinary or middle staff: the intake body submits it to the
  opening approver (管理层 / 董事会) within 3 working days of receipt;
* senior management, anonymous or real-name: to the superior company (篇一)
  or the board (篇四) within 2 working days, and the report is hidden from
  the management it concerns;
* anonymous, ordinary or middle staff: a preliminary evaluation
  (管理层 / 审计部) decides whether to report it upward; no time limit.

Real-name reporters get the investigation result whether or not a case is
opened (S000-R017 / S000-R072); nothing is owed to anonymous ones.

An :class:`OpeningRules` is data: the bodies and limits of one rulebook
(:mod:`complaint_rules.presets`, kind ``opening_rules``). :func:`route_opening`
returns a :class:`Route`; with a receipt time and a calendar it also gives the
deadline on China working days (the receipt day not counted).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

from ..calendar import WorkCalendar
from ..coerce import check_member
from ..errors import InvalidInputError
from .policy import RoleRef

__all__ = ["RANKS", "ROUTES", "OpeningRules", "Route", "route_opening"]

#: Rank of the person reported (普通员工 / 中层管理人员 / 高层管理人员); the
#: source does not define them, the report records the rank (S000-R015 ⚠).
RANKS: tuple[str, ...] = ("ordinary", "middle", "senior")

#: Routes: ``evaluation`` preliminary evaluation (初步评估); ``approval`` to the
#: opening approver of ordinary and middle staff; ``senior`` to the approver of
#: reports on senior management.
ROUTES: tuple[str, ...] = ("evaluation", "approval", "senior")


def _whole(value: object, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInputError(f"{name} must be a whole number of days", field=name)
    return value


@dataclass(frozen=True)
class OpeningRules:
    """The opening rules of one rulebook.

    :param intake: the body that receives reports and submits them (办公室 /
        审计部).
    :param evaluator: who pre-evaluates anonymous reports on ordinary or
        middle staff, with ``evaluation_days`` (``None``: no limit).
    :param approver: who approves the opening of real-name reports on
        ordinary or middle staff, within ``approval_days`` working days.
    :param senior_approver: who approves the opening of reports on senior
        management, within ``senior_days`` working days.
    :param hide_senior_from_management: reports on senior management are
        hidden from the management reported on.
    :param rule_ids: per route (:data:`ROUTES`), the rule IDs; ``feedback``
        the duty to feed back to real-name reporters.
    """

    code: str
    intake: RoleRef
    evaluator: RoleRef
    approver: RoleRef
    senior_approver: RoleRef
    approval_days: int
    senior_days: int
    rule_ids: Mapping[str, tuple[str, ...]] = field(compare=False)
    evaluation_days: int | None = None
    hide_senior_from_management: bool = True
    note: str = ""

    def __post_init__(self) -> None:
        for name in ("intake", "evaluator", "approver", "senior_approver"):
            if not isinstance(getattr(self, name), RoleRef):
                raise InvalidInputError(f"{name} must be a RoleRef", field=name)
        for name in ("approval_days", "senior_days", "evaluation_days"):
            value = _whole(getattr(self, name), name)
            if value is None and name != "evaluation_days":
                raise InvalidInputError(f"{name} is required", field=name)
        ids = dict(self.rule_ids)
        for key in (*ROUTES, "feedback"):
            value = ids.get(key)
            if not value or not all(isinstance(rid, str) for rid in value):
                raise InvalidInputError(
                    f"opening rules {self.code}: rule IDs needed for {key}"
                )
            ids[key] = tuple(value)
        object.__setattr__(self, "rule_ids", MappingProxyType(ids))

    @property
    def cited_rule_ids(self) -> tuple[str, ...]:
        """Every rule ID the rules hold, in order, once."""
        keys = (*ROUTES, "feedback")
        return tuple(dict.fromkeys(rid for key in keys for rid in self.cites(key)))

    def cites(self, key: str) -> tuple[str, ...]:
        """The rule IDs of a route or of ``feedback``."""
        check_member(key, (*ROUTES, "feedback"), "key")
        return self.rule_ids[key]


@dataclass(frozen=True)
class Route:
    """Where a report goes for its opening decision.

    ``days`` is the limit in China working days (``None``: no limit);
    ``deadline`` is set when a receipt time was given and there is a limit.
    ``hidden_from_management``: the management reported on must not see the
    report. ``feedback_required``: the result is owed to the reporter.
    """

    route: str
    decider: RoleRef
    submitter: RoleRef
    days: int | None
    deadline: datetime | None
    hidden_from_management: bool
    feedback_required: bool
    rule_ids: tuple[str, ...]


def route_opening(
    rules: OpeningRules,
    *,
    anonymous: bool,
    rank: str,
    received_at: datetime | None = None,
    cal: WorkCalendar | None = None,
) -> Route:
    """The opening route of a report under ``rules``.

    ``received_at`` (aware) gives the deadline, counted on ``cal`` (default:
    China working days, Asia/Shanghai). E.g. seed-000 TC-02: anonymous, senior,
    received Fri 2024-09-27 → 2 working days, end of Mon 2024-09-30 (Sun 09-29
    is a 调休 working day).
    """
    if not isinstance(rules, OpeningRules):
        raise InvalidInputError("rules must be OpeningRules", field="rules")
    if not isinstance(anonymous, bool):
        raise InvalidInputError("anonymous must be a bool", field="anonymous")
    check_member(rank, RANKS, "rank")
    if rank == "senior":
        route, decider, days = "senior", rules.senior_approver, rules.senior_days
        hidden = rules.hide_senior_from_management
    elif anonymous:
        route, decider, days = "evaluation", rules.evaluator, rules.evaluation_days
        hidden = False
    else:
        route, decider, days = "approval", rules.approver, rules.approval_days
        hidden = False
    rule_ids = rules.cites(route)
    if not anonymous:
        rule_ids = rule_ids + tuple(
            rid for rid in rules.cites("feedback") if rid not in rule_ids
        )
    deadline = None
    if received_at is not None and days is not None:
        deadline = (cal or WorkCalendar()).add_working_days(received_at, days)
    return Route(
        route=route,
        decider=decider,
        submitter=rules.intake,
        days=days,
        deadline=deadline,
        hidden_from_management=hidden,
        feedback_required=not anonymous,
        rule_ids=rule_ids,
    )
