"""The heat source's choice at the latest, in the voting chapter's section of the annual ALV
that makes it (the timeline's "Jaarlijkse ALV: uiterlijk hier de warmtebron kiezen")."""

from __future__ import annotations

from ..builder import Builder
from ..text import date_nl


def latest_source(b: Builder, plan: dict, meeting: dict) -> None:
    """An annual ALV in the year a decision that waits for the heat route is taken at the
    latest (the timeline's "uiterlijk hier"): that choice is on its agenda too, unless an
    earlier meeting made it, with what to do beforehand."""
    if not meeting.get("annual") or meeting["kind"] != "first":
        return
    year = int(meeting["date"][:4])
    for d in plan["decisions"]:
        if d.get("waits_until") != year or "heat_route" not in d.get("waits_for", ()):
            continue
        if d["state"] == "taken" or d["id"] in meeting["decisions"]:
            continue
        title = d["title"].split(":")[0]
        earlier = f"de ALV van {date_nl(d['meeting_date'])}" if d.get("meeting_date") else ""
        b.para(
            f"Ook op de agenda, als {earlier or 'een eerdere vergadering'} het nog niet "
            f"besloot: {title[:1].lower() + title[1:]}. Dit is de laatste vergadering "
            "waarop dat kan. Vraag de gemeente vooraf wat haar warmteprogramma inmiddels "
            "voor deze buurt zegt en laat het energieadvies bijwerken; is er dan nog geen "
            "warmteroute, dan kiest de ALV op grond van dat energieadvies. Het "
            "concept-besluit en de vereiste meerderheid staan bij die eerdere vergadering."
        )
