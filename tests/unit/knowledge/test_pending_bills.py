"""The two pending rules (digital meetings, Kamerstuk 36489; the announced majority for
sustainability decisions) say what was known at the newest check of the domain files
(CORRECTIONS.md d1/d2, sources up to February 2026), and the date they name is the
entry's own peildatum: a plan read in late 2026 must not call January 2026 "our" latest."""

import datetime as dt
import re

from vve.knowledge import load_knowledge
from vve.rules.explain import nl_date

CHECKED = dt.date(2026, 2, 1)
DATED = re.compile(r"(?:op|tot|per) (\d{1,2} \w+ \d{4}) (?:niet|voor zover bekend)")


def test_digital_meetings_names_the_senate_stage_of_early_2026():
    risk = load_knowledge().risks["no_hybrid_meeting"]
    assert risk.peildatum >= CHECKED
    assert "27 januari 2026" in risk.text  # the Eerste Kamer committee's input
    assert "1 januari 2026" not in risk.text
    assert "Staatsblad" in risk.text  # the date named for it has passed by the plan's date
    for said in DATED.findall(risk.text):
        assert said == nl_date(risk.peildatum).replace("\xa0", " ")


def test_the_announced_majority_is_dated_by_its_check():
    k = load_knowledge()
    rule = k.rules["announced_sustainability"]
    risk = k.risks["announced_rule_pending"]
    for entry, text in ((rule, rule.why), (risk, risk.text)):
        assert entry.peildatum >= CHECKED
        assert "1 januari 2026" not in text
        for said in DATED.findall(text):
            assert said == nl_date(entry.peildatum).replace("\xa0", " ")


def test_the_digital_meeting_risk_asks_the_board_to_check_now():
    """The introduction date once named (1 July 2026) has passed on every plan made now:
    the board checks the Staatsblad now, not only 'vóór de oproep' (advisor's review C5)."""
    text = load_knowledge().risks["no_hybrid_meeting"].text
    assert "Het bestuur gaat nu al na of de wet inmiddels geldt" in text
    assert "vóór de oproep na" not in text
