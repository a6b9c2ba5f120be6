"""Seed 000 §5.11-§5.12, the telecom complaint standard's indicators
(中国联通客户投诉处理规范, digest ``shared/spec/seed-000.md``): the
``kpi_indicators`` preset ``telecom``.

Data only, each indicator citing its rule ID:

* effect and process indicators of ordinary complaints (S000-R126..R132),
  without targets (the seed gives none); periods 日、周、月、季度、年
  (S000-R133);
* the escalated-complaint PIs a)-i) (S000-R142..R150) with their reference
  targets 95/95/99/99/95 %, 15S/80 %, 每月至多1次 and 全年少于4次; the seed
  calls them 参考标准 (S000-R150), so head office edits them in the addon.

The seed's open definitions are :class:`~complaint_rules.kpi.KpiSettings`
fields with defaults (satisfaction base S000-R129; pending deadlines,
unsampled tickets, the handling-time base S000-R147). 转相关部门办结率
(S000-R134) is named but not defined: it is not an indicator here.
"""

from decimal import Decimal

from ..kpi import Indicator, IndicatorSet, Target

_ORDINARY_DIMS = ("business_type", "grade", "channel", "customer_brand")
_ESCALATED_DIMS = (*_ORDINARY_DIMS, "symptom")
_FLOW_DIMS = ("channel", "step")
_MONTH_YEAR = ("month", "year")

