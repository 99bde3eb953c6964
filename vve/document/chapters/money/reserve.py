"""The reserve fund: the legal minimum and the projection year by year."""

from __future__ import annotations

import datetime as dt

from ...builder import Builder
from ...text import euro_cents, euro_range, month_nl, percent_of
from .fmt import minus


def reserve(b: Builder, plan: dict, money: dict) -> None:
    reserve = money["reserve"]
    b.heading("Het reservefonds", 2)
    law = next((f for f in plan["financing"] if f["id"] == "reserve_minimum"), None)
    if law is not None:  # the legal rule once, here beside the figures
        b.para(law["explanation"]["text"])
    b.para(_minimum_text(plan, reserve))
    if not reserve["projection"]:
        b.para("Een verloop per jaar volgt als het saldo en de jaarlijkse reservering bekend zijn.")
        return
    _projection(b, reserve, plan["answers"]["money"]["maintenance_plan"] == "none")


def _minimum_text(plan: dict, reserve: dict) -> str:
    """The legal minimum, what it is based on, and whether the current contribution meets it."""
    minimum = reserve["minimum"]
    if minimum is None:
        return (
            "De wettelijke minimale reservering is nog niet uit te rekenen, omdat de "
            "herbouwwaarde onbekend is. Het bestuur neemt de herbouwwaarde van de opstalpolis "
            "over in de volgende versie van dit plan. Zonder herbouwwaarde schat het plan de "
            "reservering uit de bruto inhoud van het gebouw, als die bekend is; dat is een "
            "schatting, geen wettelijke grondslag."
        )
    share = percent_of(reserve["min_share_of_rebuild_value"])
    if reserve["minimum_basis"] == "rebuild_value":
        basis = f"{share} van de herbouwwaarde"
    else:
        year = reserve["rebuild_value_provenance"]["peildatum"][:4]
        basis = (
            f"{share} van een geschatte herbouwwaarde (bruto inhoud maal de prijs per m³ "
            f"van de herbouwwaardemeter van {year}; de bouwkosten zijn sindsdien "
            f"gestegen)"
        )
    text = (
        f"Zonder geldig MJOP is de wettelijke minimale reservering {basis}: "
        f"{euro_range(minimum)} per jaar."
    )
    contribution = reserve["contribution_cents"]
    if reserve["mjop_sets_minimum"]:
        year = plan["answers"]["money"]["maintenance_plan_year"]
        age = reserve["mjop_max_age_years"]
        text += (
            f" De VvE heeft een MJOP uit {year}; als de ALV het heeft vastgesteld, bepaalt "
            f"het bedrag dat het MJOP vraagt het minimum, zolang het hoogstens {age} jaar "
            f"oud is (tot en met {year + age})."
        )
        if contribution is not None:
            above = contribution >= minimum["high_cents"]
            text += (
                f" De huidige reservering ({euro_cents(contribution)} per jaar) ligt "
                f"{'boven' if above else 'onder'} de {share}; "
                + (
                    "of zij genoeg is, staat in het MJOP."
                    if above
                    else "dat mag alleen zolang het MJOP niet meer vraagt."
                )
            )
    elif contribution is not None:
        verdict = {
            True: "De huidige reservering haalt dat",
            False: "De huidige reservering is lager en moet omhoog",
            None: "Of de huidige reservering dat haalt, hangt af van de werkelijke herbouwwaarde",
        }[reserve["meets_minimum"]]
        text += f" {verdict} ({euro_cents(contribution)} per jaar)."
    return text


