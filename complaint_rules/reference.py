"""Reference lists (master data) shared by the lifecycle and grading rules.

Every entry carries a stable ``code`` (what the Odoo layer stores), a Chinese
and an English label, and the rule IDs of the digests in ``shared/spec`` it
comes from. Where an entry is an implementation choice rather than seed text,
its ``note`` says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from .errors import InvalidInputError

__all__ = [
    "CHANNELS",
    "CLOSING_CONCLUSIONS",
    "KINDS",
    "MAX_REEXAMINATIONS",
    "NON_ACCEPTANCE_REASONS",
    "ORG_LEVELS",
    "REVISIT_WINDOW_DAYS",
    "SATISFACTION_LEVELS",
    "SUBSTANTIATION_LEVELS",
    "Channel",
    "ClosingConclusion",
    "Kind",
    "NonAcceptanceReason",
    "SatisfactionLevel",
    "Substantiation",
    "codes",
    "lookup",
    "org_level_below",
]

#: Revisit within 7 calendar days after handling ends: "投诉处理结束7日内进行"
#: (S000-R105); "投诉处理结束一周内" (S000-R120) says the same.
REVISIT_WINDOW_DAYS = 7

#: Levels of the company hierarchy, top down: head office (总部), province
#: branch (省分公司), city branch (市分公司) and anything deeper (S000-R112/R113:
#: escalation city -> province -> head office).
ORG_LEVELS: tuple[str, ...] = ("head_office", "province", "city")


def org_level_below(parent_level: str | None) -> str:
    """The level of a company whose parent has ``parent_level`` (``None``:
    no parent, so head office); below a city branch is still a city branch.
    The one definition the Odoo company field and its install SQL share."""
    if parent_level is None:
        return ORG_LEVELS[0]
    if parent_level not in ORG_LEVELS:
        raise InvalidInputError(
            f"unknown org level {parent_level!r}", field="parent_level"
        )
    return ORG_LEVELS[min(ORG_LEVELS.index(parent_level) + 1, len(ORG_LEVELS) - 1)]


#: Re-examination (复查) of a closed case is possible once, on new evidence;
#: after it, a repeat on the same facts and grounds is not accepted (S000-R175).
MAX_REEXAMINATIONS = 1


@dataclass(frozen=True)
class Kind:
    """Kind of ticket."""

    code: str
    label_zh: str
    label_en: str
    rule_ids: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Channel:
    """Intake channel."""

    code: str
    label_zh: str
    label_en: str
    rule_ids: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class NonAcceptanceReason:
    """A reason for not accepting (不予受理) a complaint or report.

    ``one_time_notice`` marks the reasons after which the complainant must be
    told, promptly and in a single notice (一次性告知), which authority is
    competent and how to reach it (S000-R170).
    """

    code: str
    label_zh: str
    label_en: str
    rule_id: str
    one_time_notice: bool = False
    note: str = ""


@dataclass(frozen=True)
class ClosingConclusion:
    """Closing conclusion of a regulator appeal (申诉处理结论, S000-R159)."""

    code: str
    label_zh: str
    label_en: str
    definition_en: str
    rule_id: str
    enterprise_responsibility: bool


@dataclass(frozen=True)
class Substantiation:
    """Verification outcome: is the complaint or report true (S000-R173)?"""

    code: str
    label_zh: str
    label_en: str
    rule_id: str
    #: True when the facts are (partly) established, so the case goes on to
    #: a penalty or remedy; False means archive and close (存档结项).
    actionable: bool


@dataclass(frozen=True)
class SatisfactionLevel:
    """Complainant's satisfaction recorded at the revisit (回访)."""

    code: str
    label_zh: str
    label_en: str
    rule_ids: tuple[str, ...]
    #: Counted as "satisfied" for closing and for the satisfaction KPI.
    counts_as_satisfied: bool
    note: str = ""


