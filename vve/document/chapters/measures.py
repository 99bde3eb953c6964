"""Writes "Maatregelen en warmteroute" from plan["heat_route"] and plan["measures"]."""

from __future__ import annotations

from ..builder import Builder

TITLE = "Maatregelen en warmteroute"
UNCONFIRMED_ALL = (
    "Elke maatregel hieronder is alleen nodig als de opname van de adviseur dat bevestigt."
)


def _explanation(measure: dict, said_above: bool) -> str:
    text = measure["explanation"]["text"]
    if said_above:
        return text.removeprefix(measure["unconfirmed"]).lstrip()
    return text


def write(b: Builder, plan: dict) -> None:
    route = plan["heat_route"]
    b.heading(TITLE, 1)
    b.heading(f"Warmteroute: {route['title']}", 2)
    b.para(route["explanation"]["text"])
    b.heading("Maatregelen in volgorde", 2)
    b.para(
        "Eerst wat onder elke route goed is (no-regret), dan de warmtevraag omlaag, dan de "
        "warmtebron, dan eigen stroom en wat eigenaars zelf doen (trias energetica)."
    )
    measures = plan["measures"]
    # every measure waits for the advisor's survey: said once, above the list
    once = len(measures) > 1 and all(m["unconfirmed"] for m in measures)
    if once:
        b.para(UNCONFIRMED_ALL)
    b.bullets(
        (
            f"{m['title']}{' (privé, per eigenaar)' if m['private'] and 'privé' not in m['title'] else ''}. "
            f"{_explanation(m, once)}"
            for m in measures
        ),
        numbered=True,
    )
    if route["id"] == "undecided":  # nothing is turned down yet: the ALV still chooses
        b.heading("De routes waaruit de VvE kiest", 2)
        b.table(
            ["Route", "Wat u moet weten"],
            [[a["title"], a["why_not"]] for a in route["alternatives"]],
            caption="Warmteroutes waaruit de ALV kiest",
            widths=[5, 11],
        )
        return
    b.heading("Overwogen alternatieven", 2)
    b.table(
        ["Route", "Waarom niet gekozen"],
        [[a["title"], a["why_not"]] for a in route["alternatives"]],
        caption="Warmteroutes die niet zijn gekozen",
        widths=[5, 11],
    )