def _projection(b: Builder, reserve: dict, no_mjop: bool) -> None:
    """The fund year by year; ``no_mjop``: the VvE has no MJOP, so no maintenance spending
    is known and the words say so instead of naming one."""
    """The fund year by year, with the plan's own spending in a column of its own if any."""
    unknown: dict[int, list[str]] = {}
    for item in reserve["unknown_spending"]:
        label = item["label"] or item["component"]
        planned = item.get("planned_year", item["year"])  # a plan stored before it had it
        moved = f" (uitgesteld uit {planned})" if planned != item["year"] else ""
        unknown.setdefault(item["year"], []).append(f"{label}: bedrag onbekend{moved}")
    with_plan = any(y["plan_cents"] for y in reserve["projection"])
    rows = []
    for y in reserve["projection"]:
        committed = minus(y["committed_cents"]) if y["committed_cents"] else ""
        if y["year"] in unknown:
            committed = "; ".join(unknown[y["year"]])
        if y.get("kept_cents"):  # the plan bridges the boiler: its money stays in the fund
            committed = f"ketel overbrugd: {euro_cents(y['kept_cents'])} blijft in het fonds"
        rows.append(
            [
                str(y["year"]),
                euro_cents(y["start_cents"]),
                euro_cents(y["contribution_cents"]),
                committed,
                *([minus(y["plan_cents"]) if y["plan_cents"] else ""] if with_plan else []),
                euro_cents(y["end_cents"]),
            ]
        )
    headers = [
        "Jaar",
        "Begin",
        "Reservering",
        "Uitgaven onderhoud" if no_mjop else "Uitgaven MJOP",
        *(["Voor dit plan"] if with_plan else []),
        "Eind",
    ]
    widths = [1.6, 2.9, 2.8, 3.0, 2.8, 2.9] if with_plan else [1.8, 3.4, 3.2, 4.2, 3.4]
    raised_from = reserve.get("raised_from")
    which = (
        f"met de huidige reservering tot en met {month_nl(_month_before(raised_from))} en "
        f"de voorgestelde vanaf {month_nl(raised_from)}"
        if raised_from
        else "met de huidige reservering"
    )
    given = any(y["committed_cents"] for y in reserve["projection"])
    spent = (
        "en alleen de opgegeven MJOP-uitgaven"
        if not no_mjop
        else "en alleen de opgegeven uitgaven"
        if given
        else "zonder onderhoudsuitgaven"
    )
    caption = f"Verloop van het reservefonds {which} {spent}"
    b.table(headers, rows, caption=caption, widths=widths)
    b.note(_projection_note(reserve, no_mjop))


def _month_name(day: dt.date) -> str:
    return month_nl(day).split("\N{NO-BREAK SPACE}")[0]


def _month_before(first: str) -> dt.date:
    return dt.date.fromisoformat(first) - dt.timedelta(days=1)


def _projection_note(reserve: dict, no_mjop: bool = False) -> str:
    """What the table counts: the first part-year, the contributions, the spending."""
    first = reserve["projection"][0]
    note = f"Het eerste jaar telt alleen de reservering voor de rest van {first['year']}."
    if first_raised := reserve.get("raised_from"):
        note += (
            f" Reservering: de huidige ({euro_cents(reserve['contribution_cents'])} per "
            f"jaar); vanaf {month_nl(first_raised)}, de maand na de ALV die erover besluit, "
            f"de verhoging tot het wettelijk minimum die dit plan voorstelt "
            f"({euro_cents(reserve['raised_cents'])} per jaar), als de ALV daartoe besluit."
        )
        before = _month_before(first_raised)
        if before.year == int(first_raised[:4]) and before.year > first["year"]:
            months = "januari" if before.month == 1 else f"januari tot en met {_month_name(before)}"
            note += f" In {before.year} telt {months} nog het huidige bedrag."
    if reserve.get("bridged_boiler"):
        note += (
            f" De vervanging van de collectieve ketel in {reserve['bridged_boiler']} is niet "
            f"afgetrokken: dit plan stelt voor de ketel te overbruggen tot het warmtenet "
            f"(revisie of huur uit de exploitatiebegroting); over het gebruik van dat geld "
            f"voor de aansluiting besluit de ALV apart."
        )
    if any(i.get("planned_year", i["year"]) != i["year"] for i in reserve["unknown_spending"]):
        note += (
            " Onderhoud dat dit plan voorstelt uit te stellen tot de isolatie meekan, staat in "
            "het jaar waarin het dan valt, als de ALV tot uitstel besluit."
        )
    if no_mjop:
        counted = (
            "alleen de uitgaven die het bestuur opgaf"
            if any(y["committed_cents"] for y in reserve["projection"])
            else "geen onderhoudsuitgaven"
        )
        return note + (
            f" Er is geen MJOP: het verloop telt {counted} en is dus te gunstig, tot het "
            "DMJOP alle uitgaven geeft."
        )
    return note + (
        " Uitgaven MJOP: alleen wat het bestuur uit het MJOP opgaf; ander onderhoud "
        "ontbreekt, dus het verloop is te gunstig zolang niet alle uitgaven bekend zijn."
    )
