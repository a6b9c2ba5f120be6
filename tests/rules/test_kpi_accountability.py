"""Seed 002 staff accountability (S002-R040..R048), complaint-free-year
candidates (S002-R039) and the month-end analysis (S002-R037), with the
digest's cases TC-17..TC-24."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from complaint_rules import presets
from complaint_rules.errors import InvalidInputError
from complaint_rules.kpi import (
    ConfirmedComplaint,
    GradedComplaint,
    complaint_free,
    may_return_to_post,
    monthly_analysis,
    staff_consequences,
    title_consequence,
)

RULES = presets.staff_accountability("hospital")


def confirmed(n, grade, day, staff="X", department="内科"):
    return ConfirmedComplaint(f"c{n}", staff, grade, day, department=department)


def kinds(proposals):
    return [p.kind for p in proposals]


def test_s002_r040_r043_r046_r048_grade_1_tc18():
    out = staff_consequences(
        [confirmed(1, "grade_1", date(2025, 4, 30))],
        RULES,
        as_of=date(2025, 12, 31),
        head_bonus=Decimal(3000),
    )
    assert kinds(out) == [
        "suspension",
        "suspension_effects",
        "return_assessment",
        "head_bonus_deduction",
        "ethics_file",
        "title_deferral",
    ]
    suspension, effects, _, head, ethics, title = out
    assert (suspension.months, suspension.start, suspension.end) == (
        3,
        date(2025, 4, 30),
        date(2025, 7, 30),
    )
    assert suspension.rule_ids == ("S002-R040",)
    assert effects.rule_ids == ("S002-R043",)
    assert (head.share, head.amount, head.month) == (
        Decimal("0.10"),
        Decimal("300.00"),
        date(2025, 4, 1),
    )
    assert ethics.rule_ids == ("S002-R048",)
    assert (title.months, title.rule_ids) == (12, ("S002-R046",))


def test_s002_r041_r046_grade_2_tc19():
    out = staff_consequences(
        [confirmed(1, "grade_2", date(2025, 5, 31), staff="Y")],
        RULES,
        as_of=date(2025, 5, 31),
        head_bonus=Decimal(3000),
    )
    by_kind = {p.kind: p for p in out}
    assert by_kind["suspension"].months == 1
    assert by_kind["head_bonus_deduction"].amount == Decimal("150.00")
    assert by_kind["title_deferral"].months == 12


def test_s002_r042_r047_first_grade_3_tc20():
    out = staff_consequences(
        [confirmed(1, "grade_3", date(2025, 3, 31), staff="Z")],
        RULES,
        as_of=date(2025, 3, 31),
    )
    assert kinds(out) == [
        "bonus_withheld",
        "department_circular",
        "ethics_file",
        "title_deferral",
    ]
    assert out[0].month == date(2025, 3, 1)
    assert out[1].department == "内科"
    assert (out[-1].months, out[-1].rule_ids) == (6, ("S002-R047",))
    assert "suspension" not in kinds(out)


def test_s002_r042_r046_second_grade_3_tc21():
    items = [
        confirmed(1, "grade_3", date(2025, 3, 31), staff="Z"),
        confirmed(2, "grade_3", date(2025, 10, 31), staff="Z"),
    ]
    out = staff_consequences(items, RULES, as_of=date(2025, 10, 31))
    assert kinds(out).count("bonus_withheld") == 2
    assert kinds(out).count("department_circular") == 2
    title = out[-1]
    assert (title.months, title.rule_ids, title.start) == (
        12,
        ("S002-R046",),
        date(2025, 10, 31),
    )


def test_s002_r044_two_suspensions_in_a_year_tc22():
    items = [
        confirmed(1, "grade_2", date(2025, 2, 28), staff="W"),
        confirmed(2, "grade_2", date(2025, 9, 30), staff="W"),
    ]
    out = staff_consequences(items, RULES, as_of=date(2025, 12, 31))
    assert "year_end_unqualified" in kinds(out)
    assert "transfer_review" in kinds(out)
    one = staff_consequences(items[:1], RULES, as_of=date(2025, 12, 31))
    assert "year_end_unqualified" not in kinds(one)


def test_s002_r044_calendar_year_by_default_rolling_as_a_setting():
    items = [
        confirmed(1, "grade_2", date(2024, 11, 30), staff="W"),
        confirmed(2, "grade_2", date(2025, 2, 28), staff="W"),
    ]
    calendar = staff_consequences(items, RULES, as_of=date(2025, 3, 31))
    assert "year_end_unqualified" not in kinds(calendar)
    rolling = staff_consequences(
        items, replace(RULES, window="rolling"), as_of=date(2025, 3, 31)
    )
    assert "year_end_unqualified" in kinds(rolling)


def test_s002_r046_wins_over_s002_r047_when_both_apply():
    items = [
        confirmed(1, "grade_3", date(2025, 1, 31)),
        confirmed(2, "grade_2", date(2025, 6, 30)),
    ]
    title = title_consequence(items, RULES, as_of=date(2025, 12, 31))
    assert (title.months, title.rule_ids, title.complaint) == (12, ("S002-R046",), "c2")
    assert title_consequence([], RULES, as_of=date(2025, 12, 31)) is None


def test_s002_r038_later_confirmations_and_other_people_are_refused():
    items = [confirmed(1, "grade_1", date(2025, 6, 30))]
    assert staff_consequences(items, RULES, as_of=date(2025, 6, 29)) == ()
    with pytest.raises(InvalidInputError):
        staff_consequences(
            [*items, confirmed(2, "grade_3", date(2025, 6, 30), staff="Q")],
            RULES,
            as_of=date(2025, 12, 31),
        )
    with pytest.raises(InvalidInputError):
        staff_consequences(
            [confirmed(3, "ungraded", date(2025, 6, 30))],
            RULES,
            as_of=date(2025, 12, 31),
        )


def test_s002_r045_return_to_post_only_after_passing_tc23():
    assert may_return_to_post(trained=True, self_examined=True, passed=True)
    assert not may_return_to_post(trained=True, self_examined=True, passed=False)


def test_hospital_preset_grades_are_the_grading_schemes():
    scheme = presets.grading_scheme("hospital_service_attitude")
    assert {s.grade for s in RULES.sanctions} <= set(scheme.grade_codes)
    assert set(RULES.cited_rule_ids) == {f"S002-R0{n}" for n in range(40, 49)}


# ---------------------------------------------------------------------------
# S002-R039, S002-R037
# ---------------------------------------------------------------------------


def graded(
    n, department, received, grade=None, confirmed_on=None, staff=None, cause=None
):
    return GradedComplaint(
        f"g{n}", received, department, staff, cause, grade, confirmed_on
    )


def test_s002_r039_complaint_free_year_tc24():
    complaints = [
        graded(1, "B", date(2025, 5, 2), "grade_3", date(2025, 5, 31)),
        graded(2, "A", date(2025, 6, 2)),  # never confirmed
        graded(3, "C", date(2024, 12, 20), "grade_2", date(2024, 12, 31)),
    ]
    assert complaint_free(["A", "B", "C"], complaints, 2025) == ("A", "C")
    assert complaint_free(["A", "B", "C"], complaints, 2025, confirmed_only=False) == (
        "C",
    )
    people = [
        graded(4, "A", date(2025, 1, 3), "grade_3", date(2025, 1, 31), staff="李")
    ]
    assert complaint_free(["李", "王"], people, 2025, by="staff") == ("王",)


def test_s002_r037_monthly_analysis_inputs():
    complaints = [
        graded(
            1, "内科", date(2025, 4, 2), "grade_1", date(2025, 4, 30), "X", "态度生硬"
        ),
        graded(
            2, "内科", date(2025, 4, 9), "grade_3", date(2025, 4, 30), "Y", "态度生硬"
        ),
        graded(3, "外科", date(2025, 4, 15), staff="Z", cause="等候时间长"),  # TC-17
        graded(4, "外科", date(2025, 3, 28), "grade_3", date(2025, 4, 30), "Z", "收费"),
        graded(5, "外科", date(2025, 5, 1), cause="收费"),
    ]
    month = monthly_analysis(complaints, 2025, 4)
    assert month.meeting_day == date(2025, 4, 30)
    assert (month.received, month.confirmed) == (3, 3)
    assert month.pending_confirmation == ("g3",)
    assert month.by_grade == {"grade_1": 1, "grade_3": 2}
    assert month.by_department == {"内科": 2, "外科": 1}
    assert month.by_staff == {"X": 1, "Y": 1, "Z": 1}
    assert month.causes == (("态度生硬", 2), ("等候时间长", 1))
