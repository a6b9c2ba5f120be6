"""The SLA presets of :mod:`complaint_rules.presets` against the seeds' limits,
the grading presets and the addon's data file (no Odoo needed)."""

import xml.etree.ElementTree as ET
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from complaint_rules import presets, sla
from complaint_rules.calendar import WorkCalendar
from complaint_rules.errors import InvalidInputError

DATA = (
    Path(__file__).resolve().parents[2]
    / "addons/complaint_sla/data/complaint_sla_policy_data.xml"
)
SH = ZoneInfo("Asia/Shanghai")
CAL = WorkCalendar()
ALL = {
    policy.code: policy
    for group in presets.presets("sla_policies").values()
    for policy in group
}


def sh(*args):
    return datetime(*args, tzinfo=SH)


def eod(year, month, day):
    return sh(year, month, day, 23, 59, 59)


def _records():
    root = ET.parse(DATA).getroot()
    records = {}
    for record in root.iter("record"):
        fields = {}
        for field in record.iter("field"):
            fields[field.get("name")] = (
                field.get("eval") or field.get("ref") or (field.text or "")
            )
        records[record.get("id")] = (record.get("model"), fields)
    return records


def test_every_preset_policy_is_shipped_as_data_with_the_same_limits():
    records = _records()
    shipped = {
        fields["code"]: (xmlid, fields)
        for xmlid, (model, fields) in records.items()
        if model == "complaint.sla.policy"
    }
    assert set(shipped) == set(ALL)
    for code, policy in ALL.items():
        xmlid, fields = shipped[code]
        assert fields.get("scheme", "") == policy.scheme
        assert fields.get("complaint_kind", "") == "".join(policy.kinds)
        assert fields.get("anonymity", "any") == policy.anonymity
        assert int(fields["sequence"]) == policy.sequence
        assert ("active" not in fields) == policy.active
        for grade in policy.grades:
            assert f"grade_{policy.scheme}_{grade}'" in fields["grade_ids"]
        lines = [
            f
            for model, f in records.values()
            if model == "complaint.sla.policy.line" and f["policy_id"] == xmlid
        ]
        assert len(lines) == len(policy.limits)
        for line, limit in zip(
            sorted(lines, key=lambda f: int(f["sequence"])), policy.limits, strict=True
        ):
            assert line["step"] == limit.step
            assert line.get("end_step", "") == limit.end_step
            assert Decimal(line["amount"]) == limit.amount
            assert line["unit"] == limit.unit.value
            assert Decimal(line["warn_ratio"]) == limit.warn_ratio
            assert line["breach_action"] == limit.breach_action
            assert int(line["max_extensions"]) == limit.max_extensions
            assert line["rule_ref"].split() == list(limit.rule_ids)
            role_ref = line.get("extension_approver_role_id", "")
            assert role_ref.rpartition("approval_role_")[2] == (
                limit.extension_approver
            )


@pytest.mark.parametrize(
    ("code", "scheme"),
    [
        ("telecom_provincial", presets.grading_scheme("telecom_upgrade")),
        ("telecom_national", presets.grading_scheme("telecom_upgrade")),
        ("property_major", presets.grading_scheme("property_management")),
        ("property_important", presets.grading_scheme("property_management")),
        ("property_minor", presets.grading_scheme("property_management")),
        ("insurance_major", presets.grading_scheme("insurance_major")),
    ],
)
def test_presets_agree_with_the_grading_limits(code, scheme):
    """First-reply limits run until the reply, resolution limits until
    closing; the amounts are the grading presets' GradeLimit values."""
    policy = ALL[code]
    for grade in policy.grades:
        for grade_limit in scheme.limits_for(grade):
            for name, end in (("first_reply", "replied"), ("resolution", "closed")):
                duration = getattr(grade_limit, name)
                if duration is None:
                    continue
                limit = next(
                    lim for lim in policy.limits if lim.key == ("received", end)
                )
                assert limit.amount == duration.amount
                assert limit.unit.value == duration.unit


