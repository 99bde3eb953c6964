"""A decision the plan puts to a future annual ALV, placed there by rule (vve/rules/coupled.py),
has no meeting day yet: the plan names that meeting by its year, "jaarlijkse ALV 2031 (datum
volgt)", everywhere, never as a fixed day. Table 1 lists every decision with its meeting,
also the part of a coupled resolution it leaves to a later annual ALV."""

import pytest

from tests.unit.document.test_first_decision_costs import _text

COUPLED = "Isolatie meenemen met het geplande onderhoud"


def _clean(name):
    return [line.replace("\N{NO-BREAK SPACE}", " ") for line in _text(name)]


@pytest.fixture(scope="module")
def assen():
    return _clean("assen-warmtenet-blokverwarming")


@pytest.fixture(scope="module")
def emmen():
    return _clean("emmen-galerijflat")


def test_the_annual_alv_is_never_named_by_a_fixed_day(assen):
    assert not [line for line in assen if "25 september 2031" in line]


def test_the_annual_alv_is_named_by_its_year_everywhere(assen):
    assert "Jaarlijkse ALV 2031 (datum volgt)" in assen  # its heading, and so the contents
    row = next(line for line in assen if line.startswith(f"{COUPLED} | "))
    assert " | jaarlijkse ALV 2031 (datum volgt) | " in row
    timeline = next(line for line in assen if line.startswith("ALV | Jaarlijkse ALV: isolatie"))
    assert timeline.endswith(" | 2031 (datum volgt) | ")  # its year, not a whole-year span


def test_table_1_lists_the_part_left_to_a_later_annual_alv(emmen):
    # its heading in the chapter on voting and among the draft resolutions, its row here
    row = next(line for line in emmen if line.startswith(f"{COUPLED}: HR++") and " | " in line)
    assert row == (
        f"{COUPLED}: HR++-glas bij het onderhoud van de kozijnen in 2031 | "
        "jaarlijkse ALV 2030 (datum volgt) | 25 van 48; 32 bij twijfel of uit het reservefonds"
    )
