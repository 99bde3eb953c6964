"""The chapter "Wat kost het en wie betaalt wat", and the owners' lines on the cover.

Reads only ``plan["money"]`` (docs/plan.md, "Money"); every amount is the engine's, shown
in whole euros. Where the engine has no figure the document says so instead of guessing.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from vve import labels

from .builder import Builder
from .text import LOCALE, date_nl, decimal_nl, euro_cents, euro_range, number

MONEY_CHAPTER = "Wat kost het en wie betaalt wat"


def _price(text: str | None) -> str:
    """A unit price: "€ 840", "€ 26,70"."""
    if text is None:
        return "onbekend"
    value = Decimal(text)
    if value == value.to_integral_value():
        return "€ " + decimal_nl(text, 0)
    return "€ " + format_decimal(value, format="#,##0.00", locale=LOCALE)


def _price_range(price: dict) -> str:
    low, high = _price(price["low"]), _price(price["high"])
    return low if low == high else f"{low} tot {high}"


def _quantity(q: dict | None) -> str:
    if q is None or q["value"] is None:
        return "onbekend"
    unit = labels.QUANTITY_UNIT.get(q["unit"], q["unit"])
    value = Decimal(q["value"])
    return f"{number(int(value.to_integral_value()), 0)} {unit}"


def _m3(r: dict | None) -> str:
    if r is None:
        return "onbekend"
    low, high = number(r["low"], 0), number(r["high"], 0)
    return f"{low} m³" if low == high else f"{low} tot {high} m³"


def _peildatum(p: dict | None) -> str:
    if p is None:
        return ""
    if p["undated"]:
        return "ongedateerde bron, gelezen begin 2026"
    return f"peildatum {date_nl(p['peildatum'])}"


def cover_lines(b: Builder, plan: dict) -> None:
    """The sentences an owner reads first, on the cover page."""
    b.para("Wat kost het per appartement?", "Heading 2").paragraph_format \
        .keep_with_next = True
    for sentence in plan["money"]["summary"]:
        b.para(sentence)


def money_chapter(b: Builder, plan: dict) -> None:
    money = plan["money"]
    titles = {s["id"]: s["title"] for s in plan["sources"]}
    b.heading(MONEY_CHAPTER, 1)
    b.para("Alle bedragen zijn inclusief btw en afgerond op hele euro's. Een bedrag is een "
           "bandbreedte en indicatief, tenzij het uit het eigen energieadvies, het DMJOP of een "
           "offerte komt; de toelichting onder de tabel noemt per maatregel de hoeveelheid, de "
           "prijs, de bron en de peildatum.")
    _measures_table(b, money)
    _measure_notes(b, money, titles)
    _private(b, money)
    _financing(b, money, titles)
    _apartments(b, money)
    _reserve(b, money)


def _measures_table(b: Builder, money: dict) -> None:
    b.heading("Kosten per maatregel", 2)
    rows = []
    for line in money["measures"]:
        if line["payer"] != "vve":
            continue
        saving = line["saving"]
        rows.append([
            line["title"], _quantity(line["quantity"]), euro_range(line["investment"], True),
            euro_range(line["subsidy"]["amount"], True) if line["subsidy"]["counted"] else "—",
            euro_range(line["net"], True),
            euro_range(saving["euros"], True) if saving["euros"] else "onbekend"])
    advice = money["advice"]
    if advice["cost"] is not None:
        rows.append(["Energieadvies en DMJOP", "", euro_range(advice["cost"], True),
                     euro_range(advice["subsidy"]["amount"], True)
                     if advice["subsidy"]["counted"] else "—",
                     euro_range(advice["net"], True), ""])
    vve = money["vve"]
    rows.append(["Totaal (alleen bekende bedragen)", "",
                 euro_range(_plus(vve["investment"], advice["cost"]), True),
                 euro_range(_plus(vve["subsidy"], advice["subsidy"]["amount"]
                                  if advice["subsidy"]["counted"] else None), True),
                 euro_range(vve["net_to_pay"], True),
                 euro_range(vve["yearly_saving"], True) if vve["yearly_saving"] else "onbekend"])
    b.table(["Maatregel", "Hoeveelheid", "Investering", "Subsidie", "Netto",
             "Besparing per jaar"], rows, caption="Kosten en besparing per maatregel van de VvE",
            widths=[4.4, 2.0, 2.5, 2.1, 2.5, 2.5])
    if vve["unknown_cost"]:
        shorts = {line["id"]: line["short"] for line in money["measures"]}
        b.note("Nog niet in het totaal: " + ", ".join(shorts[m] for m in vve["unknown_cost"])
               + ". Vul de bedragen in uit het energieadvies of de offerte; dan rekent het plan "
                 "ze mee.")


def _plus(a: dict | None, b: dict | None) -> dict | None:
    if a is None:
        return b
    if b is None:
        return a
    typical = (a["typical_cents"] + b["typical_cents"]
               if a["typical_cents"] is not None and b["typical_cents"] is not None else None)
    return {"low_cents": a["low_cents"] + b["low_cents"], "typical_cents": typical,
            "high_cents": a["high_cents"] + b["high_cents"]}


def _source_note(provenances: list[dict | None], titles: dict[str, str]) -> str:
    seen: dict[str, str] = {}
    for p in provenances:
        if p is None:
            continue
        for sid in p["sources"]:
            seen.setdefault(sid, f"{titles.get(sid, sid)} ({labels.QUALITY[p['quality']]}, "
                                 f"{_peildatum(p)})")
    return "Bron: " + "; ".join(seen.values()) + "." if seen else ""


def _measure_notes(b: Builder, money: dict, titles: dict[str, str]) -> None:
    b.heading("Toelichting per maatregel", 3)
    gas = money["gas_price"]
    vve = [line for line in money["measures"] if line["payer"] == "vve"]
    reasons = {line["subsidy"]["reason"] for line in vve if line["subsidy"]["programme"]}
    common = reasons.pop() if len(reasons) == 1 else None
    if common in ("after_end_date", "building_too_new", "amount_not_found"):
        until = next((line["subsidy"]["open_until"] for line in vve), None)
        text = f"SVVE-subsidie voor de maatregelen: {labels.SUBSIDY_REASON[common]}"
        if common == "after_end_date" and until:
            text += f" van {date_nl(until)}; zie de risico's"
        b.para(text + ".")
    items = []
    for line in money["measures"]:
        parts = [f"{line['title']}:"]
        provenances = []
        if line["origin"] != "default":
            reference = f" ({line['reference']})" if line["reference"] else ""
            parts.append(f"investering {labels.COST_ORIGIN[line['origin']]}{reference}.")
        elif line["unit_price"] is not None:
            price, q = line["unit_price"], line["quantity"]
            quantity = ""
            if q is not None and q["value"] is not None and q["unit"] != "dwelling":
                quantity = (f"{_quantity(q)} {labels.QUANTITY_KIND.get(q['kind'], '')} "
                            f"({labels.QUANTITY_ORIGIN[q['origin']]}) × ")
            parts.append(f"{quantity}{_price_range(price)} "
                         f"{labels.PRICE_UNIT.get(price['unit'], '')} ({price['includes']}).")
            if price["provenance"]["quality"] != "bron" and price["provenance"]["basis"]:
                parts.append(price["provenance"]["basis"])
            provenances.append(price["provenance"])
        for code in line["missing"]:
            parts.append(f"Bedrag nog onbekend: {labels.MISSING[code]}; vul het in uit het "
                         f"energieadvies of de offerte.")
        subsidy = line["subsidy"]
        if subsidy["programme"] and line["payer"] == "vve" and common is None:
            parts.append(f"Subsidie: {labels.SUBSIDY_REASON[subsidy['reason']]}.")
        saving = line["saving"]
        if saving["euros"] is not None and saving["origin"] == "default":
            parts.append(f"Besparing {_m3(saving['m3'])} gas per jaar.")
            provenances.append(saving["provenance"])
        elif saving["reason"] == "extra_electricity_unknown" and saving["m3"]:
            parts.append(f"Bespaart {_m3(saving['m3'])} gas per jaar"
                         f"{' per woning' if line['payer'] == 'owner' else ''}; daar staat extra "
                         f"stroom tegenover die geen bron geeft, dus de besparing in euro's "
                         f"volgt uit het energieadvies.")
            provenances.append(saving["provenance"])
        parts.append(_source_note(provenances, titles))
        parts = [p for p in parts if p]
        if len(parts) > 1:   # after "Title:" the sentence goes on in lower case
            parts[1] = parts[1][:1].lower() + parts[1][1:]
        items.append(" ".join(parts))
    b.bullets(items)
    b.note(f"Besparingen zijn gewaardeerd tegen {_price_range(gas)} per m³ gas. "
           f"{gas['provenance']['basis']}")


def _private(b: Builder, money: dict) -> None:
    private = [line for line in money["measures"] if line["payer"] == "owner"]
    if not private:
        return
    b.heading("Wat eigenaars zelf betalen", 2)
    b.para("Deze maatregelen horen bij het eigen appartement. Iedere eigenaar betaalt ze zelf; "
           "ze worden niet naar breukdeel verdeeld.")
    rows = []
    for line in private:
        subsidy = line["subsidy"]
        rows.append([line["title"], euro_range(line["investment"], True),
                     euro_range(subsidy["amount"], True)
                     if subsidy["reason"] == "owner_occupiers_only" else "—"])
    b.table(["Maatregel", "Per woning", "ISDE voor eigenaar-bewoners"], rows,
            caption="Kosten die eigenaars zelf dragen", widths=[8, 4, 4])


def _financing(b: Builder, money: dict, titles: dict[str, str]) -> None:
    b.heading("Hoe de VvE het betaalt", 2)
    loan = money["loan"]
    rows = [["Netto kosten voor de VvE (na meegetelde subsidie)",
             euro_range(money["vve"]["net_to_pay"])]]
    if money["reserve_used_cents"]:
        rows.append(["Uit het reservefonds", euro_cents(money["reserve_used_cents"])])
    rows.append(["Door de eigenaars te betalen, in één keer of via een lening",
                 euro_range(money["owners_pay"])])
    rows.append(["Minimaal leenbedrag VvE Energiebespaarlening",
                 euro_cents(loan["min_amount_cents"])])
    if loan["max_amount_cents"] is not None:
        rows.append(["Maximaal leenbedrag voor dit gebouw (per woning maal het aantal woningen)",
                     euro_cents(loan["max_amount_cents"])])
    b.table(["", "Bedrag"], rows, caption="Financiering", widths=[11, 5])
    if loan["below_minimum"]:
        b.para("Het bedrag is kleiner dan de minimale VvE Energiebespaarlening. Betalen uit het "
               "reservefonds of met een eigen bijdrage per appartement ligt dan meer voor de "
               "hand; de maandlasten hieronder zijn alleen ter vergelijking.")
    if loan["rate_origin"] == "quote":
        rate = decimal_nl(loan["rates"][0]["rate_percent"])
        b.para(f"De maandlasten zijn berekend met de rente uit de renteaanbieding: {rate}%.")
    else:
        points = " en ".join(r["label"] for r in loan["rates"])
        b.para("De actuele rente van de VvE Energiebespaarlening is in geen bron gevonden; de "
               "geldgever noemt de rente pas als de VvE de besluitvergadering bijeenroept. De "
               f"maandlasten zijn daarom berekend met twee eerdere rentes: {points} (bronnen in "
               "bijlage B). De lage kant hoort bij de laagste rente en kosten, de hoge kant bij "
               "de hoogste.")
    rows = [[f"{t['years']} jaar" + (" (offerte)" if t["quoted"] else ""),
             euro_range(t["monthly"]), euro_cents(t["monthly"]["high_cents"] * 12 * t["years"])]
            for t in loan["terms"]]
    b.table(["Looptijd", "Maandlast voor de hele VvE", "Totaal in de looptijd (hoge kant)"],
            rows,
            caption="Maandlasten van de lening (annuïteit)", widths=[4, 7, 5])


def _apartments(b: Builder, money: dict) -> None:
    b.heading("Wat betaalt mijn appartement?", 2)
    apartments = money["apartments"]
    if apartments is None:
        b.para("Per appartement is dit pas uit te rekenen als het aantal appartementsrechten "
               "bekend is.")
        return
    terms = [t["years"] for t in money["loan"]["terms"]]
    rows = []
    for c in apartments["classes"]:
        name = c["label"] or labels.RIGHT_KIND[c["kind"]]
        saving = c["saving_monthly_each"]
        rows.append([f"{name} ({c['share']})", str(c["apartments"]),
                     euro_range(c["one_off_each"], True),
                     *(euro_range(c["monthly_each"][str(y)], True) for y in terms),
                     euro_range(saving, True) if saving else "—"])
    width = round((16 - 2.9 - 1.6 - 2.5) / (len(terms) + 1), 2)
    b.table(["Breukdeel", "Aantal", "In één keer",
             *(f"Per maand bij {y} jaar lenen" for y in terms), "Besparing per maand"], rows,
            caption="Per appartement: in één keer of per maand met een lening, tegen de "
                    "besparing",
            widths=[2.9, 1.6, 2.5, *([width] * (len(terms) + 1))])
    notes = [f"Verdeling: {labels.SHARE_METHOD[apartments['method']]}."]
    if not apartments["shares_add_up"]:
        notes.append(f"De breukdelen tellen op tot {apartments['total_share']} in plaats van 1; "
                     "de kosten zijn naar verhouding verdeeld.")
    notes.append("Alle appartementen samen betalen precies het totaal; door afronding op centen "
                 "kan een appartement een cent verschillen. De besparing is een gemiddelde per "
                 "woning en komt bij de eigen energierekening terecht.")
    reserve = next((c["reserve_monthly_each_cents"] for c in apartments["classes"]
                    if c["reserve_monthly_each_cents"] is not None), None)
    if reserve is not None and len(apartments["classes"]) == 1:
        notes.append(f"Daarnaast blijft de gewone bijdrage aan het reservefonds: nu "
                     f"{euro_cents(reserve)} per appartement per maand.")
    elif reserve is not None:
        notes.append("Daarnaast blijft ieders gewone bijdrage aan het reservefonds.")
    b.note(" ".join(notes))


def _reserve(b: Builder, money: dict) -> None:
    reserve = money["reserve"]
    b.heading("Het reservefonds", 2)
    minimum = reserve["minimum"]
    if minimum is None:
        b.para("De wettelijke minimale reservering is niet uit te rekenen: vul de herbouwwaarde "
               "in (die staat op de opstalpolis) of de bruto inhoud van het gebouw.")
    else:
        basis = ("0,5% van de herbouwwaarde" if reserve["minimum_basis"] == "rebuild_value"
                 else "0,5% van een geschatte herbouwwaarde (bruto inhoud maal de prijs per m³ "
                      "van de herbouwwaardemeter 2022; de bouwkosten zijn sindsdien gestegen)")
        text = f"Zonder geldig MJOP is de wettelijke minimale reservering {basis}: " \
               f"{euro_range(minimum)} per jaar."
        if reserve["mjop_sets_minimum"]:
            text += (" De VvE heeft een MJOP van hoogstens vijf jaar oud; dan bepaalt het bedrag "
                     "dat dat MJOP vraagt het minimum.")
        if reserve["contribution_cents"] is not None:
            verdict = {True: "Dat haalt de huidige reservering", False:
                       "De huidige reservering is lager", None:
                       "Of de huidige reservering dat haalt, hangt af van de werkelijke "
                       "herbouwwaarde"}[reserve["meets_minimum"]]
            text += f" {verdict} ({euro_cents(reserve['contribution_cents'])} per jaar)."
        b.para(text)
    if not reserve["projection"]:
        b.para("Een verloop per jaar volgt als het saldo en de jaarlijkse reservering bekend "
               "zijn.")
        return
    with_plan = any(y["plan_cents"] for y in reserve["projection"])
    rows = [[str(y["year"]), euro_cents(y["start_cents"]), euro_cents(y["contribution_cents"]),
             euro_cents(-y["committed_cents"]) if y["committed_cents"] else "",
             *([euro_cents(-y["plan_cents"]) if y["plan_cents"] else ""] if with_plan else []),
             euro_cents(y["end_cents"])]
            for y in reserve["projection"]]
    headers = ["Jaar", "Begin", "Reservering", "Uitgaven MJOP",
               *(["Voor dit plan"] if with_plan else []), "Eind"]
    widths = [1.6, 2.9, 2.8, 3.0, 2.8, 2.9] if with_plan else [1.8, 3.6, 3.4, 3.6, 3.6]
    b.table(headers, rows, caption="Verloop van het reservefonds", widths=widths)
    first = reserve["projection"][0]
    b.note(f"Het eerste jaar telt alleen de reservering voor de rest van {first['year']}. "
           "Uitgaven MJOP: wat het bestuur uit het MJOP invulde; het plan kent de andere "
           "onderhoudsuitgaven niet.")
