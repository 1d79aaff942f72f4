"""Workshop PINs: the rule a PIN must follow, and how it is kept (a salted scrypt hash only).

A stored hash reads `scrypt$n$r$p$salt$hash` (salt and hash in URL-safe base64), so the cost
can be raised later while older hashes still verify with the parameters they name.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

PIN_MIN = 4
PIN_MAX = 8

# 16 MiB and about 50 ms per hash: cheap for one join, costly for guessing offline.
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
_SCHEME = "scrypt"
_MAX_COST = 2**20
"""The largest n a stored hash may ask for: a damaged or hostile row must not make one
verification take minutes or gigabytes."""


def valid_pin(pin: str) -> bool:
    """4 to 8 digits (ASCII only: a keypad's digits, the same on every keyboard layout)."""
    return PIN_MIN <= len(pin) <= PIN_MAX and pin.isascii() and pin.isdigit()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r, dklen=HASH_BYTES
    )


def hash_pin(pin: str, *, n: int = N, r: int = R, p: int = P) -> str:
    """The text to store for `pin`; a new random salt every time."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, n, r, p)
    return f"{_SCHEME}${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` is the one `stored` was made from. An unreadable `stored` is False."""
    try:
        scheme, n_text, r_text, p_text, salt_text, digest_text = stored.split("$")
        n, r, p = int(n_text), int(r_text), int(p_text)
        salt, digest = _unb64(salt_text), _unb64(digest_text)
    except ValueError:  # also binascii.Error, a subclass
        return False
    if scheme != _SCHEME or not (2 <= n <= _MAX_COST and 1 <= r <= 32 and 1 <= p <= 16):
        return False
    if len(digest) != HASH_BYTES:
        return False
    try:
        given = _scrypt(pin, salt, n, r, p)
    except (ValueError, MemoryError):  # n not a power of two, or too costly here
        return False
    # Constant time: how long the comparison takes says nothing about how much matched.
    return hmac.compare_digest(given, digest)
