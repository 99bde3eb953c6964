"""Which passwords an advisor may choose: trivial, common and personal ones are refused with
a Dutch reason; passphrases and the admins' one-time passwords are accepted."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vve.services import passwords
from vve.services.passwords import REASONS, TOO_LONG, TOO_SHORT, WEAK, password_problem

MESSAGES = {TOO_SHORT, TOO_LONG, WEAK, *(message for _key, message in REASONS)}
ANNA = passwords.context_words("anna.de.vries@adviesteam-drenthe.nl", "Anna de Vries", "Zuidbouw")
# Words with nothing to do with each other, the user or the app: a passphrase's material.
WORDS = [
    "kikker", "lantaarn", "potlood", "schaar", "paraplu", "vlinder", "zeepbel", "knikker",
    "walrus", "oester", "trompet", "kaneel", "gieter", "tandem", "mosterd", "pinguin",
    "rietje", "vuurtoren", "kompas", "eikel", "bezem", "wortel", "slinger", "zadel",
]  # fmt: skip


def _reason(password: str, context=ANNA) -> str | None:
    problem = password_problem(password, context)
    return problem[0] if problem else None


@pytest.mark.parametrize(
    "password",
    ["aaaaaaaaaaaa", "Welkom123456", "welkom2026!!", "Wachtwoord-1234", "123456789012"],
)
def test_the_passwords_of_the_report_are_refused(password):
    assert _reason(password) in MESSAGES


@settings(max_examples=60)
@given(st.characters(codec="utf-8"), st.integers(passwords.MIN_LENGTH, passwords.MAX_LENGTH))
def test_one_repeated_character_is_refused(char, length):
    assert _reason(char * length) is not None


@settings(max_examples=60)
@given(
    st.sampled_from([*passwords.CONTEXT_WORDS, "anna", "vries", "zuidbouw", "drenthe"]),
    st.sampled_from(["", "!", "-", "@", "#"]),
    st.integers(0, 999_999),
    st.sampled_from([str.lower, str.capitalize, str.upper]),
)
def test_a_context_word_with_digits_is_refused(word, separator, number, case):
    password = f"{case(word)}{separator}{number}".ljust(passwords.MIN_LENGTH, "1")
    assert _reason(password) is not None, password


@settings(max_examples=60)
@given(
    st.sampled_from([string.ascii_lowercase, string.ascii_uppercase, string.digits * 3]),
    st.integers(0, 9),
    st.integers(passwords.MIN_LENGTH, 20),
)
def test_a_run_of_the_alphabet_or_the_digits_is_refused(alphabet, start, length):
    password = (alphabet * 3)[start : start + length]
    assert len(password) == length and _reason(password) is not None, password


@settings(max_examples=60)
@given(
    st.lists(st.sampled_from(WORDS), min_size=4, max_size=5, unique=True),
    st.sampled_from([" ", "-", ".", ""]),
)
def test_four_unrelated_words_are_accepted(words, separator):
    assert _reason(separator.join(words)) is None


@settings(max_examples=100)
@given(st.text(max_size=300))
def test_any_text_gets_an_answer_and_never_an_error(text):
    assert password_problem(text, ANNA) is None or password_problem(text, ANNA)[0] in MESSAGES


def test_length_is_bounded_both_ways():
    assert password_problem("kikker-wolk", ANNA) == (TOO_SHORT, {"min": 12})
    assert password_problem(" ".join(WORDS) * 3, ANNA) == (TOO_LONG, {"max": 128})


def test_the_users_own_words_count_against_him():
    """The same password is fine for a stranger and refused for the one it names."""
    assert _reason("VriesZuidbouw1987", passwords.context_words("x@y.nl", "Bo", "Elders")) is None
    assert _reason("VriesZuidbouw1987") is not None


def test_one_time_passwords_pass_the_policy():
    made = {passwords.temporary_password() for _ in range(20)}
    assert len(made) == 20
    for temporary in made:
        assert len(temporary) == 24 and _reason(temporary) is None
