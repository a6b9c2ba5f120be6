"""Seed 002 D1, Taicang First People's Hospital (太仓市第一人民医院
《服务态度投诉管理办法》): the hospital rulebook, digest
``shared/spec/seed-002.md``.

Data only, each entry citing its rule IDs: the service-attitude grades
(S002-R032 … S002-R035, S002-R038), same-day dispatch and acceptance
(S002-R016) and the reply limit with its extension (S002-R022, S002-R023).
"""

from ..grading import Duration, Grade, GradeCriterion, GradeLimit, GradingScheme
from ..sla import Policy, StepLimit

# --------------------------------------------------------------------------
# Grading
# --------------------------------------------------------------------------

#: Hospital service-attitude complaints, seed 002 D1 (S002-R032..R035).
#: Each grade combines conduct, escalation level and impact scope, all of
#: which must hold. Where the dimensions disagree the result is only a
#: provisional grade: the management group confirms it (S002-R038).
HOSPITAL_SERVICE_ATTITUDE = GradingScheme(
    code="hospital_service_attitude",
    grades=(
        Grade("grade_1", "一级投诉", "Grade 1 complaint", "S002-R033"),
        Grade("grade_2", "二级投诉", "Grade 2 complaint", "S002-R034"),
        Grade("grade_3", "三级投诉", "Grade 3 complaint", "S002-R035"),
        Grade("ungraded", "未定级", "Not graded", "S002-R038"),
    ),
    criteria=(
        # S002-R033: 服务态度恶劣…情节严重 (conduct egregious) AND 投诉至上级行政
        # 职能部门 (regulator_involved) or 新闻媒体 (media_involved) AND 在社会上
        # 造成不良影响 (impact public).
        GradeCriterion(
            "grade_1",
            "S002-R033",
            note="egregious conduct, superior authority, public impact",
            flags={"regulator_involved"},
            min_conduct="egregious",
            min_impact="public",
        ),
        GradeCriterion(
            "grade_1",
            "S002-R033",
            note="egregious conduct, media, public impact",
            flags={"media_involved"},
            min_conduct="egregious",
            min_impact="public",
        ),
        # S002-R034: 服务态度差 (conduct >= poor) AND 投诉至院领导及医院有关职能
        # 部门 (leadership_involved) AND 在院内造成不良影响 (impact >= internal).
        GradeCriterion(
            "grade_2",
            "S002-R034",
            note="poor conduct, hospital leaders, internal impact",
            flags={"leadership_involved"},
            min_conduct="poor",
            min_impact="internal",
        ),
        # Implementation choice: a complaint taken beyond the hospital (to a
        # superior authority or the media) has also reached the hospital level
        # needed for grade 2.
        GradeCriterion(
            "grade_2",
            "S002-R034",
            note="poor conduct, taken beyond the hospital, internal impact",
            flags={"regulator_involved"},
            min_conduct="poor",
            min_impact="internal",
        ),
        GradeCriterion(
            "grade_2",
            "S002-R034",
            note="poor conduct, media, internal impact",
            flags={"media_involved"},
            min_conduct="poor",
            min_impact="internal",
        ),
        # S002-R035: 服务态度欠佳,沟通不到位 (conduct >= lacking) AND 一定程度
        # 不便 (harm >= inconvenience). "经出院回访等渠道反映的" lists channels
        # with "等" (open-ended), so no channel condition is set.
        GradeCriterion(
            "grade_3",
            "S002-R035",
            note="attitude lacking, some inconvenience",
            min_conduct="lacking",
            min_harm="inconvenience",
        ),
    ),
    default_grade="ungraded",
    limits=tuple(
        # S002-R022/R023: reply opinion within 2 working days for every grade;
        # extension up to 5 日 with the leader in charge's consent.
        GradeLimit(
            code,
            ("S002-R022", "S002-R023"),
            first_reply=Duration(2, "working_days"),
            overrun_approver="leader_in_charge",
            note="一般应当在2个工作日内形成投诉处理答复意见; 延长不得超过5日",
        )
        for code in ("grade_1", "grade_2", "grade_3", "ungraded")
    ),
)

# --------------------------------------------------------------------------
# SLA policies
# --------------------------------------------------------------------------

#: Seed 002 D1, hospital service-attitude complaints: reply opinion within
#: 2 working days (S002-R022); one extension with the leader in charge's
#: consent, not beyond 5 日 in all (S002-R023 reading A).
#:
#: Complaints transferred in writing to a department (S002-R015) are
#: dispatched and accepted the same day, "做到当日交办、当日受理" (S002-R016,
#: 第九条 L38): by the close of the working day the step started, or of the
#: next working day when it started after hours, when the duty officer rather
#: than the office takes complaints (S002-R009, 第五条 L26). A policy of its
#: own, so a hospital that settles most complaints on the spot can switch it
#: off; no extension of these limits.
SLA_POLICIES: tuple[Policy, ...] = (
    Policy(
        code="hospital_service_attitude",
        name="Hospital service-attitude complaints",
        scheme="hospital_service_attitude",
        kinds=frozenset({"complaint"}),
        sequence=100,
        rule_ids=("S002-R022", "S002-R023"),
        limits=(
            StepLimit(
                "received",
                2,
                "working_days",
                "replied",
                extension_cap=5,
                extension_unit="calendar_days",
                extension_cap_mode="total",
                rule_ids=("S002-R022", "S002-R023"),
            ),
        ),
    ),
    Policy(
        code="hospital_same_day",
        name="Hospital complaints: same-day dispatch and acceptance",
        scheme="hospital_service_attitude",
        kinds=frozenset({"complaint"}),
        sequence=100,
        rule_ids=("S002-R016",),
        limits=(
            # 当日交办: the office dispatches the same working day.
            StepLimit(
                "received",
                1,
                "same_working_day",
                max_extensions=0,
                rule_ids=("S002-R016",),
            ),
            # 当日受理: the department accepts (starts handling) the same day.
            StepLimit(
                "dispatched",
                1,
                "same_working_day",
                max_extensions=0,
                rule_ids=("S002-R016",),
            ),
        ),
    ),
)


#: What this rulebook provides, by kind and code (see complaint_rules.presets).
RULEBOOK = {
    "grading_scheme": {HOSPITAL_SERVICE_ATTITUDE.code: HOSPITAL_SERVICE_ATTITUDE},
    "sla_policies": {"hospital": SLA_POLICIES},
}
