"""What the first meeting's decision costs each apartment, written at the decision itself
(plan["money"]["first_decision"]): paid first, the SVVE refund later, and in the end.

Owners vote on what it costs them, not only on the VvE's total. Every amount is the
engine's, in whole euros; an advice without an amount is given per € 1,000.
"""

from __future__ import annotations

from vve import labels

from ..builder import Builder
from ..text import date_nl, euro, euro_range, percent_of
from .assumed import unsure

NONE = "—"


def write(b: Builder, first: dict, plan: dict | None = None) -> None:
    """The paragraph and the table for the decision that orders the advice."""
    b.para(" ".join(_sentences(first)))
    refund = _refund_sentences(first)
    # what the single application leaves out follows when and how it is made
    b.para(
        " ".join([*refund[:2], *(_single_application(first, plan) if plan else []), *refund[2:]])
    )
    if not first["classes"]:
        b.para(
            "Per appartement is dit pas uit te rekenen als het aantal appartementsrechten "
            "bekend is."
        )
        return
    if first["advice"] is not None:
        _known_table(b, first)
    else:
        _per_thousand_table(b, first)


def _sentences(first: dict) -> list[str]:
    out = [
        "Wat dit besluit een appartement kost: de VvE betaalt de rekeningen eerst zelf, uit "
        "het reservefonds of met een extra bijdrage, en een appartement draagt daaraan bij "
        "naar zijn breukdeel."
    ]
    if first["advice"] is not None:
        out.append(
            f"Het energieadvies en het DMJOP kosten de VvE {euro_range(first['advice'])} "
            f"(opgave van het bestuur)."
        )
    else:
        out.append(
            "Het bedrag van het advies volgt uit de offertes van de adviseurs; de tabel geeft "
            f"wat een appartement betaalt per {euro(first['per_euros'])} advies."
        )
    out += [
        f"{_upper(r['short'])} kost de VvE naar schatting "
        f"{euro_range(r['cost'])}; daarvoor rekent dit plan geen subsidie."
        for r in first["research"]
        if r["cost"] is not None
    ]
    # without the advice's amount the table gives the research apart, not a balance
    table = (
        "de tabel geeft apart wat een appartement ervoor betaalt"
        if first["advice"] is None
        else "de tabel geeft per saldo wat een appartement betaalt zonder en met dat onderzoek"
    )
    out += [
        f"{_upper(r['short'])} is alleen nodig {r['if_needed']}; {table}."
        for r in first["research"]
        if r["if_needed"] and r["cost"] is not None
    ]
    return out + _unpriced(first["unpriced"])


def _unpriced(research: list[dict]) -> list[str]:
    """Research the decision orders without an amount in the plan: named, never priced."""
    if not research:
        return []
    names = [
        r["short"] + (f" (alleen nodig {r['if_needed']})" if r["if_needed"] else "")
        for r in research
    ]
    listed = " en ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    one = len(names) == 1
    return [
        f"{_upper(listed)} {'hoort' if one else 'horen'} ook bij dit besluit, maar dit plan "
        f"noemt er geen bedrag voor: dat volgt uit de {'offerte' if one else 'offertes'}."
    ]


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _refund_sentences(first: dict) -> list[str]:
    """When the SVVE pays back, as far as the sources say, or why the plan counts nothing."""
    applied, until = date_nl(first["application_date"]), date_nl(first["open_until"])
    reason = first["refund_reason"]
    if reason == "after_end_date":
        return [
            f"Een vergoeding van de SVVE rekent dit plan niet mee: de regeling loopt volgens "
            f"de bronnen tot {until} en in deze planning valt de aanvraag op {applied}. Kan "
            f"de aanvraag eerder, of wordt de regeling verlengd, dan komt "
            f"{percent_of(first['share'])} van het advies later terug. Wat het bestuur kan "
            f"doen om de einddatum nog te halen, staat onder 'Belangrijkste risico's' in de "
            f"samenvatting."
        ]
    if reason != "counted":
        return [
            f"Een vergoeding van de SVVE rekent dit plan niet mee: {labels.SUBSIDY_REASON[reason]}."
        ]
    amount = f", {euro_range(first['refund'])} voor de VvE" if first["refund"] else ""
    # an owner-occupier is the SVVE's condition; said where the profile does not know
    who = (
        f"{_upper(labels.OWNER_OCCUPIER_IF)}, vergoedt de SVVE"
        if first.get("owner_occupier", True) is None
        else "De SVVE vergoedt"
    )
    return [
        f"{who} naar verwachting {percent_of(first['share'])} van het advies"
        f"{amount}, maar pas later: in deze planning vraagt de VvE de subsidie aan op "
        f"{applied}.",
        first["refund_when"],
        f"De vergoeding is pas zeker na de beschikking van RVO; de voorwaarden in dit plan "
        f"zijn {unsure(first['certainty'])}.",
    ]


