"""Appeal sources, filed vs non-filed appeals, and re-appeal counting.

S000-R155 grades an appeal by its source:

* forwarded by the industry ministry (信息产业部) — **立案申诉** (``filed``):
  the company is suspected of breaking 《电信条例》, 《电信服务规范》 or similar
  rules in a way that harms the customer; **非立案申诉** (``non_filed``): the
  suspected breach is minor and the ministry's appeal centre could not
  explain it to the customer itself;
* forwarded by another authority (``other_authority``): 中国消费者协会,
  省消费者协会, 省电信管理局, 省通信管理局 …;
* a **direct appeal** (``direct``): the customer, dissatisfied with the result
  of the first complaint, appeals to head office or the provincial branch.

Only the ministry's forwards are filed or non-filed; the text does not grade
the other two, so they carry ``filed=None``.

Re-appeals (a re-appeal is linked to the original and counted for grading):
:func:`appeal_count` counts the **customer's own** appeals on one matter —
the rows the customer raised (``origin="customer"``) with the same customer
and matter keys; internal escalations (升级, 督办, a branch sending the case
up) are not appeals of the customer and are not counted. The first appeal
is appeal 1; :func:`reappeal_count` is the number after it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime

from ..coerce import check_member
from ..errors import InvalidInputError

__all__ = [
    "ORIGINS",
    "SOURCES",
    "AppealClass",
    "AppealRecord",
    "appeal_count",
    "classify_appeal",
    "is_filed",
    "reappeal_count",
]

#: Sources of an appeal (S000-R155).
SOURCES: tuple[str, ...] = ("ministry", "other_authority", "direct")
#: Who raised a row in an appeal's history.
ORIGINS: tuple[str, ...] = ("customer", "internal_escalation")

_LABELS = {
    ("ministry", True): ("filed", "立案申诉", "Filed appeal"),
    ("ministry", False): ("non_filed", "非立案申诉", "Non-filed appeal"),
    ("other_authority", None): (
        "other_authority",
        "其他部门转办申诉",
        "Forwarded by another authority",
    ),
    ("direct", None): ("direct", "直接申诉", "Direct appeal"),
}


@dataclass(frozen=True)
class AppealClass:
    """The class of an appeal: its code, labels, filed flag and rule."""

    code: str
    label_zh: str
    label_en: str
    source: str
    filed: bool | None
    rule_ids: tuple[str, ...] = ("S000-R155",)


def classify_appeal(source: str, filed: bool | None = None) -> AppealClass:
    """The S000-R155 class of an appeal from ``source``.

    A ministry forward must say whether it is filed (立案) or not; the other
    sources must not (the text grades only the ministry's forwards).
    """
    check_member(source, SOURCES, "source")
    if source == "ministry":
        if not isinstance(filed, bool):
            raise InvalidInputError(
                "a ministry forward is filed or non-filed (filed=True/False)",
                field="filed",
            )
    elif filed is not None:
        raise InvalidInputError(
            f"a {source} appeal is neither filed nor non-filed", field="filed"
        )
    code, label_zh, label_en = _LABELS[(source, filed)]
    return AppealClass(code, label_zh, label_en, source, filed)


def is_filed(source: str, filed: bool | None = None) -> bool:
    """Whether the appeal is a 立案申诉 (S000-R155)."""
    return classify_appeal(source, filed).filed is True


@dataclass(frozen=True)
class AppealRecord:
    """One row of a customer's appeal history, as the Odoo layer reads it."""

    customer: Hashable
    matter: Hashable
    origin: str = "customer"
    received_at: datetime | None = None

    def __post_init__(self) -> None:
        check_member(self.origin, ORIGINS, "origin")


def appeal_count(
    records: Iterable[AppealRecord],
    customer: Hashable,
    matter: Hashable,
    *,
    until: datetime | None = None,
) -> int:
    """How many appeals ``customer`` raised on ``matter`` (S000-R155): rows of
    origin ``customer`` only, up to and including ``until`` when given."""
    count = 0
    for record in records:
        if not isinstance(record, AppealRecord):
            raise InvalidInputError("records must be AppealRecord values")
        if record.origin != "customer":
            continue
        if record.customer != customer or record.matter != matter:
            continue
        if until is not None:
            if record.received_at is None:
                raise InvalidInputError(
                    "a record without received_at cannot be cut at a date",
                    field="received_at",
                )
            if record.received_at > until:
                continue
        count += 1
    return count


def reappeal_count(
    records: Iterable[AppealRecord],
    customer: Hashable,
    matter: Hashable,
    *,
    until: datetime | None = None,
) -> int:
    """How many re-appeals: the customer's appeals on the matter after the
    first (0 for a single appeal or none)."""
    return max(0, appeal_count(records, customer, matter, until=until) - 1)
