"""The costs per measure: the table, the notes behind each figure, and when they fall."""

from __future__ import annotations

from vve import labels

from ...builder import Builder
from ...text import date_nl, euro_cents, euro_range, price_range
from .fmt import AFTER_RESERVE, BEFORE_RESERVE, WEAK, m3, plus, quantity, source_note, weak

# each line and the total are rounded on their own (the total from the exact sum)
ROUNDED = "Een totaal kan door afronding € 1 afwijken van de som van de regels."


def measures_table(b: Builder, money: dict) -> None:
    b.heading("Kosten per maatregel", 2)
    rows = [_measure_row(line) for line in money["measures"] if line["payer"] == "vve"]
    advice = money["advice"]
    if advice["cost"] is not None:
        rows.append(
            [
                "Energieadvies en DMJOP",
                "",
                str(advice["year"]),
                euro_range(advice["cost"], True),
                euro_range(advice["subsidy"]["amount"], True) + " (verwacht)"
                if advice["subsidy"]["counted"]
                else "—",
                euro_range(advice["net"], True),
                "",
            ]
        )
    for other in money["other_costs"]:
        rows.append(
            [
                other["short"][:1].upper() + other["short"][1:] + " (als nodig)",
                "",
                str(other["year"]),
                euro_range(other["cost"], True),
                "—",
                euro_range(other["cost"], True),
                "",
            ]
        )
    rows.append(_total_row(money))
    b.table(
        ["Maatregel", "Aantal", "Jaar", "Investering", "Subsidie", "Netto", "Besparing per jaar"],
        rows,
        caption="Kosten en besparing per maatregel van de VvE",
        widths=[3.5, 1.8, 1.3, 2.5, 2.2, 2.5, 2.2],
    )
    notes = [*_table_notes(money), ROUNDED]
    b.note(" ".join(notes))


def _measure_row(line: dict) -> list[str]:
    saving = line["saving"]
    mark = WEAK if weak(line) else ""
    return [
        line["short"][:1].upper() + line["short"][1:],
        quantity(line["quantity"]) if line["investment"] else "",
        str(line["year"]) if line["investment"] else "",
        euro_range(line["investment"], True) + mark if line["investment"] else "onbekend",
        euro_range(line["subsidy"]["amount"], True) if line["subsidy"]["counted"] else "—",
        euro_range(line["net"], True) + mark if line["net"] else "onbekend",
        euro_range(saving["euros"], True) if saving["euros"] else "onbekend",
    ]


def _total_row(money: dict) -> list[str]:
    """The known amounts added up, the energy advice and the other costs included."""
    vve, advice = money["vve"], money["advice"]
    investment = plus(vve["investment"], advice["cost"], *(o["cost"] for o in money["other_costs"]))
    subsidy = plus(
        vve["subsidy"], advice["subsidy"]["amount"] if advice["subsidy"]["counted"] else None
    )
    nothing = not vve["net_to_pay"]["high_cents"]
    return [
        "Totaal (alleen bekende bedragen)",
        "",
        "",
        "nog geen bedragen" if nothing else euro_range(investment, True),
        euro_range(subsidy, True) if subsidy and subsidy["high_cents"] else "—",
        "nog geen bedragen" if nothing else euro_range(vve["net_to_pay"], True),
        euro_range(vve["yearly_saving"], True) if vve["yearly_saving"] else "onbekend",
    ]


def _table_notes(money: dict) -> list[str]:
    """What the table's figures leave out or rest on, in the note below it."""
    advice = money["advice"]
    notes = []
    if any(weak(line) for line in money["measures"] if line["payer"] == "vve"):
        notes.append(
            f"{WEAK} Eén bedrag of een smalle marge uit een zwakke bron (een rekenhulp "
            f"van een derde partij): een grove schatting."
        )
    shorts = {line["id"]: line["short"] for line in money["measures"]}
    missing = [shorts[m] for m in money["vve"]["unknown_cost"]] + [
        i["short"] for i in money["not_included"]
    ]
    if missing:
        notes.append(
            "Nog niet in het totaal: " + ", ".join(missing) + ". Het bestuur neemt de "
            "bedragen uit het energieadvies en de offertes over in de volgende versie van "
            "dit plan."
        )
    if advice["subsidy"]["counted"] and advice["cost"]:
        notes.append(
            f"De subsidie voor het advies is verwacht, niet zeker: RVO beslist na de "
            f"aanvraag, die in deze planning op "
            f"{date_nl(advice['subsidy']['application_date'])} valt, vóór het einde van "
            f"de regeling (uiterlijk {date_nl(advice['subsidy']['open_until'])}). Zonder subsidie "
            f"kost het advies {euro_range(advice['cost'])}."
        )
    if money["other_costs"]:
        notes.append(
            "Het ecologisch onderzoek is alleen nodig als geen soortenmanagementplan "
            "van de gemeente het gebouw dekt; vraag dat na bij de gemeente."
        )
    return notes


