"""The lines of appendix C for what the rules engine marks unsure: each says what the plan
computes with, its source and why that is not certain; the appendix says once that the
board finds these out, and the chapters refer to it (``unsure``)."""

from __future__ import annotations

from vve import labels
from vve.rules.parts import every_decision

from ..text import month_nl
from ..wording import meeting_named

SHORT = "Bijlage C"  # the start of appendices.ASSUMPTIONS_TITLE
# why a decision's rule is unsure, by the explanation id that makes it so (the rules
# engine adds it, vve/rules/decision_rules.py), in words for the owners; where a rule has
# more than one, the first here (the model's class is named by every rule of the model)
WHY = {
    "because:threshold_not_set": (
        "zolang de ALV geen drempelbedrag heeft vastgesteld, lezen bronnen dit verschillend "
        "(ook een gewone meerderheid kan volstaan); een besluit met deze meerderheid houdt "
        "onder beide lezingen stand"
    ),
    "because:threshold_set_by_plan": (
        "het drempelbedrag stelt een eerdere ALV van dit plan pas vast, dus is nog niet bekend "
        "of dit besluit erboven ligt; een besluit met deze meerderheid houdt in beide "
        "gevallen stand"
    ),
    "coupling:maintenance": (
        "volgens de minister volstaat een gewone meerderheid voor verduurzaming die samenvalt "
        "met noodzakelijk onderhoud; niet alle bronnen volgen die lezing, en dan is twee derde "
        "nodig"
    ),
    # voting.toml models.2006.classes.expenditure_outside_maintenance
    "model:2006/expenditure_outside_maintenance": (
        "volgens de ene lezing van modelreglement 2006 vragen deze uitgaven altijd twee "
        "derde, volgens de andere alleen boven het drempelbedrag dat de ALV vaststelde; een "
        "besluit met twee derde houdt onder beide lezingen stand"
    ),
}
# an unsure rule or decision without such an id
WHY_RULE = "dat het reglement van de VvE hier deze regel geeft, is nog niet bevestigd"
WHY_DECISION = "dat deze regel hier geldt, staat in de bronnen nog niet vast"


def unsure(certainty: str) -> str:
    """How sure a fact is, and where an unsure one's assumption stands."""
    words = labels.CERTAINTY[certainty]
    return words if certainty == "bron" else f"{words}, zie {SHORT}"


def decision_lines(plan: dict) -> list[str]:
    """One line per rule the unsure decisions are computed with, naming the decisions."""
    titles = {s["id"]: s["title"] for s in plan["sources"]}
    groups: dict[str, list[str]] = {}
    for d in every_decision(plan):
        if d["certainty"] != "bron":
            groups.setdefault(_rule_line(d, titles), []).append(
                f"{d['title']} ({meeting_named(d)})"
            )
    return [f"{rule.format(names='; '.join(names))}" for rule, names in groups.items()]


def _rule_line(d: dict, titles: dict[str, str]) -> str:
    rule = d["rule"]
    votes = rule["votes"]
    full = votes and votes["min_yes_full_attendance"]
    numbers = f" ({full} van {votes['total']} stemmen voor bij volledige opkomst)" if full else ""
    ids = rule["explanation"]["ids"]
    source = _first_source(ids, titles)
    why = next((text for key, text in WHY.items() if key in ids), None)
    if why is None:
        why = WHY_RULE if rule["certainty"] != "bron" else WHY_DECISION
    text = f"Gerekend met {rule['label']}{numbers} voor: {{names}}."
    if source:
        text += f" Bron: {source}."
    return f"{text} {labels.CERTAINTY[d['certainty']].capitalize()}: {why}."


def financing_lines(plan: dict) -> list[str]:
    """The unsure schemes and loans: the plan takes their conditions as read in the source."""
    titles = {s["id"]: s["title"] for s in plan["sources"]}
    out = []
    for item in plan["financing"]:
        if item["certainty"] == "bron":
            continue
        source = _first_source(item["explanation"]["ids"], titles)
        out.append(
            f"Gerekend met de voorwaarden en bedragen van {item['title']} zoals gelezen in "
            f"{month_nl(item['peildatum'])}{f' ({source})' if source else ''}; "
            f"{labels.CERTAINTY[item['certainty']]}."
        )
    return out


def _first_source(ids: list[str], titles: dict[str, str]) -> str | None:
    """The title of the first source an explanation names (its main one)."""
    key = next((i.removeprefix("source:") for i in ids if i.startswith("source:")), None)
    return None if key is None else titles.get(key, key)
