"""``clean`` and ``cell_text`` skip their date rules where no month name can occur (a
quick check on the lower-cased text); the result must equal the plain rules everywhere,
whatever the text: capitals, the letters IGNORECASE folds onto ASCII ("ſ", "K", "İ", "ı"),
carriage returns, the euro sign and characters XML forbids."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from vve.document import text
from vve.document.text import NBSP, cell_text, clean
from vve.profile.model import XML_FORBIDDEN

MONTHS = text._MONTHS.split("|")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({text._MONTHS})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({text._MONTHS}) (\d{{4}})\b", re.IGNORECASE)
_JOINED_YEAR = re.compile(rf"\b(\d{{1,2}}{NBSP}(?:{text._MONTHS})){NBSP}(\d{{4}})\b", re.I)


def reference_clean(value: object) -> str:
    """The rules as written before the quick check: every regex over every text."""
    t = "" if value is None else str(value)
    t = t.replace("\r\n", "\n").replace("\r", "\n").replace("€ ", "€" + NBSP)
    t = _MONTH_YEAR.sub(rf"\1{NBSP}\2", _DAY_MONTH.sub(rf"\1{NBSP}\2", t))
    return XML_FORBIDDEN.sub("", t)


def reference_cell_text(value: object) -> str:
    return _JOINED_YEAR.sub(r"\1 \2", reference_clean(value))


# pieces a plan's text is made of, and the awkward characters
PIECES = st.sampled_from(
    [
        *MONTHS,
        *(m.upper() for m in MONTHS),
        *(m.title() for m in MONTHS),
        "ſeptember",
        "oKtober",
        "İ",
        "ı",
        "1",
        "12",
        "2027",
        "31",
        " ",
        NBSP,
        "€ ",
        "\r\n",
        "\r",
        "\x00",
        "\ufffe",
        "a",
        "é",
        "-",
        ".",
    ]  # fmt: skip
)
TEXTS = st.one_of(st.text(), st.lists(PIECES, max_size=12).map("".join))


@given(TEXTS)
@example(f"1 januari 2027; 2 AUGUSTUS 2023 en 3{NBSP}mei{NBSP}2024")
@example("12 ſeptember 2027")
@example("4 oKtober")
def test_clean_equals_the_plain_rules_on_any_text(value):
    assert clean(value) == reference_clean(value)
    assert cell_text(value) == reference_cell_text(value)
    # again: now from the kept results (issue 15), still the same
    assert clean(value) == reference_clean(value)
    assert cell_text(value) == reference_cell_text(value)


def test_clean_keeps_its_results_per_text():
    """A plan's texts recur within the plan and across plans (three in four of Emmen's
    were in Assen's): each is cleaned once per worker while it is kept."""
    text._clean_text.cache_clear()
    clean("Besluit op 1 januari 2027")
    clean("Besluit op 1 januari 2027")
    cell_text("Besluit op 1 januari 2027")
    info = text._clean_text.cache_info()
    assert (info.misses, info.hits) == (1, 2)
    assert info.maxsize == text.KEPT_TEXTS


@given(st.one_of(st.none(), st.integers(), st.decimals(allow_nan=False)))
def test_clean_takes_what_is_not_text_as_before(value):
    assert clean(value) == reference_clean(value)
