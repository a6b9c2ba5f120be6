"""Matrix rows as plain values, and back (Odoo records, data files, JSON).

:func:`rule_to_dict` / :func:`rule_from_dict` convert one row,
:func:`matrix_to_dicts` / :func:`matrix_from_dicts` a whole matrix (rebuilt
and validated); :func:`role_rows` and :func:`item_rows` list the roles and a
rulebook's settlement items for the data XML (``scripts/gen_data.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from ..coerce import to_decimal
from ..errors import InvalidInputError
from .bands import Band, plain
from .matrix import ItemType, MatrixRule, Role, validate_matrix

__all__ = [
    "ROW_FIELDS",
    "item_rows",
    "matrix_from_dicts",
    "matrix_to_dicts",
    "role_rows",
    "rule_from_dict",
    "rule_to_dict",
]

#: Keys of a serialised matrix row, in order.
ROW_FIELDS: tuple[str, ...] = (
    "key",
    "rule_id",
    "sequence",
    "item_code",
    "role",
    "amount_measure",
    "amount_lower",
    "amount_lower_inclusive",
    "amount_upper",
    "amount_upper_inclusive",
    "pct_lower",
    "pct_lower_inclusive",
    "pct_upper",
    "pct_upper_inclusive",
    "valid_from",
    "valid_to",
    "company_scope",
    "source",
)
_REQUIRED_ROW_FIELDS = ("key", "rule_id", "item_code", "role")


def _band_fields(prefix: str, band: Band | None) -> dict[str, Any]:
    if band is None:
        return {
            f"{prefix}_lower": None,
            f"{prefix}_lower_inclusive": False,
            f"{prefix}_upper": None,
            f"{prefix}_upper_inclusive": False,
        }
    return {
        f"{prefix}_lower": None if band.lower is None else plain(band.lower),
        f"{prefix}_lower_inclusive": band.lower_inclusive,
        f"{prefix}_upper": None if band.upper is None else plain(band.upper),
        f"{prefix}_upper_inclusive": band.upper_inclusive,
    }


def rule_to_dict(rule: MatrixRule, *, sequence: int | None = None) -> dict[str, Any]:
    """Serialise a row to plain values (Decimals as str, dates as ISO str).

    Has every key of :data:`ROW_FIELDS`; ``sequence`` is the row's position
    (the tie-break order) and may be ``None``.
    """
    row: dict[str, Any] = {
        "key": rule.key,
        "rule_id": rule.rule_id,
        "sequence": sequence,
        "item_code": rule.item_code,
        "role": rule.role.value,
        "amount_measure": rule.amount_measure,
    }
    row.update(_band_fields("amount", rule.amount_band))
    row.update(_band_fields("pct", rule.pct_band))
    row.update(
        {
            "valid_from": None
            if rule.valid_from is None
            else rule.valid_from.isoformat(),
            "valid_to": None if rule.valid_to is None else rule.valid_to.isoformat(),
            "company_scope": rule.company_scope,
            "source": rule.source,
        }
    )
    return {k: row[k] for k in ROW_FIELDS}


def _parse_date(value: object, name: str) -> date | None:
    if value is None or value is False:
        return None
    if isinstance(value, datetime):
        raise InvalidInputError(f"{name} must be a date, got a datetime.", field=name)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInputError(f"{name}: {value!r} is not an ISO date.", field=name)


def _parse_band(row: Mapping[str, Any], prefix: str, allow_float: bool) -> Band | None:
    lower, upper = row.get(f"{prefix}_lower"), row.get(f"{prefix}_upper")
    flags = {}
    for flag in ("lower_inclusive", "upper_inclusive"):
        value = row.get(f"{prefix}_{flag}", False)
        if not isinstance(value, bool):
            raise InvalidInputError(
                f"{prefix}_{flag} must be a bool, got {value!r}.",
                field=f"{prefix}_{flag}",
            )
        flags[flag] = value
    if lower is None and upper is None:
        return None
    return Band(
        None
        if lower is None
        else to_decimal(lower, name=f"{prefix}_lower", allow_float=allow_float),
        None
        if upper is None
        else to_decimal(upper, name=f"{prefix}_upper", allow_float=allow_float),
        flags["lower_inclusive"],
        flags["upper_inclusive"],
    )


def rule_from_dict(row: Mapping[str, Any], *, allow_float: bool = False) -> MatrixRule:
    """Rebuild a row from :func:`rule_to_dict` output (or an Odoo record's values).

    Unknown keys raise (a typo must not silently drop a bound); missing
    optional keys default to ``None``/``False``/``""``. Bounds accept
    ``Decimal``/``int``/``str`` (``float`` only with ``allow_float``), dates
    accept ``date`` or ISO strings; ``False`` counts as empty for dates and
    ``company_scope`` (Odoo's empty value).
    """
    if not isinstance(row, Mapping):
        raise InvalidInputError(f"A matrix row must be a mapping, got {row!r}.")
    unknown = sorted(set(row) - set(ROW_FIELDS))
    if unknown:
        raise InvalidInputError(
            f"Unknown matrix row field(s): {', '.join(map(str, unknown))}.",
            field=unknown[0],
        )
    missing = [k for k in _REQUIRED_ROW_FIELDS if row.get(k) in (None, "", False)]
    if missing:
        raise InvalidInputError(
            f"Matrix row lacks {', '.join(missing)}.", field=missing[0]
        )
    amount_band = _parse_band(row, "amount", allow_float)
    measure = row.get("amount_measure") or None
    scope = row.get("company_scope")
    return MatrixRule(
        key=row["key"],
        rule_id=row["rule_id"],
        item_code=row["item_code"],
        role=Role.from_code(row["role"]),
        amount_measure=measure,
        amount_band=amount_band,
        pct_band=_parse_band(row, "pct", allow_float),
        valid_from=_parse_date(row.get("valid_from"), "valid_from"),
        valid_to=_parse_date(row.get("valid_to"), "valid_to"),
        company_scope=None if scope in (None, False) else scope,
        source=row.get("source") or "",
    )


def matrix_to_dicts(rules: Iterable[MatrixRule]) -> list[dict[str, Any]]:
    """Serialise a matrix; ``sequence`` is 10, 20, … in matrix order."""
    return [
        rule_to_dict(rule, sequence=10 * (i + 1))
        for i, rule in enumerate(validate_matrix(rules))
    ]


def matrix_from_dicts(
    rows: Iterable[Mapping[str, Any]], *, allow_float: bool = False
) -> tuple[MatrixRule, ...]:
    """Rebuild and validate a matrix; rows are ordered by ``sequence`` (stable,
    rows without a sequence keep their place after the numbered ones)."""
    indexed = list(enumerate(rows))
    for _, row in indexed:
        if not isinstance(row, Mapping):
            raise InvalidInputError(f"A matrix row must be a mapping, got {row!r}.")
        seq = row.get("sequence")
        if seq is not None and (isinstance(seq, bool) or not isinstance(seq, int)):
            raise InvalidInputError(f"sequence must be an int, got {seq!r}.")

    def order(pair: tuple[int, Mapping[str, Any]]) -> tuple[bool, int, int]:
        seq = pair[1].get("sequence")
        return (seq is None, seq or 0, pair[0])

    indexed.sort(key=order)
    return validate_matrix(
        rule_from_dict(row, allow_float=allow_float) for _, row in indexed
    )


def role_rows() -> Iterator[dict[str, Any]]:
    """Yield the roles as ``{"code", "rank", "label_zh", "label_en"}``."""
    for role in Role:
        yield {
            "code": role.value,
            "rank": role.rank,
            "label_zh": role.label_zh,
            "label_en": role.label_en,
        }


def item_rows(items: Iterable[ItemType]) -> Iterator[dict[str, Any]]:
    """Yield settlement items as ``{"code", "label_zh", "label_en", "source"}``."""
    for item in items:
        yield {
            "code": item.code,
            "label_zh": item.label_zh,
            "label_en": item.label_en,
            "source": item.source,
        }
