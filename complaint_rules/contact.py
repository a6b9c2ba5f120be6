"""Chinese telephone numbers: validation, canonical form and duplicate key.

Complaint history is looked up by phone number (S000-R037, S000-R038) and
repeat complaints are merged into one register entry (多口归一, S002-R008;
S001-R115). Both need one spelling per number, which :func:`normalize_phone`
gives and :func:`phone_key` reduces to a matching key.

Accepted forms (spaces, dashes, dots and brackets tolerated; full-width
characters are folded first):

* mobile: 11 digits ``1[3-9]xxxxxxxxx``, canonical ``13812345678``;
* landline with area code: ``010``/``02x`` + 8-digit local number, or a
  4-digit code ``0[3-9]xx`` + 7- or 8-digit local number; local numbers start
  with 1-9 (real numbering plans avoid 1, but placeholders such as
  ``010-12345678`` are common in the seeds and demo data). Canonical
  ``010-12345678`` or ``0755-1234567``; an extension
  (``转``, ``分机``, ``ext``, ``x``, ``#`` or a third dash group) gives
  ``010-12345678-123``;
* a bare 7- or 8-digit local number only with ``default_area_code``;
* service numbers, domestic only: ``1[0-2]xxx`` (12315, 12313, 12345, 10086,
  ...), ``95xxx``/``95xxxx``, ``96xxx``/``96xxxx``, ``400``/``800`` +
  7 digits; canonical form is the digits;
* a ``+86`` / ``0086`` prefix (or ``86`` directly before a mobile number),
  with an optional ``(0)`` trunk digit after it.

Three-digit emergency numbers (110, 120, ...) are refused: they are never a
complainant's number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import InvalidInputError

__all__ = [
    "InvalidPhoneError",
    "PhoneNumber",
    "is_valid_phone",
    "normalize_phone",
    "parse_phone",
    "phone_key",
]


class InvalidPhoneError(InvalidInputError):
    """The text is not a usable Chinese telephone number.

    ``params["reason"]`` is one of ``empty``, ``masked``, ``characters``,
    ``country_code``, ``area_code``, ``area_code_required``, ``extension``,
    ``format``.
    """

    code = "invalid_phone"


@dataclass(frozen=True)
class PhoneNumber:
    """A parsed number. ``kind`` is ``mobile``, ``landline`` or ``service``."""

    kind: str
    number: str
    area_code: str = ""
    extension: str = ""

    @property
    def canonical(self) -> str:
        """Display and storage form (see the module docstring)."""
        if self.kind != "landline":
            return self.number
        text = f"{self.area_code}-{self.number}"
        return f"{text}-{self.extension}" if self.extension else text

    @property
    def key(self) -> str:
        """Digits of the line without the extension, for duplicate matching."""
        return f"{self.area_code}{self.number}"


_EXTENSION = re.compile(r"^(?P<main>.*?)\s*(?:转|分机|ext\.?|x|#)\s*(?P<ext>\d+)\s*$")
_ALLOWED = re.compile(r"^\(?\+?[\d\s\-.()/]+$")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_SERVICE = re.compile(r"1[0-2]\d{3}|9[56]\d{3,4}|[48]00\d{7}")
_AREA_3 = re.compile(r"0(?:10|2\d)")
_AREA_4 = re.compile(r"0[3-9]\d\d")
_LOCAL_8 = re.compile(r"[1-9]\d{7}")
_LOCAL_7_8 = re.compile(r"[1-9]\d{6,7}")
_TRUNK = re.compile(r"^\s*[\-.]?\s*\(0\)")
_PLUS_86 = re.compile(r"^\(?\s*\+\s*\(?\s*86\s*\)?")
_ZERO_086 = re.compile(r"^\(?\s*0086\s*\)?")
_BARE_86 = re.compile(r"^\(?\s*86\s*\)?")


def _error(raw: object, reason: str, message: str) -> InvalidPhoneError:
    return InvalidPhoneError(message, reason=reason, value=raw)


def _valid_local(area: str, local: str) -> bool:
    if _AREA_3.fullmatch(area):
        return bool(_LOCAL_8.fullmatch(local))
    if _AREA_4.fullmatch(area):
        return bool(_LOCAL_7_8.fullmatch(local))
    return False


def _split_landline(digits: str) -> tuple[str, str] | None:
    size = 3 if digits[1:2] in ("1", "2") else 4
    area, local = digits[:size], digits[size:]
    return (area, local) if _valid_local(area, local) else None


def parse_phone(raw: str, *, default_area_code: str | None = None) -> PhoneNumber:
    """Parse ``raw``; raise :class:`InvalidPhoneError` if it is malformed."""
    if not isinstance(raw, str):
        raise _error(raw, "format", "a phone number must be a string")
    text = unicodedata.normalize("NFKC", raw).strip().lower()
    if not text:
        raise _error(raw, "empty", "the phone number is empty")
    if "*" in text or "xx" in text:
        raise _error(raw, "masked", "the phone number is masked")

    extension = ""
    match = _EXTENSION.match(text)
    if match:
        text, extension = match["main"], match["ext"]
    if not _ALLOWED.match(text):
        raise _error(raw, "characters", "the phone number has invalid characters")

    international = False
    if re.match(r"^\(?\s*\+", text):
        rest = _PLUS_86.sub("", text, count=1)
        if rest == text:
            raise _error(raw, "country_code", "only Chinese (+86) numbers are accepted")
        text, international = rest, True
    elif _ZERO_086.match(text):
        text, international = _ZERO_086.sub("", text, count=1), True
    elif _BARE_86.match(text):
        rest = _BARE_86.sub("", text, count=1)
        if _MOBILE.fullmatch(re.sub(r"\D", "", rest)):
            text, international = rest, True
    if international:
        text = _TRUNK.sub("", text, count=1)

    groups = re.findall(r"\d+", text)
    digits = "".join(groups)
    if international and not digits.startswith("0") and not _MOBILE.fullmatch(digits):
        # +86 drops the trunk 0 of landline area codes: +86 755 ... = 0755 ...
        digits = "0" + digits
        groups[0] = "0" + groups[0]

    if _MOBILE.fullmatch(digits):
        if extension:
            raise _error(raw, "extension", "a mobile number has no extension")
        return PhoneNumber("mobile", digits)
    if not international and _SERVICE.fullmatch(digits):
        if extension:
            raise _error(raw, "extension", "a service number has no extension")
        return PhoneNumber("service", digits)
    if digits.startswith("0"):
        # "0755-1234567-8": a third dash group is the extension when the first
        # two groups already form a valid number.
        if (
            not extension
            and len(groups) == 3
            and 1 <= len(groups[2]) <= 6
            and _valid_local(groups[0], groups[1])
        ):
            digits, extension = groups[0] + groups[1], groups[2]
        parts = _split_landline(digits)
        if parts is None:
            area = digits[: 3 if digits[1:2] in ("1", "2") else 4]
            if not (_AREA_3.fullmatch(area) or _AREA_4.fullmatch(area)):
                raise _error(raw, "area_code", f"{area} is not a Chinese area code")
            raise _error(raw, "format", "the local number has the wrong length")
        if len(extension) > 6:
            raise _error(raw, "extension", "an extension has at most 6 digits")
        return PhoneNumber("landline", parts[1], parts[0], extension)
    if not international and _LOCAL_7_8.fullmatch(digits):
        if default_area_code is None:
            raise _error(
                raw, "area_code_required", "a local number needs its area code"
            )
        area = re.sub(r"\D", "", str(default_area_code))
        if not _valid_local(area, digits):
            raise _error(
                raw, "area_code", f"{default_area_code!r} does not fit this number"
            )
        if len(extension) > 6:
            raise _error(raw, "extension", "an extension has at most 6 digits")
        return PhoneNumber("landline", digits, area, extension)
    raise _error(raw, "format", "not a Chinese mobile, landline or service number")


def normalize_phone(raw: str, *, default_area_code: str | None = None) -> str:
    """Canonical form of ``raw`` (see the module docstring)."""
    return parse_phone(raw, default_area_code=default_area_code).canonical


def phone_key(
    raw: str | None,
    *,
    default_area_code: str | None = None,
    strict: bool = True,
) -> str | None:
    """Key for duplicate matching: the line's digits, without the extension.

    Extensions are left out because intake staff often omit or mistype them
    for the same caller. With ``strict=False`` a missing or malformed number
    gives ``None`` (never equal to another key) instead of an error.
    """
    if raw is None or raw is False:
        if strict:
            raise _error(raw, "empty", "the phone number is empty")
        return None
    try:
        return parse_phone(raw, default_area_code=default_area_code).key
    except InvalidPhoneError:
        if strict:
            raise
        return None


def is_valid_phone(raw: str, *, default_area_code: str | None = None) -> bool:
    """True when :func:`parse_phone` accepts ``raw``."""
    try:
        parse_phone(raw, default_area_code=default_area_code)
    except InvalidPhoneError:
        return False
    return True
