"""A rule's explanation counts what the rule counts: a majority of the votes cast is no
majority "van de aanwezigen" (art. 5:127 BW and the model reglementen count the votes cast;
blank votes and owners who do not vote are not cast). Found in an advisor's review."""

from __future__ import annotations

from vve.knowledge import load_knowledge


def test_a_rule_over_the_votes_cast_never_counts_those_present():
    wrong = [
        rule.id
        for rule in load_knowledge().rules.values()
        if rule.base == "cast" and "van de aanwezigen" in (rule.why or "")
    ]
    assert wrong == []