INDICATORS: tuple[Indicator, ...] = (
    # S000-R126 客户投诉率: complaints about a business ÷ its customers.
    Indicator(
        code="complaint_rate",
        name_zh="客户投诉率",
        name_en="Complaint rate",
        rule_ids=("S000-R126",),
        method="external",
        numerator="in_scope",
        denominator="external",
        places=4,
        dimensions=("business_type", "grade", "channel", "customer_level"),
    ),
    # S000-R127 投诉按时办结率: 结办 within the limit ÷ complaint tickets.
    Indicator(
        code="on_time_closure",
        name_zh="投诉按时办结率",
        name_en="On-time closure rate",
        rule_ids=("S000-R127",),
        method="ratio",
        numerator="closed_on_time",
        denominator="decided",
        dimensions=_ORDINARY_DIMS,
        settings=("pending",),
    ),
    # S000-R128 投诉问题一次性办结率: closed within the limit without dispatch.
    Indicator(
        code="first_time_resolution",
        name_zh="投诉问题一次性办结率",
        name_en="First-time resolution rate",
        rule_ids=("S000-R128",),
        method="ratio",
        numerator="first_time",
        denominator="decided",
        dimensions=_ORDINARY_DIMS,
        settings=("pending",),
    ),
    # S000-R129 投诉客户满意度: satisfied ÷ surveyed OR all complainants.
    Indicator(
        code="satisfaction",
        name_zh="投诉客户满意度",
        name_en="Complainant satisfaction",
        rule_ids=("S000-R129",),
        method="ratio",
        numerator="satisfied",
        denominator="satisfaction_base",
        dimensions=("business_type", "grade", "channel", "customer_level"),
        settings=("satisfaction_base",),
    ),
    # S000-R130 工单流转及时率: tickets whose every step met its limit.
    Indicator(
        code="flow_timeliness",
        name_zh="工单流转及时率",
        name_en="Ticket-flow timeliness",
        rule_ids=("S000-R130",),
        method="ratio",
        numerator="flow_on_time",
        denominator="flow_decided",
        dimensions=_FLOW_DIMS,
        settings=("pending",),
    ),
    # S000-R131 工单流转有效率: accurate flow within the limits (sampling).
    Indicator(
        code="flow_validity",
        name_zh="工单流转有效率",
        name_en="Ticket-flow validity",
        rule_ids=("S000-R131",),
        method="ratio",
        numerator="flow_valid",
        denominator="validity_base",
        dimensions=_FLOW_DIMS,
        settings=("pending", "unsampled"),
    ),
    # S000-R132 工单平均延误周期: mean delay of the delayed tickets (hours).
    Indicator(
        code="average_delay",
        name_zh="工单平均延误周期",
        name_en="Average delay",
        rule_ids=("S000-R132",),
        method="mean",
        numerator="in_scope",
        denominator="delayed",
        quantity="delay_hours",
        unit="hours",
        scale=Decimal(1),
        dimensions=("channel", "step", "customer_brand"),
    ),
    # S000-R142 PI a) 客户升级投诉率: no target.
    Indicator(
        code="escalated_rate",
        name_zh="客户升级投诉率",
        name_en="Escalated-complaint rate",
        rule_ids=("S000-R142",),
        method="external",
        numerator="in_scope",
        denominator="external",
        scope="escalated",
        places=4,
        periods=_MONTH_YEAR,
        dimensions=_ESCALATED_DIMS,
    ),
    # S000-R143 PI b) 客户升级投诉问题解决率: reference 95 % (TC-32).
    Indicator(
        code="escalated_resolution",
        name_zh="客户升级投诉问题解决率",
        name_en="Escalated resolution rate",
        rule_ids=("S000-R143",),
        method="ratio",
        numerator="closed_on_time",
        denominator="decided",
        scope="escalated",
        targets=(Target(">=", Decimal(95)),),
        periods=_MONTH_YEAR,
        dimensions=_ESCALATED_DIMS,
        settings=("pending",),
    ),
    # S000-R144 PI c) 升级投诉处理结果客户满意率: satisfied ÷ all (投诉总量).
    Indicator(
        code="escalated_satisfaction",
        name_zh="升级投诉处理结果客户满意率",
        name_en="Escalated satisfaction with result",
        rule_ids=("S000-R144",),
        method="ratio",
        numerator="satisfied",
        denominator="in_scope",
        scope="escalated",
        targets=(Target(">=", Decimal(95)),),
        periods=_MONTH_YEAR,
        dimensions=_ESCALATED_DIMS,
    ),
    # S000-R145 PI d) 投诉工单处理及时率: reference 99 % (TC-33).
    Indicator(
        code="escalated_timeliness",
        name_zh="投诉工单处理及时率",
        name_en="Escalated ticket timeliness",
        rule_ids=("S000-R145",),
        method="ratio",
        numerator="flow_on_time",
        denominator="flow_decided",
        scope="escalated",
        targets=(Target(">=", Decimal(99)),),
        periods=("day", "month", "year"),
        dimensions=_FLOW_DIMS,
        settings=("pending",),
    ),
    # S000-R146 PI e) 工单处理合格率: qualified within the limits, 99 %.
    Indicator(
        code="escalated_quality",
        name_zh="工单处理合格率",
        name_en="Escalated ticket quality",
        rule_ids=("S000-R146",),
        method="ratio",
        numerator="quality_ok",
        denominator="quality_base",
        scope="escalated",
        targets=(Target(">=", Decimal(99)),),
        periods=("day", "month", "year"),
        dimensions=_FLOW_DIMS,
        settings=("pending", "unsampled"),
    ),
    # S000-R147 PI f) 平均投诉处理时长: Σ(结案 − 受理) ÷ complaints; no target.
    Indicator(
        code="escalated_handling_time",
        name_zh="平均投诉处理时长",
        name_en="Average handling time",
        rule_ids=("S000-R147",),
        method="mean",
        numerator="in_scope",
        denominator="handling_base",
        quantity="handling_hours",
        scope="escalated",
        unit="hours",
        scale=Decimal(1),
        periods=_MONTH_YEAR,
        dimensions=_ESCALATED_DIMS,
        settings=("handling_base",),
    ),
    # S000-R148 PI g) 投诉处理完成及时率: closed within the promised limit, 95 %.
    Indicator(
        code="escalated_on_time_completion",
        name_zh="投诉处理完成及时率",
        name_en="On-time completion",
        rule_ids=("S000-R148",),
        method="ratio",
        numerator="closed_on_time",
        denominator="decided",
        scope="escalated",
        targets=(Target(">=", Decimal(95)),),
        periods=_MONTH_YEAR,
        dimensions=_ESCALATED_DIMS,
        settings=("pending",),
    ),
    # S000-R149 PI h) 热线服务水平: answered within 15 s ÷ agent requests, 80 %.
    Indicator(
        code="hotline_service_level",
        name_zh="总部投诉处理中心热线服务水平",
        name_en="Hotline service level",
        rule_ids=("S000-R149",),
        method="external",
        numerator="external",
        denominator="external",
        targets=(Target(">=", Decimal(80)),),
        periods=("hour", "day", "month"),
        note="threshold 15 seconds (15S/80%); counts from the telephony system",
    ),
    # S000-R150 PI i) 服务性投诉: verified service-caused complaints,
    # 每月至多1次 and 全年少于4次 (TC-35).
    Indicator(
        code="service_complaints",
        name_zh="服务性投诉",
        name_en="Service-caused complaints",
        rule_ids=("S000-R150",),
        method="count",
        numerator="service_caused",
        unit="count",
        scale=Decimal(1),
        places=0,
        targets=(
            Target("<=", Decimal(1), "month"),
            Target("<", Decimal(4), "year"),
        ),
        periods=_MONTH_YEAR,
    ),
)

#: The telecom indicators (S000-R125: from the ticket system's reports).
TELECOM = IndicatorSet(
    code="telecom",
    name="中国联通客户投诉处理规范 KPI",
    indicators=INDICATORS,
    rule_ids=("S000-R125", "S000-R133", "S000-R141"),
)

#: What this rulebook provides, by kind and code (see complaint_rules.presets).
RULEBOOK = {"kpi_indicators": {"telecom": TELECOM}}
