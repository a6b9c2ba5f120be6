"""Tests of :mod:`complaint_rules.sla`: policy matching, step clocks, pauses,
extensions and the China holiday tables.

Worked examples come from the seed digests (``shared/spec/seed-00N.md``), on
the 2024/2025 calendars of ``chinese-calendar`` 1.11.0 (seed-000 §0). The
default calendar works 08:30-12:00 and 13:30-17:30 (7.5 h a day).
"""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules import presets, sla
from complaint_rules.calendar import Unit, WorkCalendar, add_duration, supported_years
from complaint_rules.deadline_status import line_status
from complaint_rules.errors import CalendarRangeError, InvalidInputError

SH = ZoneInfo("Asia/Shanghai")
CAL = WorkCalendar()
PROPS = settings(max_examples=150, deadline=None)


def sh(*args: int) -> datetime:
    return datetime(*args, tzinfo=SH)


def eod(year: int, month: int, day: int) -> datetime:
    return sh(year, month, day, 23, 59, 59)


def limit(step="received", amount=24, unit="hours", end_step="", **kw):
    return sla.StepLimit(step, Decimal(amount), Unit(unit), end_step, **kw)


def policy(code, *limits, **criteria):
    return sla.Policy(code=code, limits=limits or (limit(),), **criteria)


# -- validation -----------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"step": "closed"},
        {"end_step": "received"},
        {"step": "replied", "end_step": "handling"},
        {"amount": 0},
        {"unit": "working_days", "amount": Decimal("1.5")},
        {"unit": "same_working_day", "amount": Decimal("1.5")},
        {"unit": "weeks"},
        {"warn_ratio": Decimal("1.1")},
        {"breach_action": "shout"},
        {"max_extensions": -1},
    ],
)
def test_step_limit_rejects_bad_input(kwargs):
    values = {"step": "received", "amount": 4, "unit": "hours"} | kwargs
    with pytest.raises(InvalidInputError):
        sla.StepLimit(**values)


def test_policy_rejects_unknown_codes_and_duplicate_slots():
    with pytest.raises(InvalidInputError):
        policy("p", kinds={"rumour"})
    with pytest.raises(InvalidInputError):
        policy("p", levels={"county"})
    with pytest.raises(InvalidInputError):
        policy("p", limit(amount=1), limit(amount=2))


# -- matching: most specific wins ------------------------------------------------

TICKET = sla.TicketProfile(
    kind="complaint",
    grade=7,
    channel="hotline",
    level="city",
    company=42,
    scheme="telecom_upgrade",
)


def test_specificity_counts_non_empty_criteria_not_the_scheme():
    assert policy("a").specificity == 0
    assert policy("b", scheme="telecom_upgrade").specificity == 0
    assert policy("c", kinds={"complaint"}, grades={7}).specificity == 2
    full = policy(
        "d",
        kinds={"complaint"},
        grades={7},
        channels={"hotline"},
        levels={"city"},
        companies={42},
    )
    assert full.specificity == 5
    assert full.matches(TICKET)


def test_most_specific_policy_wins_per_slot():
    general = policy("general", limit(amount=24), kinds={"complaint"}, sequence=1)
    by_grade = policy("grade", limit(amount=48), kinds={"complaint"}, grades={7})
    by_company = policy(
        "company",
        limit(amount=12),
        kinds={"complaint"},
        grades={7},
        companies={42},
        sequence=99,
    )
    chosen = sla.select_limits([general, by_grade, by_company], TICKET)
    assert chosen[("received", "")].policy.code == "company"
    assert chosen[("received", "")].limit.amount == 12
    # Without the company match the grade policy (2 criteria) beats the
    # general one (1 criterion), whatever the sequence.
    other = sla.TicketProfile(kind="complaint", grade=7, company=1)
    assert sla.select_limits([general, by_grade, by_company], other)[
        ("received", "")
    ].policy.code == ("grade")


def test_ties_go_to_the_lower_sequence_then_the_code():
    first = policy("b_first", limit(amount=1), channels={"hotline"}, sequence=5)
    second = policy("a_second", limit(amount=2), levels={"city"}, sequence=10)
    assert (
        sla.select_limits([second, first], TICKET)[("received", "")].limit.amount == 1
    )
    same_seq = policy("a_second", limit(amount=2), levels={"city"}, sequence=5)
    assert (
        sla.select_limits([first, same_seq], TICKET)[("received", "")].policy.code
        == "a_second"
    )