def measure_notes(b: Builder, money: dict, titles: dict[str, str]) -> None:
    b.heading("Toelichting per maatregel", 3)
    common = _common_subsidy_reason(money)
    if common in ("building_too_new", "amount_not_found"):
        b.para(f"SVVE-subsidie voor de maatregelen: {labels.SUBSIDY_REASON[common]}.")
    items = [_measure_note(line, common, titles) for line in money["measures"]]
    items += [_other_cost_note(other, titles) for other in money["other_costs"]]
    b.bullets(items)
    gas = money["gas_price"]
    if money["vve"]["yearly_saving"]:
        b.note(
            f"Het plan rekent besparingen met {price_range(gas)} per m³ gas: "
            f"{gas['provenance']['basis']}"
        )


def _common_subsidy_reason(money: dict) -> str | None:
    """The one subsidy reason all the VvE's measures with a programme share, if they do."""
    reasons = {
        line["subsidy"]["reason"]
        for line in money["measures"]
        if line["payer"] == "vve" and line["subsidy"]["programme"]
    }
    return reasons.pop() if len(reasons) == 1 else None


# a part of a measure's note: its sentences and the provenances of the figures they name
_Said = tuple[list[str], list[dict]]


def _measure_note(line: dict, common: str | None, titles: dict[str, str]) -> str:
    """One measure's bullet: what its investment rests on, which amounts are missing, its
    subsidy (unless said once for all), its saving, and the sources of those figures."""
    said = [
        _investment_basis(line),
        _missing_amounts(line),
        _subsidy_reason(line, common),
        _saving_basis(line),
    ]
    provenances = [p for _sentences, figures in said for p in figures]
    parts = [
        f"{line['title']}:",
        *(s for sentences, _figures in said for s in sentences),
        source_note(provenances, titles),
    ]
    parts = [p for p in parts if p]
    if len(parts) > 1:  # after "Title:" the sentence goes on in lower case
        parts[1] = parts[1][:1].lower() + parts[1][1:]
    return " ".join(parts)


def _investment_basis(line: dict) -> _Said:
    """Where the investment comes from: the VvE's own figure, or quantity times unit price."""
    price, q = line["unit_price"], line["quantity"]
    if line["origin"] != "default":
        reference = f" ({line['reference']})" if line["reference"] else ""
        return [f"investering {labels.COST_ORIGIN[line['origin']]}{reference}."], []
    if price is None or line["investment"] is None:
        return [], []
    amount = ""
    if q is not None and q["value"] is not None and q["unit"] != "dwelling":
        amount = (
            f"{quantity(q)} {labels.QUANTITY_KIND.get(q['kind'], '')} "
            f"({labels.QUANTITY_ORIGIN[q['origin']]}) × "
        )
    per = labels.PRICE_UNIT.get(price["unit"], "")
    sentences = [f"{amount}{price_range(price)} {per}: {price['includes']}."]
    if price["provenance"]["quality"] != "bron" and price["provenance"]["basis"]:
        sentences.append(price["provenance"]["basis"])
    return sentences, [price["provenance"]]


def _missing_amounts(line: dict) -> _Said:
    """Why there is no amount yet; for an outdated price, that price for orientation."""
    price = line["unit_price"]
    sentences, provenances = [], []
    for code in line["missing"]:
        sentences.append(f"Nog geen bedrag: {labels.MISSING[code]}.")
        if code == "outdated_price" and price is not None:
            basis = price["provenance"]["basis"]  # a sentence of its own: lower-cased here
            sentences.append(
                f"Ter oriëntatie: {price_range(price)} "
                f"{labels.PRICE_UNIT.get(price['unit'], '')}; "
                f"{basis[:1].lower()}{basis[1:]}"
            )
            provenances.append(price["provenance"])
    return sentences, provenances


def _subsidy_reason(line: dict, common: str | None) -> _Said:
    """The measure's own subsidy reason, when the reasons differ between measures."""
    subsidy = line["subsidy"]
    if (
        subsidy["programme"]
        and line["payer"] == "vve"
        and common is None
        and line["investment"] is not None
    ):
        return [f"Subsidie: {labels.SUBSIDY_REASON[subsidy['reason']]}."], []
    return [], []


def _saving_basis(line: dict) -> _Said:
    """The gas the measure saves, and why a saving in euros is missing when it is."""
    saving = line["saving"]
    if saving["euros"] is not None and saving["origin"] == "default":
        return [f"Besparing {m3(saving['m3'])} gas per jaar."], [saving["provenance"]]
    if saving["reason"] == "extra_electricity_unknown" and saving["m3"]:
        return [
            f"Bespaart {m3(saving['m3'])} gas per jaar"
            f"{' per woning' if line['payer'] == 'owner' else ''}; daar staat extra "
            f"stroom tegenover die geen bron geeft, dus de besparing in euro's "
            f"volgt uit het energieadvies."
        ], [saving["provenance"]]
    return [], []


