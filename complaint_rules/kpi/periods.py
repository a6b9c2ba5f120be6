"""Statistics periods and their aggregation from daily snapshots.

Fixed periods 日、周、月、季度、年 (S000-R133, S000-R141); the quarter is also
the appeal statistics' period (S001-R139, 每季度). Boundaries are local days
in the company's time zone (default Asia/Shanghai); weeks start on Monday
(ISO weeks, labelled ``2025-W01``). A period is half-open: ``start`` ≤ t <
``end``.

A period's value is built from its daily snapshots by summing numerators
and denominators (:func:`aggregate`), never by averaging daily rates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..coerce import check_member
from ..errors import InvalidInputError
from .evaluate import Counts

#: The period kinds built from daily snapshots.
KINDS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
DEFAULT_TZ = "Asia/Shanghai"


@dataclass(frozen=True)
class Period:
    """A statistics period: local days ``first`` .. ``last`` (inclusive)."""

    kind: str
    first: date
    last: date

    @property
    def label(self) -> str:
        if self.kind == "day":
            return self.first.isoformat()
        if self.kind == "week":
            year, week, _ = self.first.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind == "month":
            return f"{self.first.year}-{self.first.month:02d}"
        if self.kind == "quarter":
            return f"{self.first.year}-Q{(self.first.month - 1) // 3 + 1}"
        return str(self.first.year)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last

    def bounds(self, tz: str = DEFAULT_TZ) -> tuple[datetime, datetime]:
        """The period as aware datetimes ``[start, end)`` in ``tz``."""
        zone = ZoneInfo(tz)
        start = datetime.combine(self.first, time.min, zone)
        end = datetime.combine(self.last + timedelta(days=1), time.min, zone)
        return start, end

    def previous(self) -> Period:
        """The period before (S000-R133: compared with the previous one)."""
        return period_of(self.first - timedelta(days=1), self.kind)


def period_of(day: date, kind: str) -> Period:
    """The period of ``kind`` holding the local day ``day``."""
    check_member(kind, KINDS, "kind")
    if isinstance(day, datetime) or not isinstance(day, date):
        raise InvalidInputError("expected a local date", field="day")
    if kind == "day":
        return Period(kind, day, day)
    if kind == "week":
        first = day - timedelta(days=day.weekday())
        return Period(kind, first, first + timedelta(days=6))
    if kind == "year":
        return Period(kind, date(day.year, 1, 1), date(day.year, 12, 31))
    months = 1 if kind == "month" else 3
    start_month = day.month if kind == "month" else 3 * ((day.month - 1) // 3) + 1
    first = date(day.year, start_month, 1)
    end_month = start_month + months
    year = day.year + (end_month > 12)
    next_first = date(year, (end_month - 1) % 12 + 1, 1)
    return Period(kind, first, next_first - timedelta(days=1))


def local_day(moment: datetime, tz: str = DEFAULT_TZ) -> date:
    """The local day of an aware datetime (a naive one is read as UTC, as
    Odoo stores it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return moment.astimezone(ZoneInfo(tz)).date()


def period_of_moment(moment: datetime, kind: str, tz: str = DEFAULT_TZ) -> Period:
    """The period of ``kind`` holding ``moment``, in the time zone ``tz``."""
    return period_of(local_day(moment, tz), kind)


@dataclass(frozen=True)
class Snapshot:
    """One day's frozen counts of one indicator (for one company, or any
    other dimension the caller keys by)."""

    indicator: str
    day: date
    counts: Counts
    key: tuple = ()


def aggregate(snapshots: Iterable[Snapshot], period: Period) -> dict:
    """Sum the daily snapshots inside ``period`` per (indicator, key):
    numerators and denominators add; rates are computed afterwards from the
    sums (:func:`~complaint_rules.kpi.evaluate.from_counts`)."""
    totals: dict = {}
    for snap in snapshots:
        if snap.day not in period:
            continue
        slot = (snap.indicator, snap.key)
        totals[slot] = totals.get(slot, Counts()) + snap.counts
    return totals
