"""Writes "Maatregelen en warmteroute" from plan["heat_route"] and plan["measures"]."""

from __future__ import annotations

from ..builder import Builder

TITLE = "Maatregelen en warmteroute"


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
    b.bullets(
        (
            f"{m['title']}{' (privé, per eigenaar)' if m['private'] and 'privé' not in m['title'] else ''}. "
            f"{m['explanation']['text']}"
            for m in plan["measures"]
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
