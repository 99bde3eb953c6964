"""Writes "Concept-besluiten voor de ALV" from each decision's draft resolution and rule."""

from __future__ import annotations

from ..builder import Builder
from ..results import attempt_text
from ..wording import quorum_in_words, rule_in_words, waits_in_words

TITLE = "Concept-besluiten voor de ALV"


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    b.para(
        "Teksten om in de agenda op te nemen. Vul in wat tussen [haken] staat. Onder elk "
        "voorstel staat de meerderheid die het nodig heeft."
    )
    taken = [d for d in plan["decisions"] if d["state"] == "taken"]
    for decision in plan["decisions"]:
        if decision["state"] == "taken":
            continue
        rule = decision["rule"]
        b.heading(decision["title"], 2)
        b.para(decision["draft_resolution"], "Quote")
        votes = rule["votes"]
        numbers = (
            f" Bij volledige opkomst: {votes['min_yes_full_attendance']} van de "
            f"{votes['total']} stemmen voor."
            if votes and votes["min_yes_full_attendance"] is not None
            else ""
        )
        # the condition in the same paragraph: a lone note can end up atop the next page
        condition = (
            " Alleen nodig als het plan deze kant op gaat." if decision["conditional"] else ""
        )
        if waits := waits_in_words(decision):
            condition += (
                f" Dit besluit kan pas worden genomen {waits}; de datum in dit plan is voorlopig."
            )
        quorum = quorum_in_words(rule)
        if decision["state"] == "second_meeting":
            quorum = "geen quorum: dit is een tweede vergadering"
            numbers = ""
        b.labelled("Vereiste meerderheid", f"{rule_in_words(rule)}; {quorum}.{numbers}{condition}")
    if taken:
        b.heading("Al genomen", 2)
        b.bullets(f"{d['title']}: {attempt_text(d['attempts'][-1])}" for d in taken)
