"""Seed 002 第二十条, the hospital's staff consequences of confirmed
service-attitude complaints (digest ``shared/spec/seed-002.md``): the
``staff_accountability`` preset ``hospital``.

Data only, each entry citing its rule ID. Grades are the codes of the
grading scheme ``hospital_service_attitude``; only grades the management
group confirmed count (S002-R038). Readings of the open text (digest
§1.13): "一年内" is the calendar year (it feeds 年终考核; ``rolling`` is the
other setting), "当月" the month of confirmation, "以上" inclusive, and
S002-R046 supersedes S002-R047 when both apply.
"""

from decimal import Decimal

from ..kpi import GradeSanction, StaffRules, TitleRule

HOSPITAL = StaffRules(
    code="hospital",
    sanctions=(
        # S002-R040 "直接责任人待岗3个月,扣发所在科室负责人10%当月奖金".
        GradeSanction(
            "grade_1",
            ("S002-R040",),
            suspension_months=3,
            head_bonus_share=Decimal("0.10"),
        ),
        # S002-R041 "直接责任人待岗1个月、扣发所在科室负责人5%当月奖金".
        GradeSanction(
            "grade_2",
            ("S002-R041",),
            suspension_months=1,
            head_bonus_share=Decimal("0.05"),
        ),
        # S002-R042 "扣发直接责任人当月奖金,给予所在科室院内通报批评".
        GradeSanction(
            "grade_3",
            ("S002-R042",),
            staff_bonus_withheld=True,
            department_circular=True,
        ),
    ),
    titles=(
        # S002-R046 "一年内被确认一级、二级投诉1次以上或三级投诉2次以上,降聘或
        # 缓聘职称一年".
        TitleRule(frozenset({"grade_1", "grade_2"}), 1, 12, ("S002-R046",)),
        TitleRule(frozenset({"grade_3"}), 2, 12, ("S002-R046",)),
        # S002-R047 "被确认为三级投诉1次,缓聘职称半年".
        TitleRule(frozenset({"grade_3"}), 1, 6, ("S002-R047",)),
    ),
    # S002-R044 "一年内受到两次待岗处理,年终考核为不合格,视情况给予转岗".
    suspension_limit=2,
    suspension_limit_rule_ids=("S002-R044",),
    # S002-R043 "待岗期间取消所有奖金,年终考核不得评为优秀".
    suspension_effects_rule_ids=("S002-R043",),
    # S002-R045 "经考核合格方可重新上岗".
    return_rule_ids=("S002-R045",),
    # S002-R048 "所有被确认的投诉,均计入相关人员医德档案".
    ethics_rule_ids=("S002-R048",),
)

#: What this rulebook provides, by kind and code (see complaint_rules.presets).
RULEBOOK = {"staff_accountability": {"hospital": HOSPITAL}}
