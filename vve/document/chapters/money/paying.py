"""Who pays what: owners' own measures, how the VvE pays, and what one apartment pays."""

from __future__ import annotations

from vve import labels
from vve.rules.explain import nl_listing

from ...builder import Builder
from ...text import euro_cents, euro_range, month_nl, percent
from .. import financing as financing_chapter
from .fmt import AFTER_RESERVE, WEAK, source_note, weak


def private(b: Builder, money: dict, titles: dict[str, str]) -> None:
    private = [line for line in money["measures"] if line["payer"] == "owner"]
    if not private:
        return
    b.heading("Wat eigenaars zelf betalen", 2)
    b.para(
        "Deze maatregelen horen bij het eigen appartement. Wie ze neemt, betaalt ze zelf; "
        "ze worden niet naar breukdeel verdeeld."
    )
    rows, provenances = [], []
    weak_cost = any_isde = False
    for line in private:
        subsidy = line["subsidy"]
        isde = subsidy["reason"] == "owner_occupiers_only"
        weak_cost, any_isde = weak_cost or weak(line), any_isde or isde
        rows.append(
            [
                line["title"],
                euro_range(line["investment"], True) + (WEAK if weak(line) else ""),
                euro_range(subsidy["amount"], True) + WEAK if isde else "—",
            ]
        )
        if line["unit_price"]:
            provenances.append(line["unit_price"]["provenance"])
        if isde:
            provenances.append(subsidy["provenance"])
    b.table(
        ["Maatregel", "Per woning", "ISDE voor eigenaar-bewoners"],
        rows,
        caption="Kosten die eigenaars zelf dragen",
        widths=[8, 4, 4],
    )
    # the asterisk explains what it marks: a cost from a weak or old source, an ISDE amount
    marks = []
    if weak_cost:
        marks.append("Een bedrag per woning met * komt uit een zwakke of oude bron (zie de bron).")
    if any_isde:
        marks.append(
            "De ISDE-bedragen voor 2026 zijn niet gevonden; de ISDE-bedragen met * zijn ouder "
            "en indicatief; het bestuur vraagt de actuele bedragen na bij RVO."
        )
    b.note(" ".join([source_note(provenances, titles), *marks]))


def financing(b: Builder, plan: dict, money: dict) -> None:
    b.heading("Hoe de VvE het betaalt", 2)
    loan = money["loan"]
    first = first_paid(money)
    if first:
        b.para(first)
    if not money["vve"]["net"]["high_cents"]:
        b.para(
            "Zolang geen bedrag voor de maatregelen bekend is, valt over de lening nog niets "
            f"te rekenen. {financing_chapter.see_loan_conditions(plan) or ''}".rstrip()
        )
        return
    b.table(["", "Bedrag"], _financing_rows(money), caption="Financiering", widths=[11, 5])
    see = financing_chapter.see_loan_conditions(plan)
    if see:  # said in full once, in the loan's section of the chapter on financing
        b.para(see)
    if loan["reach_note"]:  # the loan against the lender's minimum (rules/money/loan_reach.py)
        b.para(loan["reach_note"])
    if loan["below_minimum"]:  # no monthly amounts for a loan below the minimum
        return
    _monthly_payments(b, loan)


def first_paid(money: dict) -> str | None:
    """The first meeting's advice and research: paid when ordered, not in the loan."""
    first = money["first_decision"]
    if first is None or first["year"] is None:
        return None
    below = (
        " en niet in de bedragen hieronder: die zijn voor de maatregelen"
        if money["vve"]["net"]["high_cents"]
        else ""
    )
    return (
        f"Het energieadvies en het onderzoek waartoe de eerste ALV in {first['year']} "
        f"besluit, betaalt de VvE dan uit het reservefonds of met een extra bijdrage (zie "
        f"dat besluit). Ze zitten niet in de lening{below}."
    )


def _financing_rows(money: dict) -> list[list[str]]:
    """The measures' net costs, what the reserve fund covers, and the loan's smallest and
    largest sum."""
    loan = money["loan"]
    counted = money["now"]["subsidy"]["high_cents"]
    label = "Netto kosten van de maatregelen"
    if money["later"]:  # work a later meeting decides is financed then (rules/money/later.py)
        label = "Netto kosten van de eerste ronde maatregelen"
    shorts = {line["id"]: line["short"] for line in money["measures"]}
    if unpriced := [shorts[m] for m in money["now"].get("unknown_cost", [])]:
        # decided now and in the loan, but without an amount until the quote
        label += f", zonder {nl_listing(unpriced)} (nog geen bedrag; komt er nog bij)"
    rows = [
        [
            label + (" (na meegetelde subsidie)" if counted else ""),
            euro_range(money["now"]["net"]),
        ]
    ]
    if money["reserve_used_cents"]:
        rows.append(["Uit het reservefonds", euro_cents(money["reserve_used_cents"])])
        rows.append(
            [
                "Door de eigenaars te betalen voor de maatregelen, in één keer of via een lening",
                euro_range(money["owners_pay"]),
            ]
        )
    rows.append(
        ["Minimaal leenbedrag VvE Energiebespaarlening", euro_cents(loan["min_amount_cents"])]
    )
    if loan["max_amount_cents"] is not None:
        rows.append(
            [
                "Maximaal leenbedrag voor dit gebouw (per woning maal het aantal woningen; "
                "de versies van de voorwaarden verschillen in het maximum per woning)",
                euro_cents(loan["max_amount_cents"]),
            ]
        )
    return rows + _later_rows(money)


