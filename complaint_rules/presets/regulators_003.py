"""Seed 003 D1 12312商务举报投诉服务中心工作程序 and D13 消协投诉处理工作流程:
regulator bodies, digest ``shared/spec/seed-003.md``.

Data only, each entry citing its rule IDs:

* the 12312 commerce centre: round-the-clock acceptance (S003-R002), the
  commerce-field jurisdiction (S003-R007, S003-R008); the text sets no
  other time limit ("及时", S003-R011, S003-R016);
* the consumers' association: the three-way acceptance decision with no
  limit in the text (S003-R098), the respondent's reply within 十个工作日
  of receiving the investigation (mediation) notice (S003-R102), then an
  urging letter 催办函 (S003-R104), mediation (S003-R105..R111).
"""

from ..appeal import Clock, RegulatorBody

BODIES: tuple[RegulatorBody, ...] = (
    RegulatorBody(
        code="commerce_12312",
        name_zh="12312商务举报投诉服务中心",
        name_en="12312 commerce report and complaint centre",
        level="municipal",
        # S003-R007 / R008: only matters of the commerce field.
        jurisdiction="reports and complaints in the commerce field",
        hotline="12312",
        reply_format="result told to the complainant after mediation (S003-R014)",
        clocks=(),
        rule_ids=("S003-R001", "S003-R002", "S003-R007", "S003-R008", "S003-R014"),
        note="24-hour acceptance (S003-R002) is availability, not a deadline.",
    ),
    RegulatorBody(
        code="consumers_association",
        name_zh="消费者协会",
        name_en="Consumers' association",
        level="any",
        jurisdiction="consumer disputes; others forwarded to the competent "
        "association or department (S003-R098)",
        reply_format="投诉调解协议书 or 投诉终止调解通知书 (S003-R109)",
        clocks=(
            # S003-R102 "自接到通知之日起十个工作日内…做出答复"; no reply ->
            # 催办函 (S003-R104).
            Clock(
                code="respondent_reply",
                label_zh="被投诉方答复",
                label_en="Respondent's reply",
                amount=10,
                unit="working_days",
                starts="notice_received",
                party="respondent",
                ends="respondent_replied",
                rule_ids=("S003-R102", "S003-R104"),
            ),
        ),
        rule_ids=("S003-R098", "S003-R099", "S003-R102", "S003-R104", "S003-R109"),
        note="No limit for the acceptance decision in the text (S003-R098).",
    ),
)

RULEBOOK = {"regulator_body": {body.code: body for body in BODIES}}