KINDS: tuple[Kind, ...] = (
    # 投诉: rights infringed, dissatisfaction (S001-R124, S000-R097).
    Kind("complaint", "投诉", "Complaint", ("S001-R124", "S000-R097")),
    # 举报: disclosure of violations (S001-R125, S000-R160).
    Kind("report", "举报", "Report (whistleblowing)", ("S001-R125", "S000-R160")),
    # 咨询: item type 咨询建议 / 咨询类 (S001-R147, S001-R151).
    Kind("consultation", "咨询", "Consultation", ("S001-R147", "S001-R151")),
    # 建议: opinions and suggestions fall under intake (S003-R038, S001-R147).
    Kind("suggestion", "建议", "Suggestion", ("S003-R038", "S001-R147")),
    # 表扬: no seed defines praise tickets; the nearest is the commendation of
    # complaint-free staff (S002-R039). Implementation choice.
    Kind(
        "praise",
        "表扬",
        "Praise",
        ("S002-R039",),
        note="not a seed ticket type; kept so praise is logged like other input",
    ),
)

CHANNELS: tuple[Channel, ...] = (
    # 客服热线, 总经理热线, 电话 (S000-R107, S002-R005, S000-R011).
    Channel("hotline", "热线电话", "Hotline / telephone", ("S000-R107", "S002-R005")),
    # 公司网站, 网站 (S000-R107, S002-R005).
    Channel("web", "网站", "Website", ("S000-R107", "S002-R005")),
    # 信函, 书信, 信箱 (S000-R107, S002-R005, S000-R011).
    Channel("letter", "信函", "Letter", ("S000-R107", "S002-R005", "S000-R011")),
    # 面访 / 直访 / 营业厅 (S000-R107, S002-R005).
    Channel("visit", "来访", "In-person visit", ("S000-R107", "S002-R005")),
    # 短信 (S000-R107).
    Channel("sms", "短信", "SMS", ("S000-R107",)),
    # 电子邮件 (S002-R005, S000-R011).
    Channel("email", "电子邮件", "E-mail", ("S002-R005", "S000-R011")),
    # 传真 (S000-R107).
    Channel("fax", "传真", "Fax", ("S000-R107",)),
    # Forwarded by a regulator: 12300 / MIIT / 通信管理局 / 消协 (S000-R151,
    # S001-R117); 工商部门转交 (S003-R068(7)).
    Channel(
        "regulator",
        "监管部门转办",
        "Forwarded by a regulator",
        ("S000-R151", "S001-R117", "S003-R068"),
    ),
    # Dispatched or referred by a superior body: HQ dispatch of escalated
    # complaints (S000-R139), superior supervision/referral (S000-R171).
    Channel(
        "superior",
        "上级交办",
        "Referred by a superior body",
        ("S000-R139", "S000-R171"),
    ),
    # Any other intake (helpdesk_mgmt's own "Other" channel and every new
    # channel until it is typed): accepted, graded by the other facts.
    Channel("other", "其他", "Other", ("S000-R107",)),
)

NON_ACCEPTANCE_REASONS: tuple[NonAcceptanceReason, ...] = (
    # S000-R170 (一): the only reason that needs the one-time referral notice,
    # "不属于受理范围的举报事项,应及时一次性告知举报人有权处理机关及相应举报途径".
    NonAcceptanceReason(
        "outside_remit",
        "不属于行政执法职责范围",
        "Outside the authority's remit",
        "S000-R170",
        one_time_notice=True,
    ),
    # S000-R170 (二)
    NonAcceptanceReason(
        "no_specific_facts",
        "未提供违法行为信息或者无具体违法事实",
        "No violation information or no specific facts",
        "S000-R170",
    ),
    # S000-R170 (三); also the repeat after a re-examination (S000-R175).
    NonAcceptanceReason(
        "repeat_without_new_facts",
        "同一举报已受理且未提供新的事实",
        "Same matter already accepted, no new facts",
        "S000-R170",
        note="also used for a repeat on the same facts after 复查 (S000-R175)",
    ),
    # S000-R170 (四)
    NonAcceptanceReason(
        "other_proceedings",
        "已通过诉讼、仲裁或行政复议解决或依法应当通过其解决",
        "Litigation, arbitration or administrative reconsideration",
        "S000-R170",
    ),
    # S000-R170 (五)
    NonAcceptanceReason(
        "petition_concluded",
        "已经信访终结",
        "Petition (信访) already concluded",
        "S000-R170",
    ),
    # S000-R170 (六); the limitation period itself is not in the seed.
    NonAcceptanceReason(
        "time_barred",
        "超出行政处罚时效",
        "Outside the limitation period",
        "S000-R170",
    ),
    # S000-R050: complaint judged not valid; reply tactfully, no dispatch.
    NonAcceptanceReason(
        "not_valid",
        "投诉不能成立",
        "Complaint not valid",
        "S000-R050",
    ),
)