def _later_rows(money: dict) -> list[list[str]]:
    """The work later meetings decide and finance, apart, so the whole picture shows."""
    lines = {line["id"]: line for line in money["measures"]}
    rows = []
    for work in money["later"]:
        shorts = [lines[m]["short"] for m in work["measures"]]
        unpriced = [lines[m]["short"] for m in work["measures"] if lines[m]["investment"] is None]
        amount = euro_range(work["net"]) if work["net"] else "nog geen bedrag"
        if work["net"] and unpriced:
            amount += f" zonder {', '.join(unpriced)}"
        rows.append(
            [
                f"Niet in deze financiering, want later apart besloten en gefinancierd "
                f"(ALV van {work['decided_in']}): {', '.join(shorts)}",
                amount,
            ]
        )
    return rows


def _monthly_payments(b: Builder, loan: dict) -> None:
    """The rate the monthly payments use, and the payments per term of the loan."""
    if loan["rate_origin"] == "quote":
        rate = percent(loan["rates"][0]["rate_percent"])
        b.para(f"De maandlasten zijn berekend met de rente uit de renteaanbieding: {rate}.")
    else:
        b.para(
            f"De maandlasten rekenen met {percent(loan['rates'][0]['rate_percent'])} "
            f"rente (zie het begin van dit hoofdstuk); de bandbreedte komt van de kosten."
        )
    rows = [
        [
            f"{t['years']} jaar" + (" (offerte)" if t["quoted"] else ""),
            euro_range(t["monthly"]),
            euro_cents(t["monthly"]["high_cents"] * 12 * t["years"]),
        ]
        for t in loan["terms"]
    ]
    b.table(
        ["Looptijd", "Maandlast voor de hele VvE", "Totaal in de looptijd (hoge kant)"],
        rows,
        caption="Maandlasten van de lening (annuïteit)",
        widths=[4, 7, 5],
    )


def apartments(b: Builder, plan: dict, money: dict) -> None:
    b.heading("Wat betaalt mijn appartement?", 2)
    apartments = money["apartments"]
    if apartments is None:
        b.para(
            "Per appartement is dit pas uit te rekenen als het aantal appartementsrechten "
            "bekend is."
        )
        return
    if not money["vve"]["net"]["high_cents"]:
        b.para(
            "Een bedrag per appartement voor de maatregelen volgt zodra de eerste bedragen "
            "bekend zijn."
        )
        return
    loan = money["loan"]
    terms = [] if loan["below_minimum"] else [t["years"] for t in loan["terms"]]
    after_reserve = money["reserve_used_cents"] > 0
    _apartments_table(b, apartments, terms, _counted(money), _saving_covers(money), after_reserve)
    b.note(" ".join(_apartments_notes(plan, apartments, terms)))


def _ours(money: dict) -> list[dict]:
    """The VvE's measures this round decides (not the work of a later meeting)."""
    later = {mid for work in money["later"] for mid in work["measures"]}
    return [m for m in money["measures"] if m["payer"] == "vve" and m["id"] not in later]


def _counted(money: dict) -> str:
    """What the amounts are for: "voor de maatregelen", or the measures they count where
    some of this round's have no amount yet (Meppel's table gave floor insulation alone),
    "de maatregel" for one."""
    ours = _ours(money)
    priced = [m["short"] for m in ours if m["investment"] is not None]
    if len(priced) == len(ours):
        return "voor de maatregelen"
    which = "de maatregel" if len(priced) == 1 else "de maatregelen"
    return f"voor {which} met een bedrag ({nl_listing(priced)})"


def _saving_covers(money: dict) -> str:
    """After "tegen de besparing": the measures the saving covers where it covers only
    some of those the costs are for."""
    ours = _ours(money)
    known = [m["short"] for m in ours if m["saving"]["euros"] is not None]
    if not known or len(known) == len(ours):
        return ""
    return f" (alleen voor {nl_listing(known)})"


