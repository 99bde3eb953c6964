from hypothesis import given
from hypothesis import strategies as st

from vve.labels import lower_words


def test_lower_words_keeps_acronyms_and_lowers_ordinary_words():
    assert lower_words("Duurzaam MJOP (DMJOP) vaststellen") == "duurzaam MJOP (DMJOP) vaststellen"
    assert lower_words("VvE-lening aanvragen") == "VvE-lening aanvragen"
    assert lower_words("HR++-glas") == "HR++-glas"
    assert lower_words("Eigenaar-bewoners") == "eigenaar-bewoners"


@given(st.text())
def test_lower_words_changes_only_case(text):
    assert lower_words(text).lower() == text.lower()
