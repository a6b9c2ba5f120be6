"""Yearly reward candidates and the month-end analysis inputs (seed 002).

* S002-R039: departments and people with no complaint in the whole year
  (全年无投诉) are reward candidates. "No complaint" is read as no
  *confirmed* complaint (the digest's suggestion); ``confirmed_only=False``
  reads it as no complaint at all.
* S002-R037: at the end of every month (每月底) the management group
  analyses the month's complaints: counts per grade, department, person and
  cause, the prominent causes first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .periods import Period, period_of


@dataclass(frozen=True)
class GradedComplaint:
    """One complaint as the month-end meeting sees it; ``grade`` is
    ``None`` until the group confirms it (S002-R038)."""

    complaint: object
    received_on: date
    department: object = None
    staff: object = None
    cause: str | None = None
    grade: str | None = None
    confirmed_on: date | None = None

    @property
    def confirmed(self) -> bool:
        return self.grade is not None and self.confirmed_on is not None


def complaint_free(
    units: Iterable,
    complaints: Iterable[GradedComplaint],
    year: int,
    *,
    by: str = "department",
    confirmed_only: bool = True,
) -> tuple:
    """The ``units`` (departments, or people with ``by="staff"``) with no
    complaint in ``year`` (S002-R039), in the order given. A confirmed
    complaint counts in the year of its confirmation, an unconfirmed one in
    the year it was received."""
    hit = set()
    for item in complaints:
        if confirmed_only and not item.confirmed:
            continue
        day = item.confirmed_on if item.confirmed else item.received_on
        if day.year == year:
            hit.add(getattr(item, by))
    return tuple(unit for unit in units if unit not in hit)


@dataclass(frozen=True)
class MonthlyAnalysis:
    """The month-end meeting's inputs (S002-R037)."""

    period: Period
    meeting_day: date
    received: int
    confirmed: int
    pending_confirmation: tuple
    by_grade: dict
    by_department: dict
    by_staff: dict
    causes: tuple


def monthly_analysis(
    complaints: Iterable[GradedComplaint], year: int, month: int, *, top: int = 3
) -> MonthlyAnalysis:
    """Counts for the month ``year-month``: complaints received in it,
    those confirmed in it by grade, department and person, the complaints
    still awaiting confirmation, and the ``top`` causes (most frequent
    first, ties by name) of the month's complaints."""
    period = period_of(date(year, month, 1), "month")
    received = [c for c in complaints if c.received_on in period]
    confirmed = [c for c in complaints if c.confirmed and c.confirmed_on in period]
    causes = Counter(c.cause for c in received if c.cause)
    ranked = sorted(causes.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return MonthlyAnalysis(
        period=period,
        meeting_day=period.last,
        received=len(received),
        confirmed=len(confirmed),
        pending_confirmation=tuple(c.complaint for c in received if not c.confirmed),
        by_grade=dict(Counter(c.grade for c in confirmed)),
        by_department=dict(Counter(c.department for c in confirmed)),
        by_staff=dict(Counter(c.staff for c in confirmed)),
        causes=tuple(ranked),
    )
