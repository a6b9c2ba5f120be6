"""Intervals of a measure with explicit inclusivity (the matrix's bands).

The boundary words of the seed-001 matrix ("以内(含)", "不超过", "超过 a—b(含
b)", "以上") are all written as :class:`Band` data; see
:mod:`complaint_rules.presets.insurer`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..coerce import to_decimal
from ..errors import InvalidInputError

__all__ = ["Band", "plain"]


def plain(value: Decimal) -> str:
    """Fixed-point text of a Decimal, without exponent (``2E+3`` -> ``2000``)."""
    return format(value, "f")


@dataclass(frozen=True)
class Band:
    """An interval of a measure with explicit inclusivity; ``None`` = unbounded.

    At least one bound is required. A missing bound's inclusivity flag is
    normalised to ``False``. Inverted (lower > upper) and empty
    (``(a, a)`` not closed) bands raise :class:`InvalidInputError`.
    """

    lower: Decimal | None = None
    upper: Decimal | None = None
    #: Defaults read like the source's "超过 a—b(含 b)": ``a < value <= b``.
    lower_inclusive: bool = False
    upper_inclusive: bool = True

    def __post_init__(self) -> None:
        lower = None if self.lower is None else to_decimal(self.lower, name="lower")
        upper = None if self.upper is None else to_decimal(self.upper, name="upper")
        for flag in ("lower_inclusive", "upper_inclusive"):
            if not isinstance(getattr(self, flag), bool):
                raise InvalidInputError(f"Band.{flag} must be a bool.", field=flag)
        if lower is None and upper is None:
            raise InvalidInputError(
                "A band needs at least one bound; omit the band instead.",
                field="band",
            )
        if lower is not None and upper is not None:
            if lower > upper:
                raise InvalidInputError(
                    f"Inverted band: lower {plain(lower)} > upper {plain(upper)}.",
                    field="band",
                    lower=lower,
                    upper=upper,
                )
            if lower == upper and not (self.lower_inclusive and self.upper_inclusive):
                raise InvalidInputError(
                    f"Empty band: ({plain(lower)}, {plain(upper)}) contains no value.",
                    field="band",
                    lower=lower,
                    upper=upper,
                )
        object.__setattr__(self, "lower", lower)
        object.__setattr__(self, "upper", upper)
        if lower is None:
            object.__setattr__(self, "lower_inclusive", False)
        if upper is None:
            object.__setattr__(self, "upper_inclusive", False)

    # Readable constructors -------------------------------------------------
    @classmethod
    def at_most(cls, upper: Decimal | int | str) -> Band:
        """``value <= upper`` (以内(含) / 不超过)."""
        return cls(None, to_decimal(upper, name="upper"), False, True)

    @classmethod
    def above(cls, lower: Decimal | int | str) -> Band:
        """``value > lower`` (超过 / 以上 as used in 第四条(一)3)."""
        return cls(to_decimal(lower, name="lower"), None, False, False)

    @classmethod
    def left_open(cls, lower: Decimal | int | str, upper: Decimal | int | str) -> Band:
        """``lower < value <= upper``."""
        return cls(
            to_decimal(lower, name="lower"),
            to_decimal(upper, name="upper"),
            False,
            True,
        )

    # Queries ---------------------------------------------------------------
    def contains(self, value: Decimal) -> bool:
        lo, hi = self.lower, self.upper
        if lo is not None and (
            value < lo or (value == lo and not self.lower_inclusive)
        ):
            return False
        return not (
            hi is not None
            and (value > hi or (value == hi and not self.upper_inclusive))
        )

    def intersects(self, other: Band) -> bool:
        """True when some value lies in both bands."""
        lo, lo_inc = _tighter_lower(self, other)
        hi, hi_inc = _tighter_upper(self, other)
        if lo is None or hi is None:
            return True
        return lo < hi or (lo == hi and lo_inc and hi_inc)

    def describe(self, measure: str) -> str:
        lo_op = "<=" if self.lower_inclusive else "<"
        hi_op = "<=" if self.upper_inclusive else "<"
        if self.lower is not None and self.upper is not None:
            return f"{plain(self.lower)} {lo_op} {measure} {hi_op} {plain(self.upper)}"
        if self.lower is not None:
            return (
                f"{measure} {'>=' if self.lower_inclusive else '>'} {plain(self.lower)}"
            )
        assert self.upper is not None
        return f"{measure} {hi_op} {plain(self.upper)}"


def _tighter_lower(a: Band, b: Band) -> tuple[Decimal | None, bool]:
    if a.lower is None:
        return b.lower, b.lower_inclusive
    if b.lower is None or a.lower > b.lower:
        return a.lower, a.lower_inclusive
    if b.lower > a.lower:
        return b.lower, b.lower_inclusive
    return a.lower, a.lower_inclusive and b.lower_inclusive


def _tighter_upper(a: Band, b: Band) -> tuple[Decimal | None, bool]:
    if a.upper is None:
        return b.upper, b.upper_inclusive
    if b.upper is None or a.upper < b.upper:
        return a.upper, a.upper_inclusive
    if b.upper < a.upper:
        return b.upper, b.upper_inclusive
    return a.upper, a.upper_inclusive and b.upper_inclusive
