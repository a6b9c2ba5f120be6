"""Receipt codes: a reporter's way back to an anonymous report.

On submission the reporter gets a **code** (which report) and a **secret**
(the proof), shown once. Only the code and a salted hash of the secret are
stored, so a copy of the database does not let anyone follow a report.

* **Alphabet** (:data:`ALPHABET`): 31 characters, the digits 2-9 and the
  capital letters without ``I``, ``L``, ``O`` (no 0/O, 1/I/L confusion when
  read aloud or copied from paper). Input is normalised (:func:`normalize`):
  case-folded, blanks and hyphens dropped.
* **Lengths and entropy**: a code has :data:`CODE_LENGTH` = 12 characters,
  12·log2(31) ≈ 59.4 bits, so a million reports collide with a chance below
  1e-6 (the caller still retries on a unique-index clash); a secret has
  :data:`SECRET_LENGTH` = 16 characters ≈ 79.3 bits, out of reach of online
  guessing under :mod:`.throttle`. Both come from :mod:`secrets`. Shown
  grouped by four (``ABCD-EFGH-JKMN``).
* **Hash** (:func:`hash_secret`): ``hashlib.scrypt`` (n=2**14, r=8, p=1,
  32 bytes; about 16 MiB and some tens of milliseconds) with a random 16-byte
  salt per code, stored as ``scrypt$n$r$p$salt$hash`` (base64), so the cost
  can be raised later and old hashes still verify.
* **Verify** (:func:`verify`): compares with :func:`hmac.compare_digest`. An
  unknown code (``stored=None``) or a malformed input runs the same scrypt
  over a dummy hash and returns ``False``: the answer and the work are the
  same as for a wrong secret, so verify() is no oracle of which codes exist.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import secrets
from functools import cache

from ..errors import InvalidInputError

__all__ = [
    "ALPHABET",
    "CODE_LENGTH",
    "SCRYPT_PARAMS",
    "SECRET_LENGTH",
    "entropy_bits",
    "format_code",
    "hash_secret",
    "is_well_formed",
    "new_code",
    "new_secret",
    "normalize",
    "verify",
]

#: Digits 2-9 and A-Z without I, L, O: 31 unambiguous characters.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12
SECRET_LENGTH = 16
#: scrypt cost: n (CPU/memory), r (block size), p (parallelism).
SCRYPT_PARAMS: tuple[int, int, int] = (2**14, 8, 1)
_SALT_BYTES = 16
_KEY_BYTES = 32
_SCHEME = "scrypt"
_ALLOWED = frozenset(ALPHABET)


def entropy_bits(length: int) -> float:
    """Entropy of a random string of ``length`` characters of the alphabet."""
    return length * math.log2(len(ALPHABET))


def _random(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_code() -> str:
    """A new random receipt code (:data:`CODE_LENGTH` characters)."""
    return _random(CODE_LENGTH)


def new_secret() -> str:
    """A new random secret (:data:`SECRET_LENGTH` characters)."""
    return _random(SECRET_LENGTH)


def format_code(value: str, group: int = 4) -> str:
    """``value`` in groups of ``group`` characters for display."""
    text = normalize(value)
    return "-".join(text[i : i + group] for i in range(0, len(text), group))


def normalize(value: object) -> str:
    """What the reporter typed, as stored: upper case, without blanks or
    hyphens. Does not check the alphabet (see :func:`is_well_formed`)."""
    if not isinstance(value, str):
        return ""
    return "".join(value.split()).replace("-", "").upper()


def is_well_formed(value: str, length: int) -> bool:
    """Whether a normalised ``value`` has ``length`` alphabet characters."""
    return len(value) == length and set(value) <= _ALLOWED


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _derive(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        secret.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=128 * r * (n + p + 2) * 2,
        dklen=_KEY_BYTES,
    )


def hash_secret(secret: str, *, salt: bytes | None = None) -> str:
    """The storable hash of a secret, with a fresh random salt (or ``salt``)."""
    value = normalize(secret)
    if not is_well_formed(value, SECRET_LENGTH):
        raise InvalidInputError("not a receipt secret", field="secret")
    if salt is None:
        salt = secrets.token_bytes(_SALT_BYTES)
    n, r, p = SCRYPT_PARAMS
    key = _derive(value, salt, n, r, p)
    return f"{_SCHEME}${n}${r}${p}${_b64(salt)}${_b64(key)}"


@cache
def _dummy_hash() -> str:
    # A real hash of a random secret: verifying against it costs what a
    # real verification costs, and nothing can match it.
    return hash_secret(new_secret())


def _parse(stored: str) -> tuple[bytes, int, int, int, bytes] | None:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != _SCHEME:
            return None
        return (
            base64.b64decode(salt, validate=True),
            int(n),
            int(r),
            int(p),
            base64.b64decode(key, validate=True),
        )
    except (AttributeError, ValueError):
        return None


def verify(secret: object, stored: str | None) -> bool:
    """Whether ``secret`` matches the ``stored`` hash.

    Pass ``stored=None`` when the code is unknown: the dummy hash is checked
    instead, with the same work, and the answer is ``False``. A malformed
    secret is checked the same way. Never raises on the reporter's input.
    """
    value = normalize(secret)
    real = stored is not None and is_well_formed(value, SECRET_LENGTH)
    parsed = _parse(stored) if real and stored is not None else None
    if parsed is None:
        real = False
        parsed = _parse(_dummy_hash())
        assert parsed is not None
    salt, n, r, p, expected = parsed
    candidate = _derive(value or "-", salt, n, r, p)
    return hmac.compare_digest(candidate, expected) and real
