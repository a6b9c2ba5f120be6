"""The reward's deadlines: the proposal after closing, the claim after notice.

* **Proposal** (结案后N个工作日内提议, S000-R032 / S000-R081): N China working
  days after the case is closed, counted by
  :meth:`complaint_rules.calendar.WorkCalendar.add_working_days` (the closing
  day is not counted; end of the N-th working day, 23:59:59 local).
* **Claim** (接到通知后一个月内领取,逾期作放弃奖金处理, S000-R034 /
  S000-R083): a calendar month after the notification, holidays included,
  then the reward is forfeited. The month ends on the same day number of the
  following month, at the end of that day (seed-000 TC-19: notified
  2024-03-15, a claim on 2024-04-15 is in time, one on 04-16 forfeits). A day
  number the month lacks (notice on 01-31) is ambiguous (digest seed-000 §4.8
  h); the policy's ``claim_month_end`` reading decides: ``clamp`` (default)
  ends the month on the last day of the shorter month (02-29 in 2024),
  ``overflow`` carries the missing days into the month after (03-02 in 2024).
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..calendar import WorkCalendar
from ..coerce import check_member
from ..errors import InvalidInputError
from .policy import MONTH_END_READINGS, RewardPolicy

__all__ = [
    "ClaimStatus",
    "add_months",
    "claim_deadline",
    "claim_status",
    "proposal_deadline",
]


def add_months(day: date, months: int, month_end: str = "clamp") -> date:
    """``day`` plus whole calendar ``months``.

    The same day number in the target month; when the month is shorter,
    its last day (``clamp``) or the surplus days carried into the next month
    (``overflow``).
    """
    check_member(month_end, MONTH_END_READINGS, "month_end")
    if isinstance(months, bool) or not isinstance(months, int) or months < 0:
        raise InvalidInputError("months must be a whole number >= 0", field="months")
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = _calendar.monthrange(year, month)[1]
    if day.day <= last:
        return date(year, month, day.day)
    if month_end == "clamp":
        return date(year, month, last)
    return date(year, month, last) + timedelta(days=day.day - last)


def _calendar_of(cal: WorkCalendar | None) -> WorkCalendar:
    if cal is None:
        return WorkCalendar()
    if not isinstance(cal, WorkCalendar):
        raise InvalidInputError("cal must be a WorkCalendar", field="cal")
    return cal


def proposal_deadline(
    policy: RewardPolicy, closed_at: datetime, cal: WorkCalendar | None = None
) -> datetime | None:
    """When the reward proposal is due: ``policy.proposal_working_days``
    China working days after the case was closed (``closed_at``, aware);
    ``None`` when the policy sets no limit (seed 002 D2 has none).

    Seed-000 TC-18: closed Fri 2024-09-27 → end of Sat 2024-10-12 (09-29,
    09-30, 10-08 … 10-12; Sun 09-29 and Sat 10-12 are 调休 working days).
    """
    if policy.proposal_working_days is None:
        return None
    return _calendar_of(cal).add_working_days(closed_at, policy.proposal_working_days)


def claim_deadline(
    policy: RewardPolicy,
    notified_at: datetime,
    cal: WorkCalendar | None = None,
    *,
    month_end: str | None = None,
) -> datetime | None:
    """The last instant the reporter may claim: the end of the day
    ``policy.claim_months`` calendar months after the notification (local
    date of ``notified_at``, aware); ``None`` when the policy sets no limit.
    Calendar time: a deadline on a holiday is not moved. ``month_end``
    overrides the policy's ``claim_month_end`` reading."""
    if policy.claim_months is None:
        return None
    if month_end is None:
        month_end = policy.claim_month_end
    cal = _calendar_of(cal)
    day = cal.localize(notified_at).date()
    return cal.end_of_day(add_months(day, policy.claim_months, month_end))


@dataclass(frozen=True)
class ClaimStatus:
    """Where a reward's claim stands at a moment: ``open`` (claimable until
    ``deadline``), ``forfeited`` (逾期作放弃), or ``open`` with no deadline."""

    state: str
    deadline: datetime | None
    rule_ids: tuple[str, ...]

    @property
    def forfeited(self) -> bool:
        return self.state == "forfeited"


def claim_status(
    policy: RewardPolicy,
    notified_at: datetime,
    at: datetime,
    cal: WorkCalendar | None = None,
    *,
    month_end: str | None = None,
) -> ClaimStatus:
    """Whether a claim made (or looked at) at ``at`` is still in time.

    A claim at the deadline itself is in time; after it the reward is
    forfeited. ``at`` before ``notified_at`` is refused.
    """
    cal = _calendar_of(cal)
    if cal.localize(at) < cal.localize(notified_at):
        raise InvalidInputError("a claim cannot precede the notification", field="at")
    deadline = claim_deadline(policy, notified_at, cal, month_end=month_end)
    state = "open" if deadline is None or at <= deadline else "forfeited"
    return ClaimStatus(state, deadline, policy.cites("claim"))
