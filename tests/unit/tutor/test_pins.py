"""Workshop PINs: the rule, the salted scrypt hash, and verification that refuses bad rows."""

from __future__ import annotations

import pytest

from twitter_tutor.tutor.pins import HASH_BYTES, hash_pin, valid_pin, verify_pin

# A cheap cost for the tests that hash many times; the format and checks are the same.
FAST = {"n": 2**4, "r": 1, "p": 1}


@pytest.mark.parametrize("pin", ["1234", "00000000", "987654"])
def test_four_to_eight_ascii_digits_are_a_pin(pin: str) -> None:
    assert valid_pin(pin)


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", "12 34", "١٢٣٤", "１２３４"])
def test_anything_else_is_not(pin: str) -> None:
    assert not valid_pin(pin)


def test_a_hash_verifies_its_pin_and_no_other() -> None:
    stored = hash_pin("2468")
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("24680", stored)
    assert "2468" not in stored


def test_the_hash_names_its_scheme_and_cost_and_is_salted() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second  # a new salt each time: equal PINs do not show as equal hashes
    scheme, n, r, p, salt, digest = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(salt) >= 20 and len(digest) >= 40


def test_a_hash_made_at_another_cost_still_verifies() -> None:
    stored = hash_pin("1357", **FAST)
    assert stored.split("$")[1:4] == ["16", "1", "1"]
    assert verify_pin("1357", stored)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain-1357",
        "bcrypt$16$1$1$c2FsdA$" + "A" * 43,
        "scrypt$16$1$1$c2FsdA",  # a part missing
        "scrypt$x$1$1$c2FsdA$" + "A" * 43,
        "scrypt$15$1$1$c2FsdA$" + "A" * 43,  # n not a power of two
        f"scrypt${2**30}$8$1$c2FsdA$" + "A" * 43,  # would take gigabytes: refused, not run
        "scrypt$16$1$1$c2FsdA$" + "A" * 10,  # a hash of the wrong length
        "scrypt$16$1$1$!!$" + "A" * 43,  # not base64
    ],
)
def test_an_unreadable_or_hostile_stored_hash_verifies_nothing(stored: str) -> None:
    assert not verify_pin("1357", stored)


def test_the_digest_has_the_documented_length() -> None:
    import base64

    digest = hash_pin("1357", **FAST).split("$")[5]
    assert len(base64.urlsafe_b64decode(digest + "=" * (-len(digest) % 4))) == HASH_BYTES
