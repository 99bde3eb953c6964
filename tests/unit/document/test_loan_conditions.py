"""The lender's conditions (Nationaal Warmtefonds, VvE Energiebespaarlening) are said once,
in the loan's section of the chapter on financing, beside their source and peildatum; the
loan decision and the chapter on money refer there."""

import io

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings

from tests.conftest import AS_OF, ROOT, make_profile
from tests.strategies import profile_data
from vve.document import write_plan_docx
from vve.profile import ProfileError, load_profile, parse_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

SEE = (
    "De voorwaarden van de geldgever staan in 'Nationaal Warmtefonds: VvE "
    "Energiebespaarlening' in het hoofdstuk 'Financiering en subsidies'."
)


def _written(profile) -> tuple[dict, list[str]]:
    plan = plan_to_dict(build_plan(profile, AS_OF))
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    paragraphs = [
        p.text.replace("\N{NO-BREAK SPACE}", " ")
        for p in doc.paragraphs
        if not p.style.name.startswith("TOC")  # the contents repeat the headings
    ]
    return plan, paragraphs


def _conditions(plan: dict) -> str:
    return next(f["conditions"] for f in plan["financing"] if f["id"] == "warmtefonds_loan")


@pytest.fixture(scope="module", params=["tynaarlo-weinig-bekend", "emmen-galerijflat"])
def written(request):
    path = ROOT / "examples" / f"{request.param}.json"
    return _written(load_profile(path.read_text(encoding="utf-8")))


def test_the_conditions_are_said_once_in_the_chapter_on_financing(written):
    plan, paragraphs = written
    conditions = _conditions(plan)
    assert "\n".join(paragraphs).count(conditions) == 1
    start = paragraphs.index("Financiering en subsidies")
    end = paragraphs.index("Concept-besluiten voor de ALV")
    assert f"Voorwaarden: {conditions}" in paragraphs[start:end]


def test_the_loan_decision_refers_to_the_conditions(written):
    plan, paragraphs = written
    heading = paragraphs.index("Een VvE-lening aangaan (VvE Energiebespaarlening)")
    why = paragraphs[heading + 1]
    assert why.startswith("Een VvE mag lenen tenzij het reglement")
    assert SEE in why and _conditions(plan) not in why  # what follows: a conditional loan


def test_the_chapter_on_money_refers_to_the_conditions(written):
    plan, paragraphs = written
    start = paragraphs.index("Hoe de VvE het betaalt")
    end = paragraphs.index("Wat betaalt mijn appartement?")
    assert any(SEE in p for p in paragraphs[start:end])
    assert not any("Voorwaarden van de geldgever:" in p for p in paragraphs)


def test_the_meeting_pack_keeps_the_conditions_in_the_explanation():
    """The rules' explanation of the loan decision still carries them: the meeting pack's
    note for owners stands on its own, without the plan's chapter on financing."""
    plan, _ = _written(make_profile())
    loan = next((d for d in plan["decisions"] if d["id"] == "vve_loan"), None)
    if loan is not None:
        assert _conditions(plan) in loan["explanation"]["text"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile_data)
def test_no_profile_gets_the_conditions_twice(data):
    try:
        profile = parse_profile(data)
    except ProfileError:
        return
    plan, paragraphs = _written(profile)
    assert "\n".join(paragraphs).count(_conditions(plan)) <= 1


def test_the_lenders_conditions_are_not_repeated_outside_the_chapter_on_financing(written):
    """The money chapter and the draft resolutions leave the lender's terms (when it names
    the rate, what the MJOP must cover and why) to the loan's section."""
    _plan, paragraphs = written
    start = paragraphs.index("Financiering en subsidies")
    end = paragraphs.index("Concept-besluiten voor de ALV")
    outside = "\n".join(paragraphs[:start] + paragraphs[end:])
    for said in (
        "de geldgever noemt haar pas",
        "zoals de geldgever vraagt",
        "voorwaarde van het Warmtefonds",
    ):
        assert said not in outside