def test_general_policy_fills_the_slots_a_specific_one_leaves_open():
    general = policy(
        "general",
        limit("received", 4),
        limit("received", 24, end_step="replied"),
        limit("replied", 7, "calendar_days", "revisit"),
        kinds={"complaint"},
    )
    provincial = policy(
        "provincial",
        limit("received", 48, end_step="replied"),
        kinds={"complaint"},
        grades={7},
    )
    chosen = sla.select_limits([general, provincial], TICKET)
    assert {key: s.limit.amount for key, s in chosen.items()} == {
        ("received", ""): 4,
        ("received", "replied"): 48,
        ("replied", "revisit"): 7,
    }
    assert list(chosen) == [
        ("received", ""),
        ("received", "replied"),
        ("replied", "revisit"),
    ]
    starting = sla.limits_starting(chosen, "received")
    assert [s.limit.amount for s in starting] == [4, 48]


def test_scheme_filter_inactive_and_non_matching_policies_are_ignored():
    other_scheme = policy("x", kinds={"complaint"}, scheme="property_management")
    inactive = policy("y", kinds={"complaint"}, active=False)
    wrong_level = policy("z", levels={"province"})
    assert sla.matching_policies([other_scheme, inactive, wrong_level], TICKET) == ()
    assert sla.select_limits([other_scheme, inactive, wrong_level], TICKET) == {}


def test_s000_r174_anonymity_criterion_matches_real_name_or_anonymous_only():
    """S000-R174: feedback is owed to real-name reporters only, so a policy
    can be limited to real-name (or to anonymous) tickets; it counts as a
    criterion of its specificity."""
    any_ticket = policy("any", kinds={"report"})
    real_name = policy("real", kinds={"report"}, anonymity="real_name")
    anonymous = policy("anon", kinds={"report"}, anonymity="anonymous")
    named = sla.TicketProfile(kind="report")
    hidden = sla.TicketProfile(kind="report", anonymous=True)
    assert (any_ticket.anonymity, named.anonymous) == ("any", False)
    assert [any_ticket.specificity, real_name.specificity] == [1, 2]
    assert [p.code for p in sla.matching_policies([any_ticket, real_name], named)] == [
        "real",
        "any",
    ]
    assert sla.matching_policies([real_name, anonymous], named) == (real_name,)
    assert sla.matching_policies([real_name, anonymous], hidden) == (anonymous,)
    assert any_ticket.matches(hidden)
    with pytest.raises(InvalidInputError):
        policy("p", anonymity="pseudonymous")
    with pytest.raises(InvalidInputError):
        sla.TicketProfile(anonymous="yes")


def test_track_criterion_lets_an_addon_add_deadlines_as_data():
    """A track (e.g. a whistleblowing report's opening route, S000-R015:
    senior management within 2 working days) is a criterion like the others:
    a policy naming it matches only tickets on that track and outranks the
    kind's general policy."""
    general = policy("report", kinds={"report"})
    senior = policy("senior", kinds={"report"}, tracks={"report_senior"})
    on_track = sla.TicketProfile(kind="report", track="report_senior")
    off_track = sla.TicketProfile(kind="report", track="report_approval")
    untracked = sla.TicketProfile(kind="report")
    assert [general.specificity, senior.specificity] == [1, 2]
    assert [p.code for p in sla.matching_policies([general, senior], on_track)] == [
        "senior",
        "report",
    ]
    assert sla.matching_policies([general, senior], off_track) == (general,)
    assert sla.matching_policies([general, senior], untracked) == (general,)
    with pytest.raises(InvalidInputError):
        sla.TicketProfile(track=3)


# -- slots: when a clock stops ------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "end_step", "new_step", "stops"),
    [
        ("received", "", "dispatched", True),
        ("received", "", "received", False),
        ("handling", "", "dispatched", True),  # escalation re-dispatches
        ("received", "replied", "dispatched", False),
        ("received", "replied", "handling", False),
        ("received", "replied", "replied", True),
        ("received", "replied", "revisit", True),
        ("handling", "replied", "dispatched", False),
        ("received", "closed", "revisit", False),
        ("received", "closed", "closed", True),
        ("received", "closed", "rejected", True),
        ("handling", "", "merged", True),
    ],
)
def test_closes(step, end_step, new_step, stops):
    assert sla.closes(step, end_step, new_step) is stops


# -- clocks and the 90 % warning (S000-R122) --------------------------------------


