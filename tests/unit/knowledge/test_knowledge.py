"""Knowledge data: every entry sourced and dated, references consistent, unknowns covered."""

import shutil
import typing

import pytest

from tests.conftest import make_profile
from vve.knowledge import DATA_DIR, KnowledgeError, load_knowledge, load_knowledge_from
from vve.profile import Profile
from vve.rules.unknowns import pattern_of, unknown_paths


def _broken_copy(tmp_path, filename, old, new):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    path = target / filename
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_packaged_knowledge_loads_and_is_dated(knowledge):
    assert knowledge.version and knowledge.oldest_peildatum.year >= 2026
    assert set(knowledge.models) == {"1973", "1983", "1992", "2006", "2017", "deviating", "unknown"}


def test_an_entry_without_a_source_is_refused(tmp_path):
    data = _broken_copy(
        tmp_path, "measures.toml", 'source = ["svve-measures", "trias-energetica"]\n', ""
    )
    with pytest.raises(
        KnowledgeError, match="measures.toml: measures.hydronic_balancing: missing key 'source'"
    ):
        load_knowledge_from(data)


def test_a_rule_with_a_bad_fraction_is_refused(tmp_path):
    data = _broken_copy(tmp_path, "voting.toml", 'majority = "4/5"', 'majority = "vier vijfde"')
    with pytest.raises(KnowledgeError, match="not a fraction"):
        load_knowledge_from(data)


def test_every_source_is_cited_somewhere(knowledge):
    text = "".join(
        p.read_text(encoding="utf-8") for p in DATA_DIR.glob("*.toml") if p.name != "sources.toml"
    )
    unused = [sid for sid in knowledge.sources if f'"{sid}"' not in text]
    assert not unused


def _unknowable_paths(model=Profile, prefix=""):
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        annotation = field.annotation
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if (
            isinstance(annotation, type)
            and issubclass(annotation, type(Profile).__mro__[0])
            and hasattr(annotation, "model_fields")
        ):
            yield from _unknowable_paths(annotation, path + ".")
        elif origin is list and args and hasattr(args[0], "model_fields"):
            yield from _unknowable_paths(args[0], path + ".*.")
        elif type(None) in args:
            yield path


def test_every_unknowable_field_says_how_to_find_out(knowledge):
    skip = ("voting.overrides", "voting.weights")
    missing = [
        p
        for p in _unknowable_paths()
        if not p.startswith(skip)
        and p not in knowledge.unknowns
        and p not in knowledge.optional_fields
    ]
    assert not missing


def test_an_unknown_model_reglement_becomes_a_kadaster_action():
    paths = unknown_paths(make_profile())
    assert "voting.model_reglement" in paths
    assert pattern_of("owners.groups.3.votes") == "owners.groups.*.votes"
    assert "Kadaster" in load_knowledge().unknowns["voting.model_reglement"].how


@pytest.mark.parametrize(
    "filename, old, new, message",
    [
        ("decisions.toml", '"mr-2006-art52"]', '"nergens"]', "unknown source id 'nergens'"),
        ("routes.toml", "peildatum = 2026-01-01\n", "", "peildatum"),
        ("decisions.toml", 'stage = "organise"', 'stage = "nergens"', "unknown stage"),
        (
            "routes.toml",
            'measures = ["heat_network_connection"]',
            'measures = ["toverij"]',
            "unknown measure",
        ),
        ("voting.toml", 'rule = "ordinary_quorum_half"', 'rule = "verzonnen"', "unknown rule"),
        (
            "voting.toml",
            'deed_amendment = "deed_four_fifths"',
            'deed_amendment = "x"',
            "unknown rule",
        ),
        ("risks.toml", 'stage = "inventory"', 'stage = "nergens"', "unknown stage"),
        ("measures.toml", 'certainty = "bron"', "", "certainty"),
        ("measures.toml", 'kind = "insulation"', 'kind = "magie"', "unknown kind"),
        (
            "costs.toml",
            'vat = "incl"\nincludes = "materiaal',
            'vat = "excl"\nincludes = "materiaal',
            "convert an excl figure first",
        ),
        ("costs.toml", 'low = "26.70"', 'low = "27.50"', "low <= typical <= high"),
        (
            "costs.toml",
            'quality = "zwak"\ncertainty = "onzeker"',
            'quality = "zwak"\ncertainty = "bron"',
            "cannot have certainty 'bron'",
        ),
        (
            "financing.toml",
            'apply_at = "inventory.apply_svve_advice"',
            'apply_at = "inventory.nergens"',
            "no stage or action",
        ),
        ("stages.toml", "weekdays = [0, 1, 2, 3]", "weekdays = [9]", "days 0"),
        (
            "costs.toml",
            "orientation_only = true\n",
            "",
            "a cover sentence is for an outdated maximum",
        ),
        ("costs.toml", "voor {year} op", "voor {jaar} op", "only the placeholders"),
        (
            "decisions.toml",
            "draft_names = { hydronic_balancing",
            "draft_names = { hydronic_balance",
            "installation_measures.*hydronic_balance",
        ),
    ],
)
def test_broken_references_are_refused(tmp_path, filename, old, new, message):
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge_from(_broken_copy(tmp_path, filename, old, new))


def test_every_measure_depends_on_answers_the_profile_has():
    from vve.labels import FIELDS
    from vve.profile import Profile

    profile = Profile.model_validate({"association": {"name": "VvE"}})
    for mid, entry in load_knowledge().measures.items():
        for path in entry.depends_on:
            assert path in FIELDS, (mid, path)
            value = profile
            for part in path.split("."):
                value = getattr(value, part)  # raises if the path is not in the profile


def test_a_measure_the_advice_decides_names_answers_the_profile_has_and_its_reason():
    """advice_decides_when: profile path -> the answer with which the energy advice decides
    the measure (solar panels beside owners' own); advice_decides: the reason, in words."""
    from vve.labels import FIELDS

    found = False
    for mid, entry in load_knowledge().measures.items():
        assert bool(entry.advice_decides_when) == bool(entry.advice_decides), mid
        for path in entry.advice_decides_when:
            assert path in FIELDS, (mid, path)
            found = True
    assert found


def test_the_lenders_dwelling_limit_in_decision_texts_follows_the_knowledge(tmp_path):
    """The advice decision names the lender's limit from financing.toml
    (``advice_required_from_dwellings``), not a number typed in its prose."""
    data = _broken_copy(
        tmp_path,
        "financing.toml",
        "advice_required_from_dwellings = 8",
        "advice_required_from_dwellings = 10",
    )
    knowledge = load_knowledge_from(data)
    entry = knowledge.decisions["commission_advice"]
    assert "bij 10 of meer woningen" in entry.why
    assert entry.why_small_vve is not None and "pas bij 10 of meer woningen" in entry.why_small_vve
    assert "{" not in entry.why + entry.why_small_vve
    loan = knowledge.financing.programmes["warmtefonds_loan"]
    assert loan.applies_when and "Vanaf 10 woningen" in loan.applies_when
    assert "minder dan 10 woningen" in knowledge.rules["all_owners_consent"].why
    sign = next(a for s in knowledge.stages for a in s.actions if a.id == "sign_loan")
    assert "vanaf 10 woningen" in sign.what and "onder 10 woningen" in sign.what
