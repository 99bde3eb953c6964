"""A decision's section says a thing once: the SVVE refund of the advice is given with its
amounts in the paragraph on what the decision costs, not also in the explanation above
it; and why measures stand between brackets is explained at the first decision that has
them, not word for word again at the next."""

import pytest

from tests.conftest import AS_OF
from tests.example_plans import written_example

BRACKETS = "Daarom staat in het concept-besluit tussen haken"
DMJOP_CAVEAT = (
    "Volgens de regels van 2023 telt het DMJOP voor de SVVE pas mee als de ALV het heeft vastgesteld; "
    "of dat nog zo is, is nog niet zeker, zie Bijlage C."
)


def _text(name: str) -> str:
    doc = written_example(name, AS_OF)
    return "\n".join(p.text for p in doc.paragraphs).replace("\N{NO-BREAK SPACE}", " ")


@pytest.fixture(scope="module", params=["emmen-galerijflat", "tynaarlo-weinig-bekend"])
def text(request) -> str:
    return _text(request.param)


def test_the_advice_refund_is_stated_once_with_the_dmjop_caveat(text):
    assert "De SVVE vergoedt 75% van de kosten." not in text
    assert text.count(DMJOP_CAVEAT) == 1
    assert "naar verwachting 75% van het advies" in text


def test_why_measures_stand_between_brackets_is_said_once(text):
    assert text.count(BRACKETS) <= 1


def test_the_plan_with_unknown_answers_explains_the_brackets():
    text = _text("tynaarlo-weinig-bekend")
    assert text.count(BRACKETS) == 1
    # said of one measure or several alike (the reviewer read "die maatregelen" of one)
    assert "Ook hier staat tussen haken wat het advies moet bevestigen." in text
