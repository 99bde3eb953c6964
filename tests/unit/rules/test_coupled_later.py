"""Insulation coupled to maintenance: the meeting decides only what a quote can exist for.
Work planned more years after the meeting than the quote horizon (decisions.toml
insulate_with_maintenance.quote_horizon) is left to a later annual ALV, which the draft names."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, ROOT
from tests.example_plans import built_example
from vve.knowledge import load_knowledge

HORIZON = load_knowledge().decisions["insulate_with_maintenance"].quote_horizon


def _coupled(name):
    plan = built_example(name, AS_OF)
    return plan, next((d for d in plan.decisions if d.id == "insulate_with_maintenance"), None)


def test_the_horizon_is_sourced_as_the_apps_own_default():
    assert HORIZON is not None and HORIZON.years >= 1
    assert "project-default" in HORIZON.source


def test_emmen_decides_the_roof_now_and_leaves_the_2031_glass_to_the_alv_of_2030():
    _, d = _coupled("emmen-galerijflat")
    assert d is not None and d.date.year == 2028
    draft = d.draft.replace("\N{NO-BREAK SPACE}", " ")
    decided = draft.split(" Over ")[0]
    assert "het dak in 2029" in decided and "dakisolatie" in decided
    assert "HR++-glas" not in decided and "2031" not in decided
    # the glass has a resolution of its own at that ALV: this one does not name it
    assert decided == draft
    (part,) = [p for p in d.later if p.kind == "later"]
    assert part.measures == ("glazing",) and part.date.year == 2030


@settings(max_examples=8, deadline=None)
@given(name=st.sampled_from([p.stem for p in (ROOT / "examples").glob("*.json")]))
def test_no_coupled_year_beyond_the_horizon_is_decided(name):
    _, d = _coupled(name)
    if d is None:  # nothing coupled to maintenance in this plan
        return
    decided = d.draft.split(" Over ")[0]
    years = [int(w) for w in decided.replace(",", " ").split() if w.isdigit() and len(w) == 4]
    # all of it beyond the horizon moves the decision to a later meeting (test_coupled.py)
    assert years and all(y - d.date.year <= HORIZON.years for y in years)


def test_the_split_is_explained_with_its_source():
    """Why the glass waits is said at its own decision (vve/rules/parts.py), citing the
    app's own default; the roof's explanation speaks only of its own work."""
    _, d = _coupled("emmen-galerijflat")
    assert d is not None
    (part,) = [p for p in d.later if p.kind == "later"]
    assert "2031" in part.explanation.text
    assert "source:project-default" in part.explanation.ids
    assert "HR++-glas" not in d.explanation.text
    assert "source:project-default" in d.explanation.ids
