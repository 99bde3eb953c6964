"""Which passwords an advisor may choose, and the one-time passwords an admin hands over.

The judgement is zxcvbn's (Dropbox's estimator, maintained Python port): it knows the
30,000 most used leaked passwords, English words and names, keyboard walks, repeats,
sequences and dates, and it weighs the words we give it as the user's own (name,
e-mail address, organisation) and as the app's (``vve``, ``warmte``, ``welkom`` …).
A password must need at least 10^8 guesses (its score 3), also with separators such as
spaces and dashes taken out: zxcvbn treats a dash as an unknown character, so
``vve-warmte-2026`` would otherwise pass. The message says why a password is refused,
in Dutch, next to the field.
"""

from __future__ import annotations

import re
import secrets
import string
from collections.abc import Iterable

from vve.vocabulary.base import N_

MIN_LENGTH = 12
MAX_LENGTH = 128  # a bound on the hashing work a login can ask for
MIN_SCORE = 3  # zxcvbn: at least 10^8 guesses
ZXCVBN_MAX = 72  # zxcvbn's own bound: longer passwords are judged on their first 72 characters
MIN_SURPRISES = 6  # characters that are neither a repeat nor the next or previous one
MIN_OWN_LETTERS = 4  # letters beside the user's and the app's own words

# Words a Dutch user reaches for, and this app's own words: zxcvbn's lists are English.
CONTEXT_WORDS = (
    "vve",
    "warmte",
    "warmteplan",
    "aardgas",
    "aardgasvrij",
    "welkom",
    "wachtwoord",
    "geheim",
    "adviseur",
    "advies",
    "adviesteam",
    "beheer",
    "beheerder",
    "gemeente",
    "drenthe",
    "nederland",
    "holland",
    "amsterdam",
    "rotterdam",
    "zomer",
    "winter",
    "lente",
    "herfst",
    "hallo",
    "liefde",
    "voetbal",
    "ajax",
    "feyenoord",
)

# What zxcvbn found, in the order in which a reason explains a refusal best; each message
# is whole (no pieces glued together), so that it translates as a sentence.
REASONS = (
    (
        "user_inputs",
        N_(
            "Dit wachtwoord is te makkelijk te raden: het bevat uw naam, e-mailadres of "
            "organisatie, of een voor de hand liggend woord zoals 'welkom', 'wachtwoord' of "
            "'vve'. Kies bijvoorbeeld vier of vijf losse woorden die niet bij elkaar horen."
        ),
    ),
    (
        "passwords",
        N_(
            "Dit wachtwoord is te makkelijk te raden: het staat in lijsten van veelgebruikte "
            "wachtwoorden. Kies bijvoorbeeld vier of vijf losse woorden die niet bij elkaar horen."
        ),
    ),
    (
        "repeat",
        N_(
            "Dit wachtwoord is te makkelijk te raden: het herhaalt een teken of een stukje "
            "tekst, zoals 'aaaa' of 'abcabc'. Kies bijvoorbeeld vier of vijf losse woorden die "
            "niet bij elkaar horen."
        ),
    ),
    (
        "sequence",
        N_(
            "Dit wachtwoord is te makkelijk te raden: het bevat een reeks zoals 'abcd' of "
            "'1234'. Kies bijvoorbeeld vier of vijf losse woorden die niet bij elkaar horen."
        ),
    ),
    (
        "spatial",
        N_(
            "Dit wachtwoord is te makkelijk te raden: het volgt de toetsen van het toetsenbord, "
            "zoals 'qwerty'. Kies bijvoorbeeld vier of vijf losse woorden die niet bij elkaar "
            "horen."
        ),
    ),
    (
        "date",
        N_(
            "Dit wachtwoord is te makkelijk te raden: het bevat een datum of een jaartal. Kies "
            "bijvoorbeeld vier of vijf losse woorden die niet bij elkaar horen."
        ),
    ),
    (
        "dictionary",
        N_(
            "Dit wachtwoord is te makkelijk te raden: het bestaat uit bekende woorden of namen. "
            "Kies bijvoorbeeld vier of vijf losse woorden die niet bij elkaar horen."
        ),
    ),
)
WEAK = N_(
    "Dit wachtwoord is te makkelijk te raden: het is te kort of te eenvoudig. Kies "
    "bijvoorbeeld vier of vijf losse woorden die niet bij elkaar horen."
)
REASONS_BY_KEY = dict(REASONS)
TOO_SHORT = N_("Een wachtwoord heeft ten minste %(min)s tekens.")
TOO_LONG = N_("Een wachtwoord heeft ten hoogste %(max)s tekens.")


