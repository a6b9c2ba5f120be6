"""Seed 000 §6, reports of cultural-relics violations (篇六 文物违法行为举报
管理): the rulebook of the authority receiving them, digest
``shared/spec/seed-000.md``.

Data only, each entry citing its rule IDs: on-site verification within 15
working days (S000-R172), feedback to a real-name reporter within 60 working
days of acceptance (S000-R174).
"""

from ..sla import Policy, StepLimit

# --------------------------------------------------------------------------
# SLA policies
# --------------------------------------------------------------------------

#: Seed 000 §6, cultural-relics violation reports: on-site verification
#: within 15 working days (S000-R172), for every report; feedback within 60
#: working days of acceptance (S000-R174) for real-name reports only:
#: "对于实名举报,应自受理之日起60个工作日内,将办理情况反馈举报人" (L649; no
#: feedback duty is stated for anonymous reports).
SLA_POLICIES: tuple[Policy, ...] = (
    Policy(
        code="cultural_relics_reports",
        name="Cultural relics reports",
        kinds=frozenset({"report"}),
        sequence=100,
        rule_ids=("S000-R172",),
        note="Verification done = result recorded (replied). Warnings at "
        "90 % are the suite's default.",
        limits=(
            StepLimit(
                "received",
                15,
                "working_days",
                "replied",
                rule_ids=("S000-R172",),
            ),
        ),
    ),
    Policy(
        code="cultural_relics_feedback",
        name="Cultural relics reports: feedback to real-name reporters",
        kinds=frozenset({"report"}),
        anonymity="real_name",
        sequence=100,
        rule_ids=("S000-R174",),
        note="Feedback given = case closed. Owed to real-name reporters only.",
        limits=(
            StepLimit(
                "received",
                60,
                "working_days",
                "closed",
                rule_ids=("S000-R174",),
            ),
        ),
    ),
)


#: What this rulebook provides, by kind and code (see complaint_rules.presets).
RULEBOOK = {"sla_policies": {"cultural_relics": SLA_POLICIES}}