def _other_cost_note(other: dict, titles: dict[str, str]) -> str:
    return (
        f"{other['short'][:1].upper() + other['short'][1:]}: "
        f"{other['includes']}. {other['provenance']['basis']} "
        f"{source_note([other['provenance']], titles)}"
    )


def when(b: Builder, money: dict, with_loan: bool, see_refund: str | None = None) -> None:
    """When the VvE pays what, and what that is for the plan's reference apartment;
    ``see_refund`` points to where the SVVE refund's timing is said in full."""
    what: dict[int, list[str]] = {}
    if money["advice"]["net"] is not None:
        what.setdefault(money["advice"]["year"], []).append("energieadvies en DMJOP")
    for other in money["other_costs"]:
        what.setdefault(other["year"], []).append(other["short"])
    for line in money["measures"]:
        if line["payer"] == "vve" and line["net"] is not None:
            what.setdefault(line["year"], []).append(line["short"])
    reference = money["reference_apartment"]
    if len(money["per_year"]) < 2 or reference is None:
        return
    who = f"Per {reference['label']} ({reference['share']})"
    first = money["first_decision"]
    first_cells = _first_year_cells(first, reference["share"])
    rows = [
        [
            str(y["year"]),
            ", ".join(what.get(y["year"], [])),
            *(
                first_cells
                if first_cells and y["year"] == first["year"]
                else (euro_range(y["net"], True), euro_range(y["per_apartment"], True))
            ),
        ]
        for y in money["per_year"]
    ]
    reserve = money["reserve_used_cents"]
    if reserve:  # the cover and the apartment table give what is left after it
        who += f", {BEFORE_RESERVE}"
    b.heading("Wanneer welke kosten", 3)
    b.table(
        ["Jaar", "Wat", "Voor de VvE", who],
        rows,
        caption="Kosten per jaar",
        widths=[1.6, 7.4, 3.6, 3.4],
    )
    if reserve:
        b.note(
            f"Van de maatregelen betaalt de VvE {euro_cents(reserve)} uit het reservefonds. "
            f"Wat een appartement daarna zelf betaalt ({AFTER_RESERVE}), staat in "
            f"'Wat betaalt mijn appartement?' en in de samenvatting."
        )
    if with_loan and first is not None and first["year"] in what:
        # said in full at the first decision (decision_costs.py), here only referred to
        later = ""
        if first_cells and first.get("refund_when"):
            later = (
                f" De SVVE-vergoeding komt later ({see_refund})."
                if see_refund
                else f" De SVVE-vergoeding komt later: {_lower(first['refund_when'])}"
            )
        b.note(
            f"Het advies en het onderzoek ({first['year']}) betaalt de VvE uit het "
            f"reservefonds of met een extra bijdrage, als de eerste ALV ze laat doen; de "
            f"lening is alleen voor de maatregelen.{later}"
        )


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _span(low: int, high: int) -> str:
    return euro_range({"low_cents": low, "high_cents": high}, True)


def _first_year_cells(first: dict | None, share: str) -> tuple[str, str] | None:
    """The first meeting's year for the VvE and the reference apartment: the outlay then
    (from the advice alone where the research is needed only under a condition), the SVVE
    refund expected later (its date unknown), and per saldo, as on the cover. None where the
    advice's amount or its refund is not known: the row keeps the year's net."""
    if first is None or first["advice"] is None or first["refund"] is None:
        return None
    c = next((c for c in first["classes"] if c["share"] == share), None)
    if c is None or c["refund"] is None or c["net"] is None:
        return None
    advice, refund = first["advice"], first["refund"]
    sure = [r for r in first["research"] if not r["if_needed"]]
    low = advice["low_cents"] + sum(r["cost"]["low_cents"] for r in sure)
    high = advice["high_cents"] + sum(r["cost"]["high_cents"] for r in first["research"])
    conditional = any(r["if_needed"] for r in first["research"])
    if conditional and c.get("net_without_research") is None:
        return None
    own = c["advice"]["low_cents"] if conditional else (c["first"] or c["advice"])["low_cents"]
    own_net = (c["net_without_research"] if conditional else c["net"])["low_cents"]

    def cell(outlay: str, back: dict, net: str) -> str:
        return (
            f"uitgaven {outlay}; later naar verwachting terug {euro_range(back, True)}; "
            f"per saldo {net}"
        )

    return (
        cell(
            _span(low, high),
            refund,
            _span(low - refund["high_cents"], high - refund["low_cents"]),
        ),
        cell(
            _span(own, (c["first"] or c["advice"])["high_cents"]),
            c["refund"],
            _span(own_net, c["net"]["high_cents"]),
        ),
    )
