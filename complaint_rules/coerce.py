"""Input coercion shared by the rules modules: exact numbers, counts, codes.

Amounts, percentages, ratios and durations reach the rules as ``Decimal``,
``int``, numeric ``str`` or, from Odoo ``Float``/``Monetary`` fields, as
``float``. Boundaries such as "含 2000 元" or "≤ 70 %" must hold at the exact
value, so a float goes through ``repr()``, its shortest round-tripping form
(``2000.01`` stays ``2000.01``, not its binary expansion).
"""

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import InvalidInputError

__all__ = ["check_member", "code_set", "to_amount", "to_count", "to_decimal"]


def to_decimal(
    value: object,
    *,
    name: str = "value",
    allow_float: bool = False,
    allow_str: bool = True,
    negative: bool = True,
) -> Decimal:
    """Convert ``value`` to a finite :class:`Decimal`.

    Accepts ``Decimal`` and ``int``; numeric ``str`` (blanks stripped) unless
    ``allow_str`` is false; ``float`` only with ``allow_float`` (through
    ``repr()``). ``bool``, ``None``, NaN and infinities always raise
    :class:`InvalidInputError`, and so does a value below zero when
    ``negative`` is false. The error names the input (``field=name``).
    """
    if isinstance(value, bool) or value is None:
        raise InvalidInputError(
            f"{name}: expected a number, got {value!r}.", field=name, value=value
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        if not allow_float:
            raise InvalidInputError(
                f"{name}: float {value!r} is not accepted; pass a Decimal, int or "
                "str (or convert explicitly with allow_float=True).",
                field=name,
                value=value,
            )
        result = Decimal(repr(value))
    elif isinstance(value, str) and allow_str:
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise InvalidInputError(
                f"{name}: {value!r} is not a number.", field=name, value=value
            ) from None
    else:
        kinds = "a Decimal, int, float or str"
        if not allow_float:
            kinds = "a Decimal, int or str"
        elif not allow_str:
            kinds = "a Decimal, int or float"
        raise InvalidInputError(
            f"{name}: expected {kinds}, got {type(value).__name__}.",
            field=name,
            value=value,
        )
    if not result.is_finite():
        raise InvalidInputError(
            f"{name}: {value!r} is not a finite number.", field=name, value=value
        )
    if not negative and result < 0:
        raise InvalidInputError(
            f"{name}: must not be negative, got {value!r}.",
            field=name,
            value=str(result),
        )
    return result


def to_amount(value: object, name: str = "value", *, allow_str: bool = True) -> Decimal:
    """A quantity that cannot be below zero (money, duration, ratio), as the
    Odoo layer hands it over: ``Decimal``, ``int``, numeric ``str`` (unless
    ``allow_str`` is false) or a ``float`` field value."""
    return to_decimal(
        value, name=name, allow_float=True, allow_str=allow_str, negative=False
    )


def to_count(value: Any, name: str) -> int:
    """A whole number of things (complainants, repeats): an ``int`` >= 0."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(f"{name} must be an integer", field=name)
    if value < 0:
        raise InvalidInputError(f"{name} must not be negative", field=name, value=value)
    return value


def check_member(value: Any, allowed: Iterable[str], name: str) -> Any:
    """``value`` if it is one of the ``allowed`` codes, else an error that
    lists them."""
    allowed = tuple(allowed)
    if value not in allowed:
        raise InvalidInputError(
            f"unknown {name} {value!r}; expected one of {', '.join(allowed)}",
            field=name,
            value=value,
            allowed=allowed,
        )
    return value


def code_set(value: Any, name: str, allowed: Iterable[str] | None = None) -> frozenset:
    """A set of codes from any collection (``None``/``False``: empty); a bare
    string is refused rather than split into letters. With ``allowed``, each
    code must be one of them."""
    if value is None or value is False:
        return frozenset()
    if isinstance(value, str):
        raise InvalidInputError(
            f"{name} must be a collection of codes, not a string", field=name
        )
    try:
        items = frozenset(value)
    except TypeError:
        raise InvalidInputError(
            f"{name} must be a collection of codes", field=name
        ) from None
    if allowed is not None:
        allowed = tuple(allowed)
        for item in sorted(items, key=str):
            check_member(item, allowed, name)
    return items