def _profile(scheme, grade, kind="complaint"):
    return sla.TicketProfile(kind=kind, grade=grade, scheme=scheme)


def test_s000_r104_r105_telecom_general_complaint():
    chosen = sla.select_limits(ALL.values(), _profile("telecom_upgrade", "general"))
    assert {key: (s.limit.amount, s.limit.unit.value) for key, s in chosen.items()} == {
        ("received", ""): (4, "hours"),
        ("received", "replied"): (24, "hours"),
        ("replied", "revisit"): (7, "calendar_days"),
    }
    # TC-20: accepted 2024-05-10 09:30 -> hard maximum 05-11 09:30.
    clock = sla.plan(chosen[("received", "replied")].limit, sh(2024, 5, 10, 9, 30), CAL)
    assert clock.deadline == sh(2024, 5, 11, 9, 30)
    # TC-24: revisit due 7 calendar days after 2024-06-03 15:00.
    revisit = sla.plan(chosen[("replied", "revisit")].limit, sh(2024, 6, 3, 15), CAL)
    assert revisit.deadline == sh(2024, 6, 10, 15)


@pytest.mark.parametrize(
    ("grade", "hours"),
    [
        ("provincial", 48),
        ("provincial_vip", 48),
        ("national", 72),
        ("national_vip", 72),
    ],
)
def test_s000_r104_higher_grades_override_only_the_reply_slot(grade, hours):
    chosen = sla.select_limits(ALL.values(), _profile("telecom_upgrade", grade))
    assert chosen[("received", "replied")].limit.amount == hours
    assert chosen[("received", "")].limit.amount == 4  # from the base policy


def test_s000_r140_escalated_fixed_network_tc25():
    chosen = sla.select_limits(ALL.values(), _profile("telecom_upgrade", "escalated"))
    selected = chosen[("received", "replied")]
    assert selected.policy.code == "telecom_escalated_fixed"  # mobile is inactive
    clock = sla.plan(selected.limit, sh(2024, 9, 27, 16), CAL)
    assert clock.deadline == eod(2024, 10, 12)


def test_s000_r172_r174_cultural_relics_tc40():
    """City bureau accepts a real-name report Mon 2024-09-23: verification
    due end of Thu 10-17 (15 working days), feedback end of Thu 12-19."""
    chosen = sla.select_limits(ALL.values(), _profile("", None, kind="report"))
    verify = sla.plan(chosen[("received", "replied")].limit, sh(2024, 9, 23, 10), CAL)
    feedback = sla.plan(chosen[("received", "closed")].limit, sh(2024, 9, 23, 10), CAL)
    assert verify.deadline == eod(2024, 10, 17)
    assert feedback.deadline == eod(2024, 12, 19)


def test_s000_r174_no_60_day_feedback_for_an_anonymous_report():
    """S000-R174 "对于实名举报…60个工作日内…反馈举报人": an anonymous report
    accepted Mon 2024-09-23 keeps the 15-working-day verification (S000-R172,
    end of Thu 10-17) and owes no feedback."""
    profile = sla.TicketProfile(kind="report", anonymous=True)
    chosen = sla.select_limits(ALL.values(), profile)
    assert set(chosen) == {("received", "replied")}
    verify = sla.plan(chosen[("received", "replied")].limit, sh(2024, 9, 23, 10), CAL)
    assert verify.deadline == eod(2024, 10, 17)
    feedback = ALL["cultural_relics_feedback"]
    assert feedback.anonymity == "real_name"
    assert feedback.rule_ids == ("S000-R174",)


