"""The question for the board's turnout estimate says what replaces it: once the board
records a meeting's results, the plan expects that meeting's attendance instead
(vve/rules/turnout.py; advisor's review, 2026-11-27)."""

from __future__ import annotations

import html
import re


def _hint(page: str) -> str:
    """The text between the turnout question's label and its input."""
    found = re.search(r'for="owners__past_turnout_percent".*?<input', page, re.S)
    assert found, "no turnout question"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(0))).split())


def test_the_turnout_hint_says_a_recorded_meeting_replaces_the_estimate(wizard):
    hint = _hint(wizard.client.get(wizard.url("stemmen")).get_data(as_text=True))
    assert "Vergaderingen en uitslagen" in hint
    assert "rekent het plan met de opkomst van die vergadering" in hint


def test_the_english_hint_says_the_same(wizard):
    wizard.client.get("/taal/en")
    hint = _hint(wizard.client.get(wizard.url("stemmen")).get_data(as_text=True))
    assert "Meetings and results" in hint
    assert "the plan uses that meeting's turnout" in hint
