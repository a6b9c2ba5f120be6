"""Counting earlier tickets of the same complainant (多口归一 / 重复投诉)."""

from __future__ import annotations

import calendar
from collections.abc import Hashable, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from ..coerce import to_count
from ..errors import InvalidInputError

__all__ = ["count_repeats", "unresolved_for_a_month", "window_start"]


def _moment(value: Any, name: str) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time.min)
    raise InvalidInputError(f"{name} must be a date or datetime", field=name)


def window_start(at: date | datetime, window_days: int) -> datetime:
    """First moment of the repeat window ending at ``at``: the beginning of
    the calendar day ``window_days`` days before ``at``'s date (the one
    definition the Odoo duplicate check and :func:`count_repeats` share)."""
    to_count(window_days, "window_days")
    end = _moment(at, "at")
    start = datetime.combine(end.date() - timedelta(days=window_days), time.min)
    return start.replace(tzinfo=end.tzinfo)


def unresolved_for_a_month(received: date | datetime, now: date | datetime) -> bool:
    """S003-R034: a valid complaint still unresolved one calendar month after
    it was received becomes major. One month is the same day of the next
    month at the same time, or that month's last day when it is shorter
    (received 31 January -> due 28/29 February)."""
    start = _moment(received, "received")
    moment = _moment(now, "now")
    year, month = divmod(start.month, 12)
    year, month = start.year + year, month + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return moment >= start.replace(year=year, month=month, day=day)


def count_repeats(
    history: Iterable[tuple[Hashable, date | datetime]],
    key: Hashable,
    at: date | datetime,
    window_days: int,
) -> int:
    """Count earlier items with the same ``key`` in the ``window_days`` before ``at``.

    ``history`` holds ``(key, when)`` pairs, e.g. (complainant phone key,
    matter) with the receipt time of earlier tickets. An item counts when its
    key equals ``key`` and ``start <= when < at``, where ``start`` is the
    beginning of the calendar day ``window_days`` days before ``at``'s date.
    A plain ``date`` stands for the start of that day, so an item on the same
    date as a date-only ``at`` is not "earlier". Items whose key is ``None``
    never match (unknown complainant). This feeds ``TicketFacts.repeat_count``
    (S003-R018 "多次", S001-R115 repeat complaints, S002-R008 多口归一).
    """
    to_count(window_days, "window_days")
    end = _moment(at, "at")
    start = window_start(end, window_days)
    if key is None:
        return 0
    total = 0
    for index, item in enumerate(history):
        try:
            item_key, when = item
        except (TypeError, ValueError):
            raise InvalidInputError(
                "history items must be (key, when) pairs", index=index
            ) from None
        moment = _moment(when, "when")
        if moment.tzinfo is None and end.tzinfo is not None:
            raise InvalidInputError("cannot mix naive and aware datetimes", index=index)
        if item_key is None or item_key != key:
            continue
        try:
            if start <= moment < end:
                total += 1
        except TypeError:
            raise InvalidInputError(
                "cannot mix naive and aware datetimes", index=index
            ) from None
    return total
