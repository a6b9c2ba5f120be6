"""Staff consequences of confirmed complaints (seed 002 第二十条,
S002-R040..R048), returned as proposals for the manager, never applied.

Only complaints whose grade the management group confirmed count
(S002-R038). The numbers (months of 待岗, the department head's bonus
share, the title thresholds) are rulebook data (:class:`StaffRules`, preset
``kpi_hospital``); this module applies them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..coerce import check_member, to_amount
from ..errors import InvalidInputError
from ..reward import add_months

#: "一年内" (S002-R044, S002-R046): the calendar year of the assessment
#: (default, it feeds 年终考核) or the 12 months up to the confirmation.
WINDOWS: tuple[str, ...] = ("calendar", "rolling")
#: "当月" of the bonus deductions (S002-R040..R042): the month of
#: confirmation (default) or of the complaint.
BONUS_MONTHS: tuple[str, ...] = ("confirmation", "complaint")


@dataclass(frozen=True)
class GradeSanction:
    """What one confirmed complaint of a grade brings."""

    grade: str
    rule_ids: tuple[str, ...]
    suspension_months: int = 0
    head_bonus_share: Decimal = Decimal(0)
    staff_bonus_withheld: bool = False
    department_circular: bool = False


@dataclass(frozen=True)
class TitleRule:
    """Title consequence: ``count`` or more confirmed complaints of
    ``grades`` within the window defer the title by ``months``."""

    grades: frozenset
    count: int
    months: int
    rule_ids: tuple[str, ...]


@dataclass(frozen=True)
class StaffRules:
    """A rulebook's staff-accountability rules (a ``staff_accountability``
    preset)."""

    code: str
    sanctions: tuple[GradeSanction, ...]
    titles: tuple[TitleRule, ...]
    suspension_limit: int
    suspension_limit_rule_ids: tuple[str, ...]
    suspension_effects_rule_ids: tuple[str, ...]
    return_rule_ids: tuple[str, ...]
    ethics_rule_ids: tuple[str, ...]
    window: str = "calendar"
    bonus_month: str = "confirmation"

    def __post_init__(self):
        check_member(self.window, WINDOWS, "window")
        check_member(self.bonus_month, BONUS_MONTHS, "bonus_month")
        grades = [s.grade for s in self.sanctions]
        if len(set(grades)) != len(grades):
            raise InvalidInputError(f"staff rules {self.code!r} repeat a grade")

    def sanction(self, grade: str) -> GradeSanction:
        for item in self.sanctions:
            if item.grade == grade:
                return item
        raise InvalidInputError(f"grade {grade!r} carries no sanction", grade=grade)

    @property
    def cited_rule_ids(self) -> tuple[str, ...]:
        ids = [rid for s in self.sanctions for rid in s.rule_ids]
        ids += [rid for t in self.titles for rid in t.rule_ids]
        ids += [
            *self.suspension_limit_rule_ids,
            *self.suspension_effects_rule_ids,
            *self.return_rule_ids,
            *self.ethics_rule_ids,
        ]
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class ConfirmedComplaint:
    """A complaint whose grade the management group confirmed (S002-R038)."""

    complaint: object
    staff: object
    grade: str
    confirmed_on: date
    received_on: date | None = None
    department: object = None


@dataclass(frozen=True)
class Proposal:
    """A consequence proposed to the manager; ``month`` is the bonus month
    (first day), ``start``/``end`` a suspension's or deferral's span."""

    kind: str
    staff: object
    rule_ids: tuple[str, ...]
    complaint: object = None
    months: int = 0
    month: date | None = None
    start: date | None = None
    end: date | None = None
    share: Decimal | None = None
    amount: Decimal | None = None
    department: object = None


def _in_window(day: date, end: date, rules: StaffRules) -> bool:
    if rules.window == "calendar":
        return day.year == end.year and day <= end
    return add_months(day, 12) > end and day <= end


def staff_consequences(
    confirmed: Iterable[ConfirmedComplaint],
    rules: StaffRules,
    *,
    as_of: date,
    head_bonus: Decimal | None = None,
) -> tuple[Proposal, ...]:
    """Every consequence the rules attach to one person's confirmed
    complaints up to ``as_of``, as proposals in date order.

    Per complaint (S002-R040..R042, S002-R048): 待岗 months, the department
    head's bonus share (and amount when ``head_bonus`` is given), the
    person's bonus withheld and the department circular for grade 3, the
    ethics-file entry. Per window: suspension effects (S002-R043), the
    suspension limit (S002-R044: 年终考核不合格, transfer possible), the
    return-to-post gate (S002-R045), and the most severe title consequence
    (S002-R046 over S002-R047; "以上" inclusive).
    """
    items = sorted(
        (c for c in confirmed if c.confirmed_on <= as_of),
        key=lambda c: (c.confirmed_on, str(c.complaint)),
    )
    staffs = {c.staff for c in items}
    if len(staffs) > 1:
        raise InvalidInputError("complaints of more than one person", field="staff")
    out: list[Proposal] = []
    suspensions = 0
    for item in items:
        sanction = rules.sanction(item.grade)
        bonus_day = item.confirmed_on
        if rules.bonus_month == "complaint" and item.received_on:
            bonus_day = item.received_on
        month = bonus_day.replace(day=1)
        common = {"staff": item.staff, "complaint": item.complaint}
        if sanction.suspension_months:
            start = item.confirmed_on
            out.append(
                Proposal(
                    "suspension",
                    rule_ids=sanction.rule_ids,
                    months=sanction.suspension_months,
                    start=start,
                    end=add_months(start, sanction.suspension_months),
                    **common,
                )
            )
            out.append(
                Proposal(
                    "suspension_effects",
                    rule_ids=rules.suspension_effects_rule_ids,
                    **common,
                )
            )
            out.append(
                Proposal("return_assessment", rule_ids=rules.return_rule_ids, **common)
            )
            if _in_window(item.confirmed_on, as_of, rules):
                suspensions += 1
        if sanction.head_bonus_share:
            amount = None
            if head_bonus is not None:
                amount = to_amount(head_bonus, "head_bonus") * sanction.head_bonus_share
            out.append(
                Proposal(
                    "head_bonus_deduction",
                    rule_ids=sanction.rule_ids,
                    month=month,
                    share=sanction.head_bonus_share,
                    amount=amount,
                    department=item.department,
                    **common,
                )
            )
        if sanction.staff_bonus_withheld:
            out.append(
                Proposal(
                    "bonus_withheld", rule_ids=sanction.rule_ids, month=month, **common
                )
            )
        if sanction.department_circular:
            out.append(
                Proposal(
                    "department_circular",
                    rule_ids=sanction.rule_ids,
                    department=item.department,
                    **common,
                )
            )
        out.append(Proposal("ethics_file", rule_ids=rules.ethics_rule_ids, **common))
    if not items:
        return ()
    staff = items[0].staff
    if suspensions >= rules.suspension_limit:
        out.append(
            Proposal(
                "year_end_unqualified",
                staff=staff,
                rule_ids=rules.suspension_limit_rule_ids,
            )
        )
        out.append(
            Proposal(
                "transfer_review", staff=staff, rule_ids=rules.suspension_limit_rule_ids
            )
        )
    title = title_consequence(items, rules, as_of=as_of)
    if title is not None:
        out.append(title)
    return tuple(out)


def title_consequence(
    confirmed: Iterable[ConfirmedComplaint], rules: StaffRules, *, as_of: date
) -> Proposal | None:
    """The most severe title deferral the window's confirmed complaints
    reach (S002-R046, S002-R047), starting at the confirmation that reached
    it; ``None`` when none applies."""
    window = sorted(
        (c for c in confirmed if _in_window(c.confirmed_on, as_of, rules)),
        key=lambda c: c.confirmed_on,
    )
    best = None
    for rule in rules.titles:
        hits = [c for c in window if c.grade in rule.grades]
        if len(hits) < rule.count:
            continue
        reached = hits[rule.count - 1]
        if best is None or rule.months > best[0].months:
            best = (rule, reached)
    if best is None:
        return None
    rule, reached = best
    return Proposal(
        "title_deferral",
        staff=reached.staff,
        complaint=reached.complaint,
        rule_ids=rule.rule_ids,
        months=rule.months,
        start=reached.confirmed_on,
        end=add_months(reached.confirmed_on, rule.months),
    )


def may_return_to_post(*, trained: bool, self_examined: bool, passed: bool) -> bool:
    """S002-R045: back to post only after training, a written
    self-examination and a passed assessment."""
    return trained and self_examined and passed