def test_s000_r105_r122_tc23_step_warnings_at_90_percent():
    # TC-23: call at 10:00, fill ≤ 1 h -> due 11:00, warning 10:54; review and
    # dispatch from 10:40 ≤ 4 h -> due 14:40, warning 14:16; reply from 16:00
    # ≤ 2 h -> due 18:00, warning 17:48.
    fill = sla.plan(limit(amount=1), sh(2024, 5, 10, 10, 0), CAL)
    assert (fill.deadline, fill.warning_at) == (
        sh(2024, 5, 10, 11),
        sh(2024, 5, 10, 10, 54),
    )
    dispatch = sla.plan(limit(amount=4), sh(2024, 5, 10, 10, 40), CAL)
    assert dispatch.deadline == sh(2024, 5, 10, 14, 40)
    assert dispatch.warning_at == sh(2024, 5, 10, 14, 16)
    reply = sla.plan(limit("handling", 2), sh(2024, 5, 10, 16, 0), CAL)
    assert (reply.deadline, reply.warning_at) == (
        sh(2024, 5, 10, 18),
        sh(2024, 5, 10, 17, 48),
    )


def test_s000_r104_tc20_to_tc22_reply_maxima():
    start = sh(2024, 5, 10, 9, 30)
    for hours, due in (
        (24, sh(2024, 5, 11, 9, 30)),
        (48, sh(2024, 5, 12, 9, 30)),
        (72, sh(2024, 5, 13, 9, 30)),
    ):
        assert sla.plan(limit(amount=hours), start, CAL).deadline == due


def test_s000_r140_tc25_holiday_week_and_makeup_saturday():
    # HQ dispatch Fri 2024-09-27 16:00. Fixed network, 7 working days:
    # 09-29 (Sun, 调休), 09-30, 10-08..10-11, Sat 10-12 (调休) -> end of 10-12.
    clock = sla.plan(
        limit(amount=7, unit="working_days", end_step="replied"),
        sh(2024, 9, 27, 16),
        CAL,
    )
    assert clock.deadline == eod(2024, 10, 12)
    # 90 % of the working time really available: 1.5 h on Friday + 7 × 7.5 h
    # = 54 h; the warning comes 5.4 h (5 h 24 min) of working time before the
    # end of Saturday 10-12, i.e. Sat 10:36.
    assert clock.warning_at == sh(2024, 10, 12, 10, 36)
    mobile = sla.plan(limit(amount=3, unit="working_days"), sh(2024, 9, 27, 16), CAL)
    assert mobile.deadline == eod(2024, 10, 8)


def test_s000_r140_tc26_spring_festival():
    clock = sla.plan(limit(amount=3, unit="working_days"), sh(2025, 1, 24, 10), CAL)
    assert clock.deadline == eod(2025, 2, 5)


def test_zero_warn_ratio_means_no_warning():
    clock = sla.plan(limit(amount=4, warn_ratio=Decimal(0)), sh(2024, 5, 10, 10), CAL)
    assert clock.warning_at is None


# -- working time backwards --------------------------------------------------------


def test_subtract_working_time_walks_back_over_lunch_and_holidays():
    # 2 h before Tue 2024-10-08 09:30: 1 h that morning, then back over the
    # National Day holidays to Mon 09-30 16:30.
    assert sla.subtract_working_time(
        sh(2024, 10, 8, 9, 30), timedelta(hours=2), CAL
    ) == sh(2024, 9, 30, 16, 30)
    assert sla.subtract_working_time(
        sh(2024, 5, 10, 14), timedelta(hours=1), CAL
    ) == sh(2024, 5, 10, 11, 30)
    # Exactly exhausting a period gives its start.
    assert sla.subtract_working_time(
        sh(2024, 5, 10, 12), timedelta(hours=3.5), CAL
    ) == sh(2024, 5, 10, 8, 30)
    assert sla.subtract_working_time(sh(2024, 5, 10, 12), timedelta(0), CAL) == sh(
        2024, 5, 10, 12
    )


@PROPS
@given(
    start=st.datetimes(
        min_value=datetime(2024, 1, 2), max_value=datetime(2025, 11, 30)
    ),
    minutes=st.integers(min_value=1, max_value=60 * 7 * 30),
)
def test_subtracting_undoes_adding_working_time(start, minutes):
    begin = start.replace(second=0, microsecond=0, tzinfo=SH)
    end = CAL.add_working_hours(begin, timedelta(minutes=minutes))
    back = sla.subtract_working_time(end, timedelta(minutes=minutes), CAL)
    # Same working instant: equal, or begin lies outside working time and the
    # walk stops at the start of the next working period.
    assert back >= begin
    assert CAL.working_time_between(begin, back) == timedelta(0)


