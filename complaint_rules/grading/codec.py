"""Grading schemes as plain data, and back (Odoo records, data files, JSON).

:func:`scheme_to_dict` / :func:`scheme_from_dict` and :func:`scheme_from_dicts`
let the Odoo layer keep grades and criteria in records and rebuild the scheme;
every loader validates its input and raises
:class:`~complaint_rules.errors.InvalidInputError` on bad data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields
from typing import Any

from ..coerce import to_count
from ..errors import InvalidInputError
from .scheme import (
    LEVEL_FIELDS,
    THRESHOLD_FIELDS,
    Duration,
    Grade,
    GradeCriterion,
    GradeLimit,
    GradingScheme,
)

__all__ = [
    "criterion_from_dict",
    "criterion_to_dict",
    "scheme_from_dict",
    "scheme_from_dicts",
    "scheme_to_dict",
]

_CRITERION_FIELDS = tuple(f.name for f in fields(GradeCriterion))
_SET_FIELDS = ("kinds", "channels", "flags")


def _unset(value: Any) -> bool:
    # Odoo hands over False for an empty Char/Selection/Many2many value.
    return value is None or value is False or value == ""


def _check_keys(data: Mapping[str, Any], allowed: Iterable[str], what: str) -> None:
    if not isinstance(data, Mapping):
        raise InvalidInputError(f"{what} must be a mapping")
    unknown = sorted(set(data) - set(allowed), key=str)
    if unknown:
        raise InvalidInputError(
            f"unknown {what} field(s): {', '.join(map(str, unknown))}",
            fields=tuple(unknown),
        )


def criterion_to_dict(criterion: GradeCriterion) -> dict[str, Any]:
    """Plain-dict form of a criterion: only set conditions, JSON-friendly."""
    data: dict[str, Any] = {"grade": criterion.grade, "rule_id": criterion.rule_id}
    for name in _SET_FIELDS:
        values = getattr(criterion, name)
        if values:
            data[name] = sorted(values)
    for name in (*THRESHOLD_FIELDS, *LEVEL_FIELDS):
        value = getattr(criterion, name)
        if value is not None:
            data[name] = value
    if criterion.min_amount is not None:
        data["min_amount"] = str(criterion.min_amount)
    if criterion.note:
        data["note"] = criterion.note
    return data


def criterion_from_dict(data: Mapping[str, Any]) -> GradeCriterion:
    """Build a criterion from a plain dict; ``InvalidInputError`` on bad data.

    Missing keys, ``None``, ``False`` and ``""`` mean "not set".
    """
    _check_keys(data, _CRITERION_FIELDS, "criterion")
    kwargs = {name: value for name, value in data.items() if not _unset(value)}
    for name in ("grade", "rule_id"):
        if name not in kwargs:
            raise InvalidInputError(f"criterion {name} is required", field=name)
    return GradeCriterion(**kwargs)


def _grade_from_dict(data: Mapping[str, Any]) -> Grade:
    _check_keys(data, ("code", "label_zh", "label_en", "rule_id", "sequence"), "grade")
    missing = [n for n in ("code", "label_zh", "label_en", "rule_id") if n not in data]
    if missing:
        raise InvalidInputError(
            f"grade field(s) required: {', '.join(missing)}", fields=missing
        )
    return Grade(data["code"], data["label_zh"], data["label_en"], data["rule_id"])


def _duration_to_dict(value: Duration | None) -> dict[str, Any] | None:
    return None if value is None else {"amount": value.amount, "unit": value.unit}


def _duration_from_dict(value: Any) -> Duration | None:
    if _unset(value):
        return None
    _check_keys(value, ("amount", "unit"), "duration")
    return Duration(value.get("amount"), value.get("unit"))


def _limit_to_dict(limit: GradeLimit) -> dict[str, Any]:
    data: dict[str, Any] = {"grade": limit.grade, "rule_ids": list(limit.rule_ids)}
    for name in ("first_reply", "resolution"):
        value = _duration_to_dict(getattr(limit, name))
        if value is not None:
            data[name] = value
    for name in ("applies_to", "overrun_approver", "note"):
        if getattr(limit, name):
            data[name] = getattr(limit, name)
    return data


def _limit_from_dict(data: Mapping[str, Any]) -> GradeLimit:
    _check_keys(data, tuple(f.name for f in fields(GradeLimit)), "limit")
    rule_ids = data.get("rule_ids") or ()
    if isinstance(rule_ids, str) or not all(isinstance(r, str) for r in rule_ids):
        raise InvalidInputError(
            "limit rule_ids must be a list of strings", field="rule_ids"
        )
    texts = {}
    for name in ("applies_to", "overrun_approver", "note"):
        value = data.get(name) or ""
        if not isinstance(value, str):
            raise InvalidInputError(f"limit {name} must be a string", field=name)
        texts[name] = value
    return GradeLimit(
        grade=data.get("grade"),
        rule_ids=tuple(rule_ids),
        first_reply=_duration_from_dict(data.get("first_reply")),
        resolution=_duration_from_dict(data.get("resolution")),
        **texts,
    )


def scheme_to_dict(scheme: GradingScheme) -> dict[str, Any]:
    """Whole scheme as plain data; :func:`scheme_from_dict` reverses it."""
    return {
        "code": scheme.code,
        "default_grade": scheme.default_grade,
        "grades": [
            {
                "code": grade.code,
                "label_zh": grade.label_zh,
                "label_en": grade.label_en,
                "rule_id": grade.rule_id,
                "sequence": index,
            }
            for index, grade in enumerate(scheme.grades)
        ],
        "criteria": [criterion_to_dict(c) for c in scheme.criteria],
        "limits": [_limit_to_dict(limit) for limit in scheme.limits],
    }


def scheme_from_dicts(
    grades: Iterable[Mapping[str, Any]],
    criteria: Iterable[Mapping[str, Any]],
    *,
    default_grade: str,
    code: str = "custom",
    limits: Iterable[Mapping[str, Any]] = (),
) -> GradingScheme:
    """Rebuild a scheme from grade and criterion records.

    Grades are ordered most severe first: by their ``sequence`` key when every
    grade has one (lower = more severe, as Odoo sorts), else in the given
    order. Criteria keep their order within a grade.
    """
    grade_rows = list(grades)
    for row in grade_rows:
        _check_keys(
            row, ("code", "label_zh", "label_en", "rule_id", "sequence"), "grade"
        )
    if grade_rows and all("sequence" in row for row in grade_rows):
        for row in grade_rows:
            to_count(row["sequence"], "sequence")
        grade_rows.sort(key=lambda row: row["sequence"])
    return GradingScheme(
        code=code,
        grades=tuple(_grade_from_dict(row) for row in grade_rows),
        criteria=tuple(criterion_from_dict(row) for row in criteria),
        default_grade=default_grade,
        limits=tuple(_limit_from_dict(row) for row in limits),
    )


def scheme_from_dict(data: Mapping[str, Any]) -> GradingScheme:
    """Inverse of :func:`scheme_to_dict`."""
    _check_keys(
        data, ("code", "default_grade", "grades", "criteria", "limits"), "scheme"
    )
    for name in ("code", "default_grade", "grades"):
        if name not in data:
            raise InvalidInputError(f"scheme {name} is required", field=name)
    return scheme_from_dicts(
        data["grades"],
        data.get("criteria") or (),
        default_grade=data["default_grade"],
        code=data["code"],
        limits=data.get("limits") or (),
    )
