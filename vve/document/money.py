"""The chapter "Wat kost het en wie betaalt wat", and the owners' lines on the cover.

Reads only ``plan["money"]`` (docs/plan.md, "Money"); every amount is the engine's, shown
in whole euros. Where the engine has no figure the document says so instead of guessing.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from babel.numbers import format_decimal

from vve import labels

from .builder import Builder
from .text import LOCALE, NBSP, date_nl, decimal_nl, euro_cents, euro_range, month_nl, number

MONEY_CHAPTER = "Wat kost het en wie betaalt wat"
WEAK = "*"


def _price(text: str | None) -> str:
    """A unit price: "€ 840", "€ 26,70"."""
    if text is None:
        return "onbekend"
    value = Decimal(text)
    if value == value.to_integral_value():
        return f"€{NBSP}" + decimal_nl(text, 0)
    return f"€{NBSP}" + format_decimal(value, format="#,##0.00", locale=LOCALE)


def _price_range(price: dict) -> str:
    low, high = _price(price["low"]), _price(price["high"])
    return low if low == high else f"{low} tot {high}"


def _quantity(q: dict | None) -> str:
    if q is None or q["value"] is None:
        return "onbekend"
    unit = labels.QUANTITY_UNIT.get(q["unit"], q["unit"])
    return f"{number(int(Decimal(q['value']).to_integral_value()), 0)}{NBSP}{unit}"


def _m3(r: dict | None) -> str:
    if r is None:
        return "onbekend"
    low, high = number(r["low"], 0), number(r["high"], 0)
    return f"{low}{NBSP}m³" if low == high else f"{low} tot {high}{NBSP}m³"


def _peildatum(p: dict) -> str:
    if p["undated"]:
        return "ongedateerd, gelezen begin 2026"
    return f"peildatum {date_nl(p['peildatum'])}"


def _source_note(provenances: list[dict | None], titles: dict[str, str]) -> str:
    """"Bron: A; B (zwakke bron, peildatum …)." — one date per figure, not per source."""
    seen: dict[tuple, None] = {}
    for p in provenances:
        if p is not None:
            seen.setdefault((tuple(p["sources"]), p["quality"], p["undated"], p["peildatum"]))
    parts = [f"{'; '.join(titles.get(s, s) for s in sources)} "
             f"({labels.QUALITY[quality]}, "
             f"{_peildatum({'undated': undated, 'peildatum': peildatum})})"
             for sources, quality, undated, peildatum in seen]
    return ("Bron: " + "; ".join(parts) + ".") if parts else ""


def _weak(line: dict) -> bool:
    price = line["unit_price"]
    return (line["origin"] == "default" and price is not None and line["investment"] is not None
            and price["provenance"]["quality"] == "zwak")


def cover_lines(b: Builder, plan: dict) -> None:
    """The sentences an owner reads first, on the cover page."""
    b.para("Wat kost het per appartement?", "Heading 2")
    for sentence in plan["money"]["summary"]:
        b.para(sentence)


def money_chapter(b: Builder, plan: dict) -> None:
    money = plan["money"]
    titles = {s["id"]: s["title"] for s in plan["sources"]}
    b.heading(MONEY_CHAPTER, 1)
    b.para("Alle bedragen zijn inclusief btw en afgerond op hele euro's. Een bedrag is een "
           "bandbreedte en indicatief, tenzij het uit het eigen energieadvies, het DMJOP of een "
           "offerte komt. De toelichting noemt per maatregel de hoeveelheid, de prijs, de bron "
           "en de datum waarvoor het bedrag geldt.")
    for note in money["notes"]:
        b.para(note)
    _measures_table(b, money)
    _measure_notes(b, money, titles)
    _when(b, money)
    _private(b, money, titles)
    _financing(b, plan, money)
    _apartments(b, plan, money)
    _reserve(b, plan, money)


def _measures_table(b: Builder, money: dict) -> None:
    b.heading("Kosten per maatregel", 2)
    rows = []
    for line in money["measures"]:
        if line["payer"] != "vve":
            continue
        saving = line["saving"]
        weak = WEAK if _weak(line) else ""
        rows.append([
            line["short"][:1].upper() + line["short"][1:],
            _quantity(line["quantity"]) if line["investment"] else "",
            str(line["year"]) if line["investment"] else "",
            euro_range(line["investment"], True) + weak if line["investment"] else "onbekend",
            euro_range(line["subsidy"]["amount"], True) if line["subsidy"]["counted"] else "—",
            euro_range(line["net"], True) + weak if line["net"] else "onbekend",
            euro_range(saving["euros"], True) if saving["euros"] else "onbekend"])
    advice = money["advice"]
    if advice["cost"] is not None:
        rows.append(["Energieadvies en DMJOP", "", str(advice["year"]),
                     euro_range(advice["cost"], True),
                     euro_range(advice["subsidy"]["amount"], True) + " (verwacht)"
                     if advice["subsidy"]["counted"] else "—",
                     euro_range(advice["net"], True), ""])
    for other in money["other_costs"]:
        rows.append([other["short"][:1].upper() + other["short"][1:] + " (als nodig)", "",
                     str(other["year"]), euro_range(other["cost"], True), "—",
                     euro_range(other["cost"], True), ""])
    vve = money["vve"]
    investment = _plus(vve["investment"], advice["cost"], *(o["cost"] for o in money["other_costs"]))
    subsidy = _plus(vve["subsidy"], advice["subsidy"]["amount"]
                    if advice["subsidy"]["counted"] else None)
    nothing = not vve["net_to_pay"]["high_cents"]
    rows.append(["Totaal (alleen bekende bedragen)", "", "",
                 "nog geen bedragen" if nothing else euro_range(investment, True),
                 euro_range(subsidy, True) if subsidy and subsidy["high_cents"] else "—",
                 "nog geen bedragen" if nothing else euro_range(vve["net_to_pay"], True),
                 euro_range(vve["yearly_saving"], True) if vve["yearly_saving"] else "onbekend"])
    b.table(["Maatregel", "Aantal", "Jaar", "Investering", "Subsidie", "Netto",
             "Besparing per jaar"], rows, caption="Kosten en besparing per maatregel van de VvE",
            widths=[3.5, 1.8, 1.3, 2.5, 2.0, 2.5, 2.4])
    notes = []
    if any(_weak(line) for line in money["measures"] if line["payer"] == "vve"):
        notes.append(f"{WEAK} Eén bedrag of een smalle marge uit een zwakke bron (een rekenhulp "
                     f"van een derde partij): een grove schatting.")
    shorts = {line["id"]: line["short"] for line in money["measures"]}
    missing = [shorts[m] for m in vve["unknown_cost"]] + [i["short"]
                                                         for i in money["not_included"]]
    if missing:
        notes.append("Nog niet in het totaal: " + ", ".join(missing) + ". Vul de bedragen in "
                     "uit het energieadvies of de offerte; dan rekent het plan ze mee.")
    if advice["subsidy"]["counted"] and advice["cost"]:
        notes.append(f"De subsidie voor het advies is verwacht, niet zeker: RVO beslist na de "
                     f"aanvraag, die in deze planning op "
                     f"{date_nl(advice['subsidy']['application_date'])} valt, vóór het einde van "
                     f"de regeling op {date_nl(advice['subsidy']['open_until'])}. Zonder subsidie "
                     f"kost het advies {euro_range(advice['cost'])}.")
    if money["other_costs"]:
        notes.append("Het ecologisch onderzoek is alleen nodig als geen soortenmanagementplan "
                     "van de gemeente het gebouw dekt; vraag dat na bij de gemeente.")
    if notes:
        b.note(" ".join(notes))


def _plus(*ranges: dict | None) -> dict | None:
    present = [r for r in ranges if r is not None]
    if not present:
        return None
    typical = (sum(r["typical_cents"] for r in present)
               if all(r["typical_cents"] is not None for r in present) else None)
    return {"low_cents": sum(r["low_cents"] for r in present), "typical_cents": typical,
            "high_cents": sum(r["high_cents"] for r in present)}


def _measure_notes(b: Builder, money: dict, titles: dict[str, str]) -> None:
    b.heading("Toelichting per maatregel", 3)
    vve = [line for line in money["measures"] if line["payer"] == "vve"]
    reasons = {line["subsidy"]["reason"] for line in vve if line["subsidy"]["programme"]}
    common = reasons.pop() if len(reasons) == 1 else None
    if common in ("building_too_new", "amount_not_found"):
        b.para(f"SVVE-subsidie voor de maatregelen: {labels.SUBSIDY_REASON[common]}.")
    items = []
    for line in money["measures"]:
        parts = [f"{line['title']}:"]
        provenances = []
        price, q = line["unit_price"], line["quantity"]
        if line["origin"] != "default":
            reference = f" ({line['reference']})" if line["reference"] else ""
            parts.append(f"investering {labels.COST_ORIGIN[line['origin']]}{reference}.")
        elif price is not None and line["investment"] is not None:
            quantity = ""
            if q is not None and q["value"] is not None and q["unit"] != "dwelling":
                quantity = (f"{_quantity(q)} {labels.QUANTITY_KIND.get(q['kind'], '')} "
                            f"({labels.QUANTITY_ORIGIN[q['origin']]}) × ")
            per = labels.PRICE_UNIT.get(price["unit"], "")
            parts.append(f"{quantity}{_price_range(price)} {per}: {price['includes']}.")
            if price["provenance"]["quality"] != "bron" and price["provenance"]["basis"]:
                parts.append(price["provenance"]["basis"])
            provenances.append(price["provenance"])
        for code in line["missing"]:
            parts.append(f"Nog geen bedrag: {labels.MISSING[code]}.")
            if code == "outdated_price" and price is not None:
                parts.append(f"Ter oriëntatie: {_price_range(price)} "
                             f"{labels.PRICE_UNIT.get(price['unit'], '')}; "
                             f"{price['provenance']['basis']}")
                provenances.append(price["provenance"])
        subsidy = line["subsidy"]
        if subsidy["programme"] and line["payer"] == "vve" and common is None \
                and line["investment"] is not None:
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
    for other in money["other_costs"]:
        items.append(f"{other['short'][:1].upper() + other['short'][1:]}: "
                     f"{other['includes']}. {other['provenance']['basis']} "
                     f"{_source_note([other['provenance']], titles)}")
    b.bullets(items)
    gas = money["gas_price"]
    if money["vve"]["yearly_saving"]:
        b.note(f"Het plan rekent besparingen met {_price_range(gas)} per m³ gas: "
               f"{gas['provenance']['basis']}")


def _when(b: Builder, money: dict) -> None:
    """When the VvE pays what, and what that is for an average apartment."""
    years: dict[int, list[tuple[str, dict]]] = {}
    if money["advice"]["net"] is not None:
        years.setdefault(money["advice"]["year"], []).append(
            ("energieadvies en DMJOP", money["advice"]["net"]))
    for other in money["other_costs"]:
        years.setdefault(other["year"], []).append((other["short"], other["cost"]))
    for line in money["measures"]:
        if line["payer"] == "vve" and line["net"] is not None:
            years.setdefault(line["year"], []).append((line["short"], line["net"]))
    if len(years) < 2 or money["apartments"] is None:
        return
    apartments = money["apartments"]
    cls = next((c for c in apartments["classes"] if c["kind"] == "dwelling"),
               apartments["classes"][0])
    share = Fraction(cls["share"]) / Fraction(apartments["total_share"])
    who = (f"Per {(cls['label'] or 'appartement').lower()} ({cls['share']})"
           if apartments["method"] == "table" else f"Per appartement ({cls['share']})")
    rows = []
    for year in sorted(years):
        amount = _plus(*(r for _, r in years[year]))
        each = {key: None if v is None else round(v * share) for key, v in amount.items()}
        rows.append([str(year), ", ".join(what for what, _ in years[year]),
                     euro_range(amount, True), euro_range(each, True)])
    b.heading("Wanneer welke kosten", 3)
    b.table(["Jaar", "Wat", "Netto voor de VvE", who], rows,
            caption="Kosten per jaar", widths=[1.6, 7.4, 3.6, 3.4])
    b.note("Kosten die vallen vóór de lening is afgesloten, betaalt de VvE uit het "
           "reservefonds of met een extra bijdrage; of de lening ze later meefinanciert, vraagt "
           "u na bij de geldgever.")


def _private(b: Builder, money: dict, titles: dict[str, str]) -> None:
    private = [line for line in money["measures"] if line["payer"] == "owner"]
    if not private:
        return
    b.heading("Wat eigenaars zelf betalen", 2)
    b.para("Deze maatregelen horen bij het eigen appartement. Wie ze neemt, betaalt ze zelf; "
           "ze worden niet naar breukdeel verdeeld.")
    rows, provenances = [], []
    for line in private:
        subsidy = line["subsidy"]
        isde = subsidy["reason"] == "owner_occupiers_only"
        rows.append([line["title"], euro_range(line["investment"], True)
                     + (WEAK if _weak(line) else ""),
                     euro_range(subsidy["amount"], True) + WEAK if isde else "—"])
        if line["unit_price"]:
            provenances.append(line["unit_price"]["provenance"])
        if isde:
            provenances.append(subsidy["provenance"])
    b.table(["Maatregel", "Per woning", "ISDE voor eigenaar-bewoners"], rows,
            caption="Kosten die eigenaars zelf dragen", widths=[8, 4, 4])
    b.note(_source_note(provenances, titles) + f" {WEAK} De ISDE-bedragen voor 2026 zijn niet "
           "gevonden; deze bedragen zijn ouder en indicatief. Controleer ze bij RVO.")


def _financing(b: Builder, plan: dict, money: dict) -> None:
    b.heading("Hoe de VvE het betaalt", 2)
    loan = money["loan"]
    if not money["vve"]["net_to_pay"]["high_cents"]:
        b.para("Zolang geen enkel bedrag bekend is, valt over de financiering nog niets te "
               f"rekenen. Voorwaarden van de geldgever: {loan['condition']}")
        return
    counted = money["vve"]["subsidy"]["high_cents"] or money["advice"]["subsidy"]["counted"]
    rows = [["Netto kosten voor de VvE" + (" (na meegetelde subsidie)" if counted else ""),
             euro_range(money["vve"]["net_to_pay"])]]
    if money["reserve_used_cents"]:
        rows.append(["Uit het reservefonds", euro_cents(money["reserve_used_cents"])])
        rows.append(["Door de eigenaars te betalen, in één keer of via een lening",
                     euro_range(money["owners_pay"])])
    rows.append(["Minimaal leenbedrag VvE Energiebespaarlening",
                 euro_cents(loan["min_amount_cents"])])
    if loan["max_amount_cents"] is not None:
        rows.append(["Maximaal leenbedrag voor dit gebouw (per woning maal het aantal woningen; "
                     "de versies van de voorwaarden verschillen in het maximum per woning)",
                     euro_cents(loan["max_amount_cents"])])
    b.table(["", "Bedrag"], rows, caption="Financiering", widths=[11, 5])
    b.para("De voorwaarden van de geldgever staan in het hoofdstuk 'Financiering en "
           "subsidies'.")
    if loan["below_minimum"]:
        b.para("Het bedrag is kleiner dan de minimale VvE Energiebespaarlening. Betalen uit het "
               "reservefonds of met een eenmalige bijdrage per appartement ligt dan voor de "
               "hand.")
        return
    if loan["rate_origin"] == "quote":
        rate = decimal_nl(loan["rates"][0]["rate_percent"])
        b.para(f"De maandlasten zijn berekend met de rente uit de renteaanbieding: {rate}%.")
    else:
        b.para(f"De maandlasten rekenen met {decimal_nl(loan['rates'][0]['rate_percent'])}% "
               f"rente (zie het begin van dit hoofdstuk); de bandbreedte komt van de kosten.")
    rows = [[f"{t['years']} jaar" + (" (offerte)" if t["quoted"] else ""),
             euro_range(t["monthly"]), euro_cents(t["monthly"]["high_cents"] * 12 * t["years"])]
            for t in loan["terms"]]
    b.table(["Looptijd", "Maandlast voor de hele VvE", "Totaal in de looptijd (hoge kant)"],
            rows, caption="Maandlasten van de lening (annuïteit)", widths=[4, 7, 5])


def _apartments(b: Builder, plan: dict, money: dict) -> None:
    b.heading("Wat betaalt mijn appartement?", 2)
    apartments = money["apartments"]
    if apartments is None:
        b.para("Per appartement is dit pas uit te rekenen als het aantal appartementsrechten "
               "bekend is.")
        return
    if not money["vve"]["net_to_pay"]["high_cents"]:
        b.para("Een bedrag per appartement volgt zodra de eerste bedragen bekend zijn.")
        return
    loan = money["loan"]
    terms = [] if loan["below_minimum"] else [t["years"] for t in loan["terms"]]
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
                    "besparing", widths=[2.9, 1.6, 2.5, *([width] * (len(terms) + 1))])
    collective = plan["answers"]["installations"]["heating"] in (
        "collective_boiler", "block_heating", "heat_network")
    notes = [f"Verdeling: {labels.SHARE_METHOD[apartments['method']]}.",
             "De ALV kiest hoe de VvE betaalt: uit het reservefonds, met een eenmalige bijdrage "
             "of met een lening. Een eigenaar kan zijn deel alleen vooraf betalen als de VvE "
             "dat regelt."]
    if not apartments["shares_add_up"]:
        notes.append(f"De breukdelen tellen op tot {apartments['total_share']} in plaats van 1; "
                     "de kosten zijn naar verhouding verdeeld.")
    notes.append("Alle appartementen samen betalen precies het totaal; door afronding op centen "
                 "kan een appartement een cent verschillen. De besparing is een gemiddelde per "
                 "woning en komt " + ("in de stookkosten van de VvE terecht."
                                      if collective else "op de eigen energierekening terecht."))
    rented = {g["kind"] for g in plan["answers"]["owners"]["groups"]} & {
        "private_landlords", "housing_corporation", "investor"}
    if rented:
        notes.append("Bij een verhuurd appartement komt de besparing bij de huurder terecht; de "
                     "eigenaar betaalt wel zijn deel van de kosten.")
    if any(c["kind"] == "commercial" for c in apartments["classes"]) and terms:
        notes.append("Het maximum van de lening telt alleen woningen; of de VvE ook voor het "
                     "deel van de bedrijfsruimten mag lenen, vraagt u na bij het Warmtefonds.")
    reserve = next((c["reserve_monthly_each_cents"] for c in apartments["classes"]
                    if c["reserve_monthly_each_cents"] is not None), None)
    if reserve is not None and len(apartments["classes"]) == 1:
        notes.append(f"Daarnaast blijft de gewone bijdrage aan het reservefonds: nu "
                     f"{euro_cents(reserve)} per appartement per maand.")
    elif reserve is not None:
        notes.append("Daarnaast blijft ieders gewone bijdrage aan het reservefonds.")
    b.note(" ".join(notes))


def _reserve(b: Builder, plan: dict, money: dict) -> None:
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
        contribution = reserve["contribution_cents"]
        if reserve["mjop_sets_minimum"]:
            year = plan["answers"]["money"]["maintenance_plan_year"]
            text += (f" De VvE heeft een MJOP uit {year}; zolang dat hoogstens vijf jaar oud is "
                     f"(tot en met {year + 5}), bepaalt het bedrag dat het MJOP vraagt het "
                     f"minimum.")
            if contribution is not None and reserve["meets_minimum"]:
                text += (f" De huidige reservering ({euro_cents(contribution)} per jaar) ligt boven "
                         f"de 0,5%; of zij genoeg is, staat in het MJOP.")
        elif contribution is not None:
            verdict = {True: "De huidige reservering haalt dat", False:
                       "De huidige reservering is lager en moet omhoog", None:
                       "Of de huidige reservering dat haalt, hangt af van de werkelijke "
                       "herbouwwaarde"}[reserve["meets_minimum"]]
            text += f" {verdict} ({euro_cents(contribution)} per jaar)."
        b.para(text)
    if not reserve["projection"]:
        b.para("Een verloop per jaar volgt als het saldo en de jaarlijkse reservering bekend "
               "zijn.")
        return
    unknown = {item["year"]: item["component"] for item in reserve["unknown_spending"]}
    component_words = {"roof": "dak", "window_frames": "kozijnen", "facade": "gevel",
                       "collective_boiler": "collectieve ketel"}
    with_plan = any(y["plan_cents"] for y in reserve["projection"])
    rows = []
    for y in reserve["projection"]:
        committed = _minus(y["committed_cents"]) if y["committed_cents"] else ""
        if y["year"] in unknown:
            committed = f"{component_words.get(unknown[y['year']], '')}: bedrag onbekend".strip()
        rows.append([str(y["year"]), euro_cents(y["start_cents"]),
                     euro_cents(y["contribution_cents"]), committed,
                     *([_minus(y["plan_cents"]) if y["plan_cents"] else ""]
                       if with_plan else []),
                     euro_cents(y["end_cents"])])
    headers = ["Jaar", "Begin", "Reservering", "Uitgaven MJOP",
               *(["Voor dit plan"] if with_plan else []), "Eind"]
    widths = [1.6, 2.9, 2.8, 3.0, 2.8, 2.9] if with_plan else [1.8, 3.4, 3.2, 4.2, 3.4]
    caption = ("Verloop van het reservefonds met de huidige reservering en alleen de ingevulde "
               "MJOP-uitgaven")
    b.table(headers, rows, caption=caption, widths=widths)
    first = reserve["projection"][0]
    note = (f"Het eerste jaar telt alleen de reservering voor de rest van {first['year']}. "
            f"Uitgaven MJOP: alleen wat het bestuur uit het MJOP invulde; ander onderhoud "
            f"ontbreekt, dus het verloop is te gunstig zolang niet alle uitgaven zijn ingevuld.")
    b.note(note)


def _minus(amount_cents: int) -> str:
    return "\u2212" + euro_cents(amount_cents)   # a real minus sign


def oldest_price(money: dict) -> str | None:
    """The oldest date a money figure in this plan holds for (undated sources left out)."""
    dates = []

    def walk(value):
        if isinstance(value, dict):
            if "quality" in value and "undated" in value and not value["undated"]:
                dates.append(value["peildatum"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    walk(money)
    return month_nl(min(dates)) if dates else None


def money_assumptions(plan: dict) -> list[str]:
    """The money assumptions for the appendix of assumptions."""
    money = plan["money"]
    out = []
    apartments = money["apartments"]
    if apartments is not None and apartments["method"] == "assumed_equal":
        out.append("Gelijke breukdelen voor alle appartementsrechten, omdat de breukdelen nog "
                   "niet zijn ingevuld.")
    if any(item and item["origin"] in ("reference", "reference_other_type")
           for item in money["quantities"]["items"]):
        out.append(f"Oppervlakken van gevel en glas van een RVO-referentiewoning "
                   f"({money['quantities']['reference_dwelling']['label']}).")
    if money["gas_use"]["origin"] == "average_household":
        out.append("Gasverbruik: het landelijk gemiddelde van alle huishoudens (appartementen "
                   "gebruiken meestal minder).")
    if money["loan"]["rate_origin"] == "reference":
        out.append("De rente van de lening: twee eerdere rentes, omdat de actuele niet bekend "
                   "is.")
    if money["vve"]["yearly_saving"]:
        out.append(f"Besparingen gewaardeerd tegen {_price_range(money['gas_price'])} per m³ "
                   f"gas.")
    out.append("Geen post onvoorzien: geen bron geeft een percentage; voeg er een toe als de "
               "VvE dat wil.")
    return out
