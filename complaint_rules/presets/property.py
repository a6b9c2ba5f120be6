"""Seed 003, property management company: the rulebook of its D2
(投诉处理内部工作程序), digest ``shared/spec/seed-003.md``.

Data only, each entry citing its rule IDs: the grades 重大 / 重要 / 轻微
(S003-R018 … S003-R020, S003-R034) and their time limits (S003-R031 …
S003-R033). 日 = calendar days (digest convention A2).
"""

from ..grading import Duration, Grade, GradeCriterion, GradeLimit, GradingScheme
from ..sla import Policy, StepLimit

# --------------------------------------------------------------------------
# Grading
# --------------------------------------------------------------------------

#: Property management company, seed 003 D2 (投诉处理内部工作程序).
#: Grades 重大 / 重要 / 轻微 (S003-R018..R020); the seed has no precedence
#: rule, so the most severe matching grade wins (the digest's suggestion).
PROPERTY_MANAGEMENT = GradingScheme(
    code="property_management",
    grades=(
        Grade("major", "重大投诉", "Major complaint", "S003-R018"),
        Grade("important", "重要投诉", "Important complaint", "S003-R019"),
        Grade("minor", "轻微投诉", "Minor complaint", "S003-R020"),
    ),
    criteria=(
        # S003-R018(1): promised/contracted service not delivered or clearly
        # short (flag commitment_breached) AND "经住户多次提出而得不到解决".
        # "多次" has no count in the seed; we read it as three times or more
        # (the usual Chinese legal reading of 多次), i.e. the current complaint
        # plus at least 2 earlier ones: min_repeat=2. Configurable.
        GradeCriterion(
            "major",
            "S003-R018",
            note="(1) commitment not delivered, raised 多次 (>= 3 times) unresolved",
            flags={"commitment_breached"},
            min_repeat=2,
        ),
        # S003-R018(2): "由于公司责任…重大经济损失或人身伤害". "重大" has no
        # amount: mapped to harm >= major_economic_loss (which also covers
        # personal injury) plus the company_fault flag. An amount threshold can
        # be added as an extra criterion (min_amount) by the customer.
        GradeCriterion(
            "major",
            "S003-R018",
            note="(2) company fault causing major economic loss or personal injury",
            flags={"company_fault"},
            min_harm="major_economic_loss",
        ),
        # S003-R018(3) / S003-R034: a valid complaint not resolved within one
        # month becomes major; the month is computed by the caller.
        GradeCriterion(
            "major",
            "S003-R034",
            note="(3) valid complaint unresolved after one month",
            flags={"unresolved_one_month"},
        ),
        # S003-R019: "因公司的管理服务工作不到位、有过失而引起的投诉".
        GradeCriterion(
            "important",
            "S003-R019",
            note="management or service not in place / company at fault",
            flags={"company_fault"},
        ),
        GradeCriterion(
            "important",
            "S003-R019",
            note="promised service not delivered (service not in place)",
            flags={"commitment_breached"},
        ),
        # S003-R020 轻微: facility limits, non-human, easily improved; it is
        # the default grade (no criterion needed).
    ),
    default_grade="minor",
    limits=(
        # S003-R033: clear reply within 2 日, resolution 不宜超过 10 日; no
        # overrun approver named (the GM and manager in charge handle it,
        # S003-R023). 日 = calendar days (digest convention A2).
        GradeLimit(
            "major",
            ("S003-R033", "S003-R023"),
            first_reply=Duration(2, "calendar_days"),
            resolution=Duration(10, "calendar_days"),
            note="应当在2日给投诉的住户明确答复; 解决事件不宜超过10日",
        ),
        # S003-R032: generally within 3 日; overrun needs the general manager.
        GradeLimit(
            "important",
            ("S003-R032",),
            resolution=Duration(3, "calendar_days"),
            overrun_approver="general_manager",
            note="一般在3日内处理完毕; 超时需经公司总经理批准",
        ),
        # S003-R031: within 2 日 or the resident's requested period; overrun
        # needs the manager in charge.
        GradeLimit(
            "minor",
            ("S003-R031",),
            resolution=Duration(2, "calendar_days"),
            overrun_approver="manager_in_charge",
            note="一般在2日内或按住户要求的期限内; 超时需经主管经理批准",
        ),
    ),
)


# --------------------------------------------------------------------------
# SLA policies
# --------------------------------------------------------------------------

#: Seed 003 D2, property management (S003-R031, S003-R032, S003-R033):
#: 日 = calendar days; an overrun is an extension approved by the manager in
#: charge (S003-R031 "超时需经主管经理批准") or the general manager (S003-R032
#: "超时需经公司总经理批准"), the grading limits' ``overrun_approver``; none is
#: named for major complaints (S003-R033). No warning in the seed: 90 %
#: default.
SLA_POLICIES: tuple[Policy, ...] = (
    Policy(
        code="property_major",
        name="Property: major complaints",
        scheme="property_management",
        kinds=frozenset({"complaint"}),
        grades=frozenset({"major"}),
        sequence=50,
        rule_ids=("S003-R033",),
        limits=(
            StepLimit(
                "received",
                2,
                "calendar_days",
                "replied",
                rule_ids=("S003-R033",),
            ),
            StepLimit(
                "received",
                10,
                "calendar_days",
                "closed",
                rule_ids=("S003-R033",),
            ),
        ),
    ),
    Policy(
        code="property_important",
        name="Property: important complaints",
        scheme="property_management",
        kinds=frozenset({"complaint"}),
        grades=frozenset({"important"}),
        sequence=50,
        rule_ids=("S003-R032",),
        limits=(
            StepLimit(
                "received",
                3,
                "calendar_days",
                "closed",
                extension_approver="general_manager",
                rule_ids=("S003-R032",),
            ),
        ),
    ),
    Policy(
        code="property_minor",
        name="Property: minor complaints",
        scheme="property_management",
        kinds=frozenset({"complaint"}),
        grades=frozenset({"minor"}),
        sequence=50,
        rule_ids=("S003-R031",),
        limits=(
            StepLimit(
                "received",
                2,
                "calendar_days",
                "closed",
                extension_approver="manager_in_charge",
                rule_ids=("S003-R031",),
            ),
        ),
    ),
)


#: What this rulebook provides, by kind and code (see complaint_rules.presets).
RULEBOOK = {
    "grading_scheme": {PROPERTY_MANAGEMENT.code: PROPERTY_MANAGEMENT},
    "sla_policies": {"property_management": SLA_POLICIES},
}