# -- pauses (挂起) ---------------------------------------------------------------------


def test_pause_shifts_a_working_hours_deadline_by_the_working_time_paused():
    # S004-R063 style 8 working hours from Mon 2024-09-30 10:00: 6 h on Monday,
    # National Day off, 2 h on Tue 10-08 -> 10:30, warning 0.8 h before: 09:42.
    lim = limit("handling", 8, "working_hours")
    clock = sla.plan(lim, sh(2024, 9, 30, 10), CAL)
    assert (clock.deadline, clock.warning_at) == (
        sh(2024, 10, 8, 10, 30),
        sh(2024, 10, 8, 9, 42),
    )
    # Paused 10:00-15:00 on Monday = 2 h + 1.5 h of working time.
    resumed = sla.resume_clock(
        clock, sh(2024, 9, 30, 10), sh(2024, 9, 30, 15), lim.unit, CAL
    )
    assert resumed.deadline == sh(2024, 10, 8, 15, 30)
    assert resumed.warning_at == sh(2024, 10, 8, 14, 42)
    # A warning already sent is not moved.
    sent = sla.resume_clock(
        clock, sh(2024, 9, 30, 10), sh(2024, 9, 30, 15), lim.unit, CAL, warned=True
    )
    assert sent.warning_at == clock.warning_at


def test_pause_over_a_holiday_week_costs_no_working_time():
    lim = limit("handling", 3, "working_days", "replied")
    clock = sla.plan(lim, sh(2024, 9, 30, 10), CAL)
    assert clock.deadline == eod(2024, 10, 10)
    resumed = sla.resume_clock(
        clock, sh(2024, 10, 1, 9), sh(2024, 10, 7, 18), lim.unit, CAL
    )
    assert resumed == clock


def test_pause_of_a_working_days_limit_ends_at_a_day_end():
    lim = limit("handling", 3, "working_days", "replied")
    clock = sla.plan(lim, sh(2024, 9, 30, 10), CAL)
    # 3 h 30 of working time paused on Tue 10-08 moves the deadline into Fri
    # 10-11 (end of day).
    resumed = sla.resume_clock(
        clock, sh(2024, 10, 8, 8, 30), sh(2024, 10, 8, 12), lim.unit, CAL
    )
    assert resumed.deadline == eod(2024, 10, 11)


def test_pause_of_an_elapsed_limit_shifts_by_elapsed_time():
    lim = limit(amount=24)
    clock = sla.plan(lim, sh(2024, 5, 10, 9, 30), CAL)
    resumed = sla.resume_clock(
        clock, sh(2024, 5, 10, 12), sh(2024, 5, 10, 15), lim.unit, CAL
    )
    assert resumed.deadline == sh(2024, 5, 11, 12, 30)
    assert resumed.warning_at == clock.warning_at + timedelta(hours=3)


# -- extensions (延期) -----------------------------------------------------------


def test_extension_in_working_days_skips_the_holiday_week():
    lim = limit("handling", 1, "working_days", "replied")
    clock = sla.plan(lim, sh(2024, 9, 29, 10), CAL)
    assert clock.deadline == eod(2024, 9, 30)
    amount, unit = sla.check_extension(lim, 0, 2, None)
    assert (amount, unit) == (Decimal(2), Unit.WORKING_DAYS)
    extended = sla.extend_clock(clock, amount, unit, CAL, limit_unit=lim.unit)
    assert extended.deadline == eod(2024, 10, 9)
    # Sun 09-29 is a make-up working day: 6 h left on it + 7.5 h on 09-30;
    # the warning keeps its lead (0.1 × 13.5 h = 1 h 21 min) before the new
    # deadline: 16:09 on 10-09.
    assert clock.warning_at == sh(2024, 9, 30, 16, 9)
    assert extended.warning_at == sh(2024, 10, 9, 16, 9)


def test_extension_count_and_cap():
    lim = limit(
        "handling", 2, "working_days", max_extensions=1, extension_cap=Decimal(3)
    )
    with pytest.raises(sla.ExtensionError) as err:
        sla.check_extension(lim, 1, 1, None)
    assert err.value.params["reason"] == "count"
    with pytest.raises(sla.ExtensionError) as err:
        sla.check_extension(lim, 0, 4, None)
    assert err.value.params["reason"] == "cap"
    assert sla.check_extension(lim, 0, 3, None) == (Decimal(3), Unit.WORKING_DAYS)
    with pytest.raises(InvalidInputError):
        sla.check_extension(lim, 0, 0, None)


