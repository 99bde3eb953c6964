"""The resolution on insulation with planned maintenance names its measures as what the
meeting has put in ("tevens dakisolatie en HR++-glas aan te brengen"), not a list after
"de volgende isolatiemaatregelen" even for one, and rests on a quote as its explanation
says (advisor's re-review of Emmen, 28 November 2026)."""

import datetime as dt

from tests.example_plans import example_plan

AS_OF = dt.date(2026, 11, 28)


def _coupled(stem: str) -> dict:
    plan = example_plan(stem, AS_OF)
    return next(d for d in plan["decisions"] if d["id"] == "insulate_with_maintenance")


def test_emmens_roof_insulation_is_put_in_on_a_quote():
    draft = _coupled("emmen-galerijflat")["draft_resolution"]
    assert draft.startswith(
        "De vergadering besluit bij het geplande onderhoud van het dak in 2029 tevens "
        "dakisolatie aan te brengen, volgens de offerte van [aannemer] d.d. [datum], tot een "
        "bedrag van [bedrag uit de offerte; indicatief €\u00a064.178] bovenop de kosten van het "
        "onderhoud zelf, te financieren uit [reservefonds / lening / subsidie]."
    )
    assert "de volgende isolatiemaatregelen" not in draft


def test_the_later_part_reads_the_same_way():
    (part,) = _coupled("emmen-galerijflat")["later"]
    assert (  # after the deed's condition (test_deed_parts_in_draft.py)
        "] De vergadering besluit bij het geplande onderhoud van de kozijnen in 2031 tevens "
        "HR++-glas aan te brengen, volgens de offerte van [aannemer] d.d. [datum], tot een "
        "bedrag van € [bedrag] bovenop" in part["draft_resolution"]
    )


def test_two_measures_in_one_year_name_the_year_once():
    """Meppel read "het dak in 2029 en de kozijnen in 2029" (advisor's re-review)."""
    draft = _coupled("meppel-beschermd-stadsgezicht")["draft_resolution"]
    assert draft.startswith(
        "De vergadering besluit bij het geplande onderhoud van het dak en de kozijnen in "
        "2029 tevens dakisolatie en HR++-glas aan te brengen, volgens de offerte"
    )


def test_the_moments_name_each_year_once_also_for_work_left_to_a_later_alv():
    """``_moments`` words both the resolution's moments and those of the work it leaves to
    a later ALV (``_beyond_quotes``, which wrote "het dak in 2036 en de gevel in 2036";
    code review of this change)."""
    from types import SimpleNamespace

    from vve.knowledge import load_knowledge
    from vve.rules import drafts

    knowledge = load_knowledge()
    lines = [
        SimpleNamespace(measure="roof_insulation", year=2036),
        SimpleNamespace(measure="facade_insulation", year=2036),
        SimpleNamespace(measure="glazing", year=2038),
    ]
    assert drafts._moments(lines, knowledge) == (
        "het dak en de gevel in 2036 en de kozijnen in 2038"
    )