def _apartments_table(
    b: Builder, apartments: dict, terms: list[int], counted: str, saving: str, after_reserve: bool
) -> None:
    """Per class of apartment right: in one go, per month for each loan term, the saving
    (``counted``: what the amounts are for, "voor de maatregelen"; ``saving``: what the
    saving covers, after the caption); ``after_reserve``: the amounts are what
    is left once the reserve fund paid its part (the costs per year give them before), said
    in the caption since it holds for every column."""
    rows = []
    for c in apartments["classes"]:
        name = c["label"] or labels.RIGHT_KIND[c["kind"]]
        each = c["saving_monthly_each"]
        rows.append(
            [
                f"{name} ({c['share']})",
                str(c["apartments"]),
                euro_range(c["one_off_each"], True),
                *(euro_range(c["monthly_each"][str(y)], True) for y in terms),
                euro_range(each, True) if each else "—",
            ]
        )
    width = round((16 - 2.9 - 1.6 - 2.5) / (len(terms) + 1), 2)
    b.table(
        [
            "Breukdeel",
            "Aantal",
            "In één keer",
            *(f"Per maand bij {y} jaar lenen" for y in terms),
            "Besparing per maand",
        ],
        rows,
        # no monthly columns while the amount lies below the lender's minimum
        caption=f"Per appartement, {counted}"
        + (f", {AFTER_RESERVE}" if after_reserve else "")
        + ": in één keer"
        + (" of per maand met een lening" if terms else "")
        + ", tegen de besparing"
        + saving,
        widths=[2.9, 1.6, 2.5, *([width] * (len(terms) + 1))],
    )


def _apartments_notes(plan: dict, apartments: dict, terms: list[int]) -> list[str]:
    """How the costs are shared, who chooses how to pay, and where the saving lands."""
    collective = plan["answers"]["installations"]["heating"] in (
        "collective_boiler",
        "block_heating",
        "heat_network",
    )
    notes = [
        f"Verdeling: {labels.SHARE_METHOD[apartments['method']]}.",
        "De ALV kiest hoe de VvE betaalt: uit het reservefonds, met een eenmalige bijdrage "
        "of met een lening. Een eigenaar kan zijn deel alleen vooraf betalen als de VvE "
        "dat regelt.",
    ]
    if not apartments["shares_add_up"]:
        notes.append(
            f"De breukdelen tellen op tot {apartments['total_share']} in plaats van 1; "
            "de kosten zijn naar verhouding verdeeld."
        )
    notes.append(
        "Alle appartementen samen betalen precies het totaal; door afronding op centen "
        "kan een appartement een cent verschillen. De besparing is een gemiddelde per "
        "woning en komt "
        + (
            "in de stookkosten van de VvE terecht."
            if collective
            else "op de eigen energierekening terecht."
        )
        + _until_heat_network(plan["money"])
    )
    rented = {g["kind"] for g in plan["answers"]["owners"]["groups"]} & {
        "private_landlords",
        "housing_corporation",
        "investor",
    }
    if rented:
        notes.append(
            "Bij een verhuurd appartement komt de besparing bij de huurder terecht; de "
            "eigenaar betaalt wel zijn deel van de kosten."
        )
    if any(c["kind"] == "commercial" for c in apartments["classes"]) and terms:
        notes.append(
            "Het maximum van de lening telt alleen woningen; of de VvE ook voor het "
            "deel van de bedrijfsruimten mag lenen, vraagt u na bij het Warmtefonds."
        )
    reserve = _reserve_note(apartments, plan["money"]["reserve"])
    if reserve:
        notes.append(reserve)
    return notes


def _until_heat_network(money: dict) -> str:
    """Where the plan connects to a heat network: the saving is valued at gas prices,
    which hold until the connection; after it the saving is in GJ at the heat network's
    tariff, which the plan has no figures for."""
    year = next(
        (
            line["year"]
            for line in money["measures"]
            if line["id"] == "heat_network_connection" and line["year"] is not None
        ),
        None,
    )
    if year is None:
        return ""
    return (
        f" Zij is gerekend met de gasprijs en geldt tot de aansluiting op het warmtenet "
        f"({year}); "
        "daarna rekent het energieadvies de besparing."
    )


def _reserve_note(apartments: dict, fund: dict) -> str | None:
    """The ordinary reserve fund contribution that goes on beside these costs, if known,
    and the raised one where the plan proposes to raise it."""
    reserve = next(
        (
            c["reserve_monthly_each_cents"]
            for c in apartments["classes"]
            if c["reserve_monthly_each_cents"] is not None
        ),
        None,
    )
    if reserve is None:
        return None
    if len(apartments["classes"]) == 1:
        text = (
            f"Daarnaast blijft de gewone bijdrage aan het reservefonds: nu "
            f"{euro_cents(reserve)} per appartement per maand."
        )
        if fund.get("raised_from") and fund["contribution_cents"]:
            raised = reserve * fund["raised_cents"] // fund["contribution_cents"]
            text += (
                f" Dit plan stelt voor de reservering te verhogen tot het wettelijk minimum: "
                f"vanaf {month_nl(fund['raised_from'])} (de maand na de ALV die erover "
                f"besluit) ongeveer {euro_cents(raised)} per appartement per maand."
            )
        return text
    if fund.get("raised_from"):
        return (
            "Daarnaast blijft ieders gewone bijdrage aan het reservefonds; dit plan stelt "
            f"voor die vanaf {month_nl(fund['raised_from'])} (de maand na de ALV die erover "
            "besluit) te verhogen tot het wettelijk minimum."
        )
    return "Daarnaast blijft ieders gewone bijdrage aan het reservefonds."
