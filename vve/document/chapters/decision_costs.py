"""What the first meeting's decision costs each apartment, written at the decision itself
(plan["money"]["first_decision"]): paid first, the SVVE refund later, and in the end.

Owners vote on what it costs them, not only on the VvE's total. Every amount is the
engine's, in whole euros; an advice without an amount is given per € 1,000.
"""

from __future__ import annotations

from vve import labels

from ..builder import Builder
from ..text import date_nl, euro, euro_range, percent_of

NONE = "—"


def write(b: Builder, first: dict) -> None:
    """The paragraph and the table for the decision that orders the advice."""
    b.para(" ".join(_sentences(first)))
    b.para(" ".join(_refund_sentences(first)))
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
        f"{r['short'][:1].upper() + r['short'][1:]} kost de VvE naar schatting "
        f"{euro_range(r['cost'])}; daarvoor rekent dit plan geen subsidie."
        for r in first["research"]
        if r["cost"] is not None
    ]
    return out


def _refund_sentences(first: dict) -> list[str]:
    """When the SVVE pays back, as far as the sources say, or why the plan counts nothing."""
    applied, until = date_nl(first["application_date"]), date_nl(first["open_until"])
    reason = first["refund_reason"]
    if reason == "after_end_date":
        return [
            f"Een vergoeding van de SVVE rekent dit plan niet mee: de regeling loopt volgens "
            f"de bronnen tot {until} en in deze planning valt de aanvraag op {applied}. Kan "
            f"de aanvraag eerder, of wordt de regeling verlengd, dan komt "
            f"{percent_of(first['share'])} van het advies later terug."
        ]
    if reason != "counted":
        return [
            f"Een vergoeding van de SVVE rekent dit plan niet mee: {labels.SUBSIDY_REASON[reason]}."
        ]
    amount = f", {euro_range(first['refund'])} voor de VvE" if first["refund"] else ""
    return [
        f"De SVVE vergoedt naar verwachting {percent_of(first['share'])} van het advies"
        f"{amount}, maar pas later: in deze planning vraagt de VvE de subsidie aan op "
        f"{applied}.",
        first["refund_when"],
        f"De vergoeding is pas zeker na de beschikking van RVO; de voorwaarden in dit plan "
        f"zijn {labels.CERTAINTY[first['certainty']]}.",
    ]


def _name(c: dict) -> str:
    return f"{c['label'] or labels.RIGHT_KIND[c['kind']]} ({c['share']})"


def _known_table(b: Builder, first: dict) -> None:
    research = bool(first["research"])
    rows = [
        [
            _name(c),
            euro_range(c["advice"], True),
            *([euro_range(c["research"], True) if c["research"] else NONE] if research else []),
            euro_range(c["refund"], True) if c["refund"] else NONE,
            euro_range(c["net"], True),
        ]
        for c in first["classes"]
    ]
    headers = [
        "Breukdeel",
        "Eerst: advies en DMJOP",
        *(["Eerst: onderzoek"] if research else []),
        "Later terug (verwacht)",
        "Per saldo",
    ]
    b.table(
        headers,
        rows,
        caption="Wat dit besluit een appartement kost",
        widths=[3.6, 3.2, 3.0, 3.2, 3.0] if research else [4.4, 4.0, 4.0, 3.6],
    )


def _per_thousand_table(b: Builder, first: dict) -> None:
    research = bool(first["research"])
    per = euro(first["per_euros"])
    rows = [
        [
            _name(c),
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
        f"Later terug per {per} (verwacht)",
        *(["Eerst: onderzoek"] if research else []),
    ]
    b.table(
        headers,
        rows,
        caption="Wat dit besluit een appartement kost",
        widths=[4.0, 4.0, 4.0, 4.0] if research else [5.4, 5.3, 5.3],
    )


def _exact(cents: int | None) -> dict | None:
    if cents is None:
        return None
    return {"low_cents": cents, "typical_cents": cents, "high_cents": cents}