def test_s001_r049_r050_insurance_tc18():
    """Accepted Mon 2024-09-23: ordinary reply end of Thu 10-17 (15 working
    days); major (重大疑难) 30 calendar days."""
    ordinary = sla.select_limits(ALL.values(), _profile("insurance_major", "ordinary"))
    major = sla.select_limits(ALL.values(), _profile("insurance_major", "major"))
    start = sh(2024, 9, 23, 10)
    assert sla.plan(
        ordinary[("received", "replied")].limit, start, CAL
    ).deadline == eod(2024, 10, 17)
    assert sla.plan(major[("received", "replied")].limit, start, CAL).deadline == sh(
        2024, 10, 23, 10
    )


def test_s003_r031_to_r033_property():
    chosen = sla.select_limits(ALL.values(), _profile("property_management", "major"))
    assert chosen[("received", "replied")].limit.amount == 2
    assert chosen[("received", "closed")].limit.amount == 10
    minor = sla.select_limits(ALL.values(), _profile("property_management", "minor"))
    assert set(minor) == {("received", "closed")}
    # Presets of one scheme never apply to another scheme's companies.
    assert not sla.select_limits(
        ALL.values(), _profile("hospital_service_attitude", "x")
    )[("received", "replied")].policy.code.startswith("property")


@pytest.mark.parametrize(
    ("code", "grade", "role"),
    [
        ("property_minor", "minor", "manager_in_charge"),
        ("property_important", "important", "general_manager"),
        ("property_major", "major", ""),
    ],
)
def test_s003_r031_r032_overruns_approved_by_the_role_the_seed_names(code, grade, role):
    """S003-R031 "超时需经主管经理批准" (manager in charge), S003-R032 "超时需经
    公司总经理批准" (general manager); S003-R033 names nobody. The SLA preset's
    extension approver is the grading preset's overrun approver."""
    scheme = presets.grading_scheme("property_management")
    (grade_limit,) = scheme.limits_for(grade)
    assert (grade_limit.overrun_approver or "") == role
    assert {limit.extension_approver for limit in ALL[code].limits} == {role}


def test_extension_approver_is_a_role_code():
    limit = sla.StepLimit(
        "received", 2, "calendar_days", "closed", extension_approver="general_manager"
    )
    assert limit.extension_approver == "general_manager"
    assert sla.StepLimit("received", 2, "hours").extension_approver == ""
    for bad in ("General manager", "总经理", 7):
        with pytest.raises(InvalidInputError):
            sla.StepLimit("received", 2, "hours", extension_approver=bad)


def test_s002_r016_hospital_dispatch_and_acceptance_the_same_working_day():
    """ "做到当日交办、当日受理": received Fri 2024-05-10 10:00 -> dispatch due
    17:30 that day (warning 16:54); received 18:30, after hours (S002-R009:
    the duty officer takes it) -> the next working day's close, Sat 05-11
    (调休 make-up day). The department accepts the same day it gets the
    dispatch order. The reply limit (S002-R022) is unchanged."""
    chosen = sla.select_limits(
        ALL.values(), _profile("hospital_service_attitude", "grade_3")
    )
    dispatch = chosen[("received", "")]
    accept = chosen[("dispatched", "")]
    for selected in (dispatch, accept):
        assert selected.policy.code == "hospital_same_day"
        assert (selected.limit.amount, selected.limit.unit.value) == (
            1,
            "same_working_day",
        )
        assert selected.limit.rule_ids == ("S002-R016",)
        assert selected.limit.max_extensions == 0
    clock = sla.plan(dispatch.limit, sh(2024, 5, 10, 10), CAL)
    assert (clock.deadline, clock.warning_at) == (
        sh(2024, 5, 10, 17, 30),
        sh(2024, 5, 10, 16, 54),
    )
    late = sla.plan(dispatch.limit, sh(2024, 5, 10, 18, 30), CAL)
    assert late.deadline == sh(2024, 5, 11, 17, 30)
    assert sla.plan(accept.limit, sh(2024, 5, 10, 17), CAL).deadline == sh(
        2024, 5, 10, 17, 30
    )
    reply = chosen[("received", "replied")].limit
    assert sla.plan(reply, sh(2024, 5, 10, 10), CAL).deadline == eod(2024, 5, 13)