def _single_application(first: dict, plan: dict) -> list[str]:
    """What the single application after the DMJOP meeting leaves out (the process advisor
    the committee's budget pays, invoiced later), and when to apply if that meeting fails:
    after its second meeting, still by the end date. From the plan's own dates."""
    if first["refund_reason"] != "counted" or not first["application_date"]:
        return []
    applied = first["application_date"]
    out = []
    if any(d["id"] == "committee" for d in plan["decisions"]):
        out.append(f"Facturen van de procesbegeleider na {date_nl(applied)} krijgen geen subsidie.")
    # the meeting that adopts the DMJOP: the last one before the application
    held = [
        d
        for d in plan["decisions"]
        if d["id"] == "adopt_dmjop" and d["meeting_date"] <= applied and d["second_meeting"]
    ]
    until = first["open_until"]
    for d in held:
        second = d["second_meeting"]["planned"] or d["second_meeting"]["earliest"]
        meeting = date_nl(d["meeting_date"])
        if until and second <= until:
            out.append(
                f"Lukt de ALV van {meeting} niet, vraag dan aan na de tweede vergadering "
                f"({date_nl(second)}), uiterlijk {date_nl(until)}."
            )
        elif until:
            out.append(
                f"Lukt de ALV van {meeting} niet, dan valt de tweede vergadering "
                f"({date_nl(second)}) na de einddatum (uiterlijk {date_nl(until)}): reken dan "
                "niet op deze vergoeding."
            )
    return out


def _name(c: dict, assumed: bool) -> str:
    """A class of the cost-share table; equal shares only assumed say so (the breukdelen
    are not filled in)."""
    share = (
        f"aangenomen {c['share']}, nog op te zoeken in de splitsingsakte" if assumed else c["share"]
    )
    return f"{c['label'] or labels.RIGHT_KIND[c['kind']]} ({share})"


def _research_header(first: dict) -> str:
    """ "Eerst: ecologisch onderzoek, als nodig" for one survey, "Eerst: onderzoek" else."""
    research = first["research"]
    what = research[0]["short"].removeprefix("het ") if len(research) == 1 else "onderzoek"
    return f"Eerst: {what}{', als nodig' if any(r['if_needed'] for r in research) else ''}"


def _net(c: dict, if_needed: bool) -> str:
    """Per saldo; with research only needed under a condition, from without it to with it."""
    if not if_needed or c["net_without_research"] is None or c["net"] is None:
        return euro_range(c["net"], True)
    low, high = c["net_without_research"], c["net"]
    return euro_range({"low_cents": low["low_cents"], "high_cents": high["high_cents"]})


def _known_table(b: Builder, first: dict) -> None:
    research = bool(first["research"])
    if_needed = any(r["if_needed"] for r in first["research"])
    rows = [
        [
            _name(c, first["shares_assumed"]),
            euro_range(c["advice"], True),
            *([euro_range(c["research"], True) if c["research"] else NONE] if research else []),
            euro_range(c["refund"], True) if c["refund"] else NONE,
            _net(c, if_needed),
        ]
        for c in first["classes"]
    ]
    headers = [
        "Breukdeel",
        "Eerst: advies en DMJOP",
        *([_research_header(first)] if research else []),
        "Later terug aan de VvE (verwacht)",
        "Per saldo, zonder tot met onderzoek" if if_needed else "Per saldo",
    ]
    b.table(
        headers,
        rows,
        caption="Wat dit besluit een appartement kost",
        widths=[3.6, 3.2, 3.0, 3.2, 3.0] if research else [4.4, 4.0, 4.0, 3.6],
        keep_text=False,  # the paragraph before is about the refund, not this table
    )


def _per_thousand_table(b: Builder, first: dict) -> None:
    research = bool(first["research"])
    per = euro(first["per_euros"])
    rows = [
        [
            _name(c, first["shares_assumed"]),
            euro_range(_exact(c["per_thousand_cents"])),
            euro_range(_exact(c["refund_per_thousand_cents"]))
            if c["refund_per_thousand_cents"] is not None
            else NONE,
            *([euro_range(c["research"], True) if c["research"] else NONE] if research else []),
        ]
        for c in first["classes"]
    ]
    headers = [
        "Breukdeel",
        f"Eerst: per {per} advies",
        f"Later terug aan de VvE per {per} (verwacht)",
        *([_research_header(first)] if research else []),
    ]
    b.table(
        headers,
        rows,
        caption="Wat dit besluit een appartement kost",
        widths=[4.0, 4.0, 4.0, 4.0] if research else [5.4, 5.3, 5.3],
        keep_text=False,
    )


def _exact(cents: int | None) -> dict | None:
    if cents is None:
        return None
    return {"low_cents": cents, "typical_cents": cents, "high_cents": cents}