CLOSING_CONCLUSIONS: tuple[ClosingConclusion, ...] = (
    ClosingConclusion(
        "enterprise_fault",
        "企业责任",
        "Enterprise responsibility",
        "Rule-breaking marketing, substandard service, management lapses or "
        "work errors infringed the user's rights; also stalling, shifting "
        "blame, inadequate handling, or no truthful and complete materials by "
        "the investigation-reply deadline.",
        "S000-R159",
        enterprise_responsibility=True,
    ),
    ClosingConclusion(
        "handled_properly_early",
        "先期处理得当",
        "Properly handled earlier",
        "The company bears some responsibility but had handled the complaint "
        "properly, within the limit and lawfully, before the appeal; the user "
        "appealed over excessive demands without policy or legal basis. Not "
        "counted as enterprise responsibility.",
        "S000-R159",
        enterprise_responsibility=False,
    ),
    ClosingConclusion(
        "withdrawn",
        "立案撤消",
        "Case withdrawn",
        "A court, the local telecom appeal body or a consumer organisation has "
        "already dealt with the matter, or the appellant is not a directly "
        "interested party, or someone impersonated the user.",
        "S000-R159",
        enterprise_responsibility=False,
    ),
    ClosingConclusion(
        "customer_cause",
        "用户原因",
        "User cause",
        "The user operated incorrectly or did not report the facts truthfully, "
        "and the company did not infringe the user's rights.",
        "S000-R159",
        enterprise_responsibility=False,
    ),
)

SUBSTANTIATION_LEVELS: tuple[Substantiation, ...] = (
    # S000-R173: true or partly true -> administrative penalty by law.
    Substantiation("substantiated", "属实", "Substantiated", "S000-R173", True),
    Substantiation(
        "partly_substantiated", "部分属实", "Partly substantiated", "S000-R173", True
    ),
    # S000-R173: not true -> 存档结项 (archive and close).
    Substantiation("unsubstantiated", "不属实", "Unsubstantiated", "S000-R173", False),
)

SATISFACTION_LEVELS: tuple[SatisfactionLevel, ...] = (
    # S000-R120: satisfaction survey during the revisit; S004-R126: close if
    # satisfied.
    SatisfactionLevel(
        "satisfied", "满意", "Satisfied", ("S000-R120", "S004-R126"), True
    ),
    # 基本满意 appears in no seed; implementation choice: treated as satisfied
    # (the ticket closes; it counts as satisfied in the S000-R129 KPI).
    SatisfactionLevel(
        "basically_satisfied",
        "基本满意",
        "Basically satisfied",
        ("S000-R120",),
        True,
        note="not in the seeds; treated like satisfied",
    ),
    # S000-R121: reason recorded, back-office screening (甄别); if caused by
    # improper handling, a 投诉回访再处理工单 re-opens handling. S004-R127: may
    # go to the superior for supervision (督办).
    SatisfactionLevel(
        "dissatisfied",
        "不满意",
        "Dissatisfied",
        ("S000-R121", "S004-R127"),
        False,
    ),
)

_T = TypeVar("_T")


def codes(items: Iterable[_T]) -> tuple[str, ...]:
    """Codes of a reference list, in list order."""
    return tuple(item.code for item in items)  # type: ignore[attr-defined]


def lookup(items: Iterable[_T], code: str) -> _T:
    """Entry of a reference list by code; ``InvalidInputError`` if unknown."""
    items = tuple(items)
    for item in items:
        if item.code == code:  # type: ignore[attr-defined]
            return item
    raise InvalidInputError(
        f"unknown code {code!r}; expected one of {', '.join(codes(items))}",
        value=code,
        allowed=codes(items),
    )
