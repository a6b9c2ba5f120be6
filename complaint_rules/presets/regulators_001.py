"""Seed 001 §10 电信用户申诉处理暂行办法 (信息产业部令第7号) and §4
保险消费投诉处理管理办法 (保监会令第8号): regulator bodies, digest
``shared/spec/seed-001.md``.

Data only, each entry citing its rule IDs:

* the telecom appeal-accepting bodies (申诉受理机构, S001-R136, S001-R137):
  the body of the respondent's province, else the national centre
  (S001-R141); the operator's reply within 15个工作日 of receiving the
  user's complaint, after which the user may appeal (S001-R140); the
  non-acceptance bars (S001-R142) are kept as a note, they are calendar
  months and years checked at intake;
* the insurance regulator (保险消费者权益保护局 and its 派出机构, S001-R090,
  S001-R092). The file stops before any of its time limits (S001-R093 ⚠):
  the body ships without clocks, an administrator adds them as data.
"""

from ..appeal import Clock, RegulatorBody

#: S001-R140 "接到用户投诉之日起15个工作日内答复用户"; no reply by then, or
#: a reply the user rejects, opens the appeal ("may_appeal").
OPERATOR_REPLY = Clock(
    code="operator_reply",
    label_zh="电信业务经营者答复用户",
    label_en="Operator's reply to the user",
    amount=15,
    unit="working_days",
    starts="complaint_received",
    party="operator",
    ends="may_appeal",
    rule_ids=("S001-R140",),
)

BODIES: tuple[RegulatorBody, ...] = (
    RegulatorBody(
        code="telecom_appeal_national",
        name_zh="全国电信用户申诉受理中心",
        name_en="National telecom user appeal centre",
        level="national",
        # S001-R141: where the respondent's province has no body.
        jurisdiction="appeals from provinces without their own appeal body",
        hotline="12300",
        reply_format="调解意见书 when mediated (S001-R138)",
        clocks=(OPERATOR_REPLY,),
        rule_ids=("S001-R136", "S001-R137", "S001-R138", "S001-R141"),
        note="Not accepted (S001-R142): fee disputes more than five months "
        "after the event, others more than two years; settled and executed; "
        "already mediated with a 调解意见书.",
    ),
    RegulatorBody(
        code="telecom_appeal_provincial",
        name_zh="省电信用户申诉受理机构",
        name_en="Provincial telecom user appeal body",
        level="provincial",
        # S001-R141: the province where the respondent is located.
        jurisdiction="the province where the respondent (operator) is located",
        hotline="12300",
        reply_format="调解意见书 when mediated (S001-R138)",
        clocks=(OPERATOR_REPLY,),
        rule_ids=("S001-R136", "S001-R137", "S001-R138", "S001-R141"),
        note="Same bars as the national centre (S001-R142).",
    ),
    RegulatorBody(
        code="insurance_regulator",
        name_zh="保险消费者权益保护局(派出机构)",
        name_en="Insurance consumer rights protection bureau",
        level="national",
        # S001-R092: the bureau nationwide, each local office in its area.
        jurisdiction="insurance complaints nationwide; local offices in "
        "their jurisdiction",
        clocks=(),
        rule_ids=("S001-R090", "S001-R092", "S001-R093"),
        note="The seed's text stops before the regulator's time limits "
        "(S001-R093): clocks are configuration.",
    ),
)

RULEBOOK = {"regulator_body": {body.code: body for body in BODIES}}
