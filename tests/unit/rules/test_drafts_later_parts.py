"""A resolution votes only on its own work: work a later annual ALV decides in a
resolution of its own (a LaterPart, vve/rules/parts.py) is not named in the draft, and
its explanation says nothing of it either (advisor's review: the owners would otherwise vote
on another decision's content). The later part's own explanation says why it waits, and
an explanation speaks only of its own measures (test_explanation_own_measures.py)."""

from dataclasses import replace

from hypothesis import HealthCheck, example, given, settings

from tests.conftest import AS_OF, ROOT
from tests.example_plans import built_example
from tests.strategies import profiles_with_votes
from vve.knowledge import load_knowledge
from vve.profile import ProfileError, parse_profile
from vve.rules import build_plan
from vve.rules.coupled import COUPLED, ON_QUOTE
from vve.rules.drafts import fill_drafts

KNOWLEDGE = load_knowledge()
HORIZON = KNOWLEDGE.decisions[COUPLED].quote_horizon
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.json"))


def _plan(name):
    return built_example(name, AS_OF)


def _decision(plan, id_):
    return next(d for d in plan.decisions if d.id == id_)


def _flat(text):
    return text.replace("\N{NO-BREAK SPACE}", " ")


def _own_work_only(plan):
    """Each decision on a quote with later parts of its own: neither its draft nor its
    explanation names their work or the later meeting; each part says why it waits."""
    assert HORIZON is not None
    checked = 0
    for d in plan.decisions:
        parts = [p for p in d.later if p.kind == "later"]
        if d.id not in ON_QUOTE or not parts:
            continue
        draft, why = _flat(d.draft), _flat(d.explanation.text)
        for p in parts:
            for mid in p.measures:
                short = plan.knowledge.measures[mid].short.lower()
                assert short not in draft.lower(), d.draft
                assert short not in why.lower(), why
            assert HORIZON.why_part.split("{")[0] in p.explanation.text
        assert " besluit de ALV van " not in draft, d.draft
        assert HORIZON.why.format(years=HORIZON.years) not in why
        checked += 1
    return checked


def test_assen_installations_draft_decides_only_the_balancing():
    plan = _plan("assen-warmtenet-blokverwarming")
    d = _decision(plan, "installation_measures")
    assert d.title == "Cv-installatie waterzijdig inregelen"
    assert _flat(d.draft).endswith(", te financieren uit [reservefonds / lening / subsidie].")
    assert "zonnepanelen" not in d.draft.lower()
    (part,) = d.later
    assert part.title == "Zonnepanelen plaatsen bij het onderhoud van het dak in 2032"
    assert d.explanation.text.endswith(
        "De vergadering besluit er daarom over met een bedrag uit een offerte."
    )
    assert "zonnepanel" not in d.explanation.text.lower()


def test_emmen_roof_draft_leaves_the_glass_to_its_own_decision():
    plan = _plan("emmen-galerijflat")
    d = _decision(plan, COUPLED)
    assert "HR++-glas" not in d.draft and "2031" not in d.draft
    assert "HR++-glas" not in d.explanation.text and "Werk dat meer dan" not in d.explanation.text
    (part,) = [p for p in d.later if p.kind == "later"]
    assert part.title.endswith("HR++-glas bij het onderhoud van de kozijnen in 2031")
    assert "het werk begint in 2031" in part.explanation.text


def test_every_example_drafts_only_its_own_work():
    assert sum(_own_work_only(_plan(name)) for name in EXAMPLES) >= 2


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(profiles_with_votes)
@example({"association": {"name": "0"}, "money": {"planned": {"roof": 2031}}})
def test_no_draft_names_the_work_of_its_own_later_parts(data):
    try:
        profile = parse_profile(data)
    except ProfileError:
        return
    _own_work_only(build_plan(profile, AS_OF))


def test_without_a_later_resolution_the_draft_still_names_the_later_meeting():
    """Where no later part decides the work beyond the horizon, the sentence naming the
    later meeting stays, with the reason."""
    assert HORIZON is not None
    plan = _plan("emmen-galerijflat")
    d = _decision(plan, COUPLED)
    bare = replace(d, draft=KNOWLEDGE.decisions[COUPLED].draft, later=())
    (again,) = fill_drafts((bare,), plan.money, plan.knowledge)
    assert _flat(again.draft).endswith(
        "Over HR++-glas bij het geplande onderhoud van de kozijnen in 2031 besluit de ALV "
        "van 2030 op grond van een offerte."
    )
    assert again.explanation.text.endswith(HORIZON.why.format(years=HORIZON.years))
