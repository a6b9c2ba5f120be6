"""Seed 004 A 12313举报投诉电话 and B 投诉举报管理制度 (food & drug):
regulator bodies, digest ``shared/spec/seed-004.md``.

Data only, each entry citing its rule IDs:

* the 12313 tobacco hotline (S004-R001, S004-R002): its handling limits are
  "规定时限" without numbers (S004-R004, S004-R005, S004-R009); the county
  bureau's answer to the city bureau's dispatch, 一个工作日 for
  consultations and 二个工作日 for production/operation complaints
  (S004-R075, S004-R076);
* the food & drug authority: the acceptance decision within 5日 of receipt
  (S004-R020), the notice within 15日 of acceptance (S004-R021) or of the
  non-acceptance decision, with reasons (S004-R022). "日" is read as
  calendar days (digest seed-004 §"Day units", TC01/TC02), without the
  holiday roll-forward, which the text does not state.
"""

from ..appeal import Clock, RegulatorBody

BODIES: tuple[RegulatorBody, ...] = (
    RegulatorBody(
        code="tobacco_12313",
        name_zh="12313烟草专卖举报投诉电话",
        name_en="12313 tobacco monopoly hotline",
        level="municipal",
        # S004-R005: routed to the county brigade by territory (属地原则).
        jurisdiction="tobacco monopoly matters; county cases by territory",
        hotline="12313",
        reply_format="result fed back to the city bureau and the complainant "
        "(S004-R010)",
        clocks=(
            # S004-R075 "在一个工作日内进行解答".
            Clock(
                code="county_consultation_answer",
                label_zh="咨询类、求助类、告知类解答",
                label_en="County answer: consultation, help, notice",
                amount=1,
                unit="working_days",
                starts="dispatched",
                party="operator",
                rule_ids=("S004-R075",),
            ),
            # S004-R076 "在二个工作日内反馈处理结果".
            Clock(
                code="county_complaint_feedback",
                label_zh="生产经营投诉反馈处理结果",
                label_en="County feedback: production/operation complaint",
                amount=2,
                unit="working_days",
                starts="dispatched",
                party="operator",
                rule_ids=("S004-R076",),
            ),
        ),
        rule_ids=("S004-R001", "S004-R002", "S004-R005", "S004-R010"),
    ),
    RegulatorBody(
        code="food_drug",
        name_zh="食品药品监督管理部门投诉举报",
        name_en="Food and drug authority complaints",
        level="county",
        # S004-R017: the target or act within the staff's administrative region.
        jurisdiction="food and drug matters in the authority's region",
        reply_format="written or other appropriate notice (S004-R021)",
        clocks=(
            # S004-R020 "于收到之日起5日内作出是否受理的决定".
            Clock(
                code="acceptance_decision",
                label_zh="作出是否受理的决定",
                label_en="Acceptance decision",
                amount=5,
                unit="calendar_days",
                starts="received",
                party="regulator",
                ends="accepted",
                rule_ids=("S004-R020",),
            ),
            # S004-R021 "自受理之日起15日内…告知".
            Clock(
                code="acceptance_notice",
                label_zh="受理告知",
                label_en="Notice of acceptance",
                amount=15,
                unit="calendar_days",
                starts="accepted",
                party="regulator",
                rule_ids=("S004-R021",),
            ),
            # S004-R022 "自作出不予受理决定之日起15日内…并说明理由".
            Clock(
                code="non_acceptance_notice",
                label_zh="不予受理告知(说明理由)",
                label_en="Notice of non-acceptance with reasons",
                amount=15,
                unit="calendar_days",
                starts="rejected",
                party="regulator",
                rule_ids=("S004-R022",),
            ),
        ),
        rule_ids=("S004-R017", "S004-R018", "S004-R019", "S004-R020"),
    ),
)

RULEBOOK = {"regulator_body": {body.code: body for body in BODIES}}