def context_words(*values: str) -> list[str]:
    """The user's own words (name, e-mail address and its parts, organisation), lower case,
    with the app's: a password made of these is easy for someone who knows the user."""
    words = set(CONTEXT_WORDS)
    for value in values:
        text = (value or "").lower()
        if text:
            words.add(text)
            words.update(w for w in re.split(r"[\W_]+", text) if len(w) >= 3)
    return sorted(words)


def password_problem(password: str, context: Iterable[str] = ()) -> tuple[str, dict] | None:
    """None when the password may be used; else a message id (Dutch, marked for translation)
    and its parameters. ``context`` holds the user's own words (``context_words``)."""
    if len(password) < MIN_LENGTH:
        return TOO_SHORT, {"min": MIN_LENGTH}
    if len(password) > MAX_LENGTH:
        return TOO_LONG, {"max": MAX_LENGTH}
    inputs = list(context) or list(CONTEXT_WORDS)
    obvious = _obvious(password, inputs)
    if obvious is not None:
        return REASONS_BY_KEY[obvious], {}
    from zxcvbn import zxcvbn  # its dictionaries (12 MB) only where a password is chosen

    weakest = None
    for variant in _variants(password):
        result = zxcvbn(variant[:ZXCVBN_MAX], user_inputs=inputs)
        if result["score"] < MIN_SCORE and (
            weakest is None or result["guesses"] < weakest["guesses"]
        ):
            weakest = result
    if weakest is None:
        return None
    return _reason(weakest["sequence"]), {}


def _obvious(password: str, context: list[str]) -> str | None:
    """What zxcvbn lets through but nobody should use: nothing but the user's and the
    app's words with digits and punctuation (``VriesZuidbouw1987``), or hardly a character
    that is not a repeat or the next or previous one (``vve100111111``, ``3456789012345``).
    The key of the reason, or None."""
    bare = re.sub(r"[\W_]+", "", password).lower()
    rest = bare
    for word in sorted((re.sub(r"[\W_]+", "", w) for w in context), key=len, reverse=True):
        if len(word) >= 3:
            rest = rest.replace(word, "")
    if rest != bare and sum(c.isalpha() for c in rest) < MIN_OWN_LETTERS:
        return "user_inputs"
    repeats = steps = surprises = 0
    for previous, char in zip([None, *bare], bare):
        if char == previous:
            repeats += 1
        elif previous is not None and _next_to(previous, char):
            steps += 1
        else:
            surprises += 1
    if surprises < MIN_SURPRISES:
        return "repeat" if repeats >= steps else "sequence"
    return None


def _next_to(a: str, b: str) -> bool:
    """b follows or precedes a in the digits or the alphabet (9 and 0, z and a too)."""
    for alphabet in (string.digits, string.ascii_lowercase):
        if a in alphabet and b in alphabet:
            distance = (alphabet.index(b) - alphabet.index(a)) % len(alphabet)
            return distance in (1, len(alphabet) - 1)
    return False


def _variants(password: str) -> list[str]:
    """The password as typed and without separators (spaces, dashes, dots …)."""
    bare = re.sub(r"[\W_]+", "", password)
    return [password] if bare == password or not bare else [password, bare]


def _reason(sequence: list[dict]) -> str:
    found = set()
    for match in sequence:
        found.add(match["pattern"])
        if match["pattern"] == "dictionary":
            found.add(match.get("dictionary_name", ""))
        if match["pattern"] == "regex":  # zxcvbn's only regex: a recent year
            found.add("date")
    for key, reason in REASONS:
        if key in found:
            return reason
    return WEAK


# Capitals and digits that cannot be mistaken for each other when read aloud or copied.
TEMPORARY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def temporary_password() -> str:
    """A one-time password for an admin to hand over: 20 random characters in groups
    (about 100 bits), e.g. ``K7QM-2XRA-PZ4E-9HVT-W3NB``."""
    chars = "".join(secrets.choice(TEMPORARY_ALPHABET) for _ in range(20))
    return "-".join(chars[i : i + 4] for i in range(0, 20, 4))