def test_s002_r023_extension_not_beyond_5_days_in_all():
    lim = presets.sla_policies("hospital")[0].limits[0]
    # Registered Mon 2024-03-04 10:00: reply opinion due end of Wed 03-06
    # (S002-R022); in all at most 5 日, i.e. until Sat 03-09 10:00.
    clock = sla.plan(lim, sh(2024, 3, 4, 10), CAL)
    assert clock.deadline == eod(2024, 3, 6)
    amount, unit = sla.check_extension(lim, 0, 2, "calendar_days", clock=clock, cal=CAL)
    assert sla.extend_clock(
        clock, amount, unit, CAL, limit_unit=lim.unit
    ).deadline == eod(2024, 3, 8)
    with pytest.raises(sla.ExtensionError) as err:
        sla.check_extension(lim, 0, 3, "calendar_days", clock=clock, cal=CAL)
    assert err.value.params["reason"] == "cap_total"
    with pytest.raises(sla.ExtensionError) as err:
        sla.check_extension(lim, 0, 1, "working_days", clock=clock, cal=CAL)
    assert err.value.params["reason"] == "unit"


# -- status --------------------------------------------------------------------------


def test_status_has_one_home_deadline_status():
    """Issue 10 item 6: the status rule lives in complaint_rules.deadline_status
    only; complaint_rules.sla no longer carries a copy."""
    assert not hasattr(sla, "status")
    assert "status" not in sla.__all__


def test_s000_r122_tc23_clock_status_through_line_status():
    """TC-23: 4 h from 10:40 -> deadline 14:40, warning at 90 % = 14:16; the
    planned clock classified by deadline_status.line_status."""
    clock = sla.plan(limit(amount=4), sh(2024, 5, 10, 10, 40), CAL)
    assert (clock.deadline, clock.warning_at) == (
        sh(2024, 5, 10, 14, 40),
        sh(2024, 5, 10, 14, 16),
    )
    values = {"deadline": clock.deadline, "warning_at": clock.warning_at}

    def status(now, state="open", **kw):
        return line_status(now, state=state, **values, **kw)

    assert status(sh(2024, 5, 10, 14)) == "on_time"
    assert status(sh(2024, 5, 10, 14, 16)) == "warning"
    assert status(sh(2024, 5, 10, 14, 40)) == "warning"
    assert status(sh(2024, 5, 10, 14, 41)) == "overdue"
    assert status(sh(2024, 5, 10, 15), state="paused") == "paused"
    assert status(sh(2024, 5, 11), state="done", done_at=clock.deadline) == "met"
    assert (
        status(sh(2024, 5, 11), state="done", done_at=sh(2024, 5, 10, 15)) == "missed"
    )


# -- China holidays and 调休 -----------------------------------------------------


def test_china_holidays_2024():
    runs = {run.name: run for run in sla.china_holidays(2024)}
    national = runs["National Day"]
    assert (national.first, national.last, national.days) == (
        date(2024, 10, 1),
        date(2024, 10, 7),
        7,
    )
    assert national.name_zh == "国庆节"
    assert runs["Dragon Boat Festival"].first == date(2024, 6, 10)
    makeup = dict(sla.china_makeup_workdays(2024))
    assert date(2024, 9, 29) in makeup and date(2024, 10, 12) in makeup
    assert len(makeup) == 8


def test_year_overrides_reproduce_chinese_calendar():
    holidays = {
        run.first + timedelta(days=i)
        for run in sla.china_holidays(2024)
        for i in range(run.days)
    }
    workdays = {day for day, _name in sla.china_makeup_workdays(2024)}
    off, on = sla.year_overrides(2024, holidays, workdays)
    assert len(off) + len(on) == 366
    for day in off:
        assert not chinese_calendar.is_workday(day)
    for day in on:
        assert chinese_calendar.is_workday(day)


def test_year_overrides_define_a_year_the_library_does_not_know():
    _first, last = supported_years()
    year = last + 1
    with pytest.raises(CalendarRangeError):
        sla.china_holidays(year)
    off, on = sla.year_overrides(year, {date(year, 1, 1)}, set())
    cal = WorkCalendar(extra_holidays=off, extra_workdays=on)
    assert not cal.is_working_day(date(year, 1, 1))
    # Without the overrides the same computation fails clearly.
    with pytest.raises(CalendarRangeError):
        add_duration(sh(year, 1, 4, 10), 2, "working_days", WorkCalendar())
    assert add_duration(sh(year, 1, 4, 10), 2, "working_days", cal).year == year
