"""The sentences an owner reads first (the cover), and the notes that open the money
chapter. The document and the web page show these same sentences, so they never disagree.

Cover (``summary``): the first meeting's decision (first_summary.py), then what an apartment
pays for the measures once or per month, what it saves, a change in the reserve
contribution the law requires, and how sure it is, in short sentences.
Chapter (``notes``): subsidy not counted, what owners pay themselves, the interest rate.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from vve.knowledge import Knowledge
from vve.profile import Profile

from ..explain import nl_date, nl_euro_range, nl_euros, nl_listing, nl_month, nl_months
from .amounts import Range, whole
from .caveats import deed_clause, orientation, rough_clause
from .first_summary import first_sentence, who_pays
from .later import later_ids, later_sentence
from .money_plan import MoneyPlan
from .on_top import on_top_sentence
from .reference_note import reference_words

COLLECTIVE = {"collective_boiler", "block_heating", "heat_network"}


def _per(amount: Range, parts: Fraction | int) -> Range:
    return amount.map(lambda v: whole(Fraction(v) / parts))


def _share_of(amount: Range, share: Fraction, whole_share: Fraction) -> Range:
    return amount.map(lambda v: whole(Fraction(v) * share / whole_share))


def summary_term(money: MoneyPlan) -> int | None:
    """The term the summary quotes: the quote's, else the longest standard one."""
    quoted = [t.years for t in money.loan.terms if t.quoted]
    if quoted:
        return quoted[0]
    standard = [t.years for t in money.loan.terms]
    return max(standard) if standard else None


def estimable(money: MoneyPlan) -> bool:
    """Whether an amount per apartment for the measures means something yet: not while
    most of the VvE's measures cannot be priced. (The first meeting's advice is not in
    it: the cover gives it apart, ``first_summary``.)"""
    return not _mostly_unpriced(money)


def _mostly_unpriced(money: MoneyPlan) -> bool:
    vve = [line for line in money.lines if line.payer == "vve"]
    priced = [line for line in vve if line.investment is not None]
    return not priced or 2 * len(priced) < len(vve)


def summary(
    money: MoneyPlan,
    knowledge: Knowledge,
    profile: Profile,
    execution: tuple[dt.date, dt.date],
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """(cover sentences, chapter notes, the cover's sentence on the measures);
    ``execution``: the first and last day of the measures this round decides, as the
    timeline shows them (measure_windows.py)."""
    heating = profile.installations.heating
    shorts = {mid: entry.short for mid, entry in knowledge.measures.items()}
    first = first_sentence(money.first, money.shares, knowledge)
    measures = _cost_sentence(money, execution, rough_clause(money, shorts), first is None)
    deed = deed_clause(money, knowledge)  # shared by breukdeel unless the deed says not
    measures += f" {deed}" if deed else ""
    later = later_sentence(money, knowledge, "money")  # not in the amounts (later.py)
    measures += f" {later}" if later else ""
    connection = orientation(money)  # the heat network's order of magnitude (caveats.py)
    measures += f" {connection}" if connection else ""
    cover = [*([first] if first else []), measures]
    unpriced = not estimable(money)
    if not unpriced:
        cover.append(_saving_sentence(money, shorts, heating))
    pump = next(
        (
            line.investment
            for line in money.lines
            if line.payer == "owner" and line.measure == "individual_heat_pumps" and line.investment
        ),
        None,
    )
    if pump is not None:
        # the VvE still chooses individual or collective (decision choose_heat_source)
        cover.append(
            f"Kiest de VvE voor eigen warmtepompen per appartement, dan betaalt "
            f"iedere eigenaar daarnaast zijn eigen warmtepomp: naar schatting "
            f"{nl_euro_range(pump.low, pump.high)} per woning; "
            f"eigenaar-bewoners kunnen ISDE-subsidie krijgen (de bedragen voor 2026 "
            f"zijn niet gevonden)."
        )
    reserve = _reserve_sentence(money)
    if reserve:
        cover.append(reserve)
    if not unpriced:
        cover.append(_certainty_sentence(money, knowledge, shorts))
    elif any(line.investment is not None for line in money.lines):
        cover.append("Wat al wel te schatten is, staat in het hoofdstuk over de kosten.")
    notes = [
        n
        for n in (
            _subsidy_note(money),
            _private_note(money, shorts),
            _rate_note(money),
            _surfaces_note(money, profile.building.construction_year, knowledge),
        )
        if n
    ]
    return tuple(cover), tuple(notes), measures


def _period(execution: tuple[dt.date, dt.date]) -> str:
    """ "Van november 2028 tot augustus 2029", "Van maart tot december 2029", or "In maart
    2029" within one month."""
    start, end = execution
    one_month = (start.year, start.month) == (end.year, end.month)
    return f"In {nl_month(end)}" if one_month else f"Van {nl_months(start, end)}"


def _opening(money: MoneyPlan, execution: tuple[dt.date, dt.date]) -> str:
    """When the measures are carried out; with work a later meeting decides, the months
    of the work decided now (``execution``), which the amounts after it cover."""
    if not money.later:
        return f"{_period(execution)} voert de VvE de maatregelen uit."
    return f"{_period(execution)} voert de VvE de eerste ronde maatregelen uit."


def _cost_sentence(
    money: MoneyPlan, execution: tuple[dt.date, dt.date], rough: str, gloss: bool
) -> str:
    """The measures, in the execution stage's months: once, or per month with the loan;
    ``rough``: the clause on the rough estimates in that amount (caveats.py); ``gloss``:
    explain the breukdeel (no earlier sentence did)."""
    shares = money.shares
    opening = _opening(money, execution)
    if not estimable(money):
        return (
            f"{opening} Een bedrag per appartement daarvoor is nog niet te geven: van de "
            f"meeste maatregelen is nog niet bekend of ze nodig zijn of wat ze kosten. De "
            f"opname door de adviseur (fase 2) geeft de eerste bedragen."
        )
    if shares is None:
        return (
            f"{opening} Die kosten na subsidie naar schatting ten minste "
            f"{nl_euro_range(money.now.net.low, money.now.net.high)}{rough}; per appartement "
            f"volgt dat zodra het aantal appartementsrechten bekend is."
        )
    years = summary_term(money)
    term = next((t for t in money.loan.terms if t.years == years), None)
    can_borrow = term is not None and money.loan.principal.high >= money.loan.min_amount
    reserve = (
        f"; daarnaast betaalt de VvE {nl_euros(money.reserve_used)} uit het reservefonds, als "
        "de ALV daartoe besluit"
        if money.reserve_used
        else ""
    )

    def amounts(share: Fraction) -> str:
        one_off = _share_of(money.owners_pay, share, shares.total_share)
        text = f"{nl_euro_range(one_off.low, one_off.high)} in één keer"
        if can_borrow and term is not None:
            monthly = _share_of(term.monthly, share, shares.total_share)
            text += (
                f", of {nl_euro_range(monthly.low, monthly.high)} per maand bij een lening "
                f"van {years} jaar"
            )
        return text

    on_top = on_top_sentence(money, can_borrow)
    return (
        f"{opening} {who_pays(shares, amounts, gloss)}{reserve}{rough}."
        f"{_rate_text(money, can_borrow)}{f' {on_top}' if on_top else ''}"
        f"{_loan_limit_text(money)}"
    )


def _rate_text(money: MoneyPlan, can_borrow: bool) -> str:
    if not can_borrow:
        return ""
    percent = format(money.loan.rates[0].rate_percent.normalize(), "f").replace(".", ",")
    if money.loan.rate_origin == "quote":
        return f" De maandbedragen rekenen met {percent}% rente uit de offerte."
    return f" De maandbedragen rekenen met {percent}% rente; de echte rente is nog onbekend."


def _loan_limit_text(money: MoneyPlan) -> str:
    """The loan against its minimum: open while the total may still reach it, ruled out
    only on a whole total below it (loan_reach.py); nothing where the estimate reaches it."""
    return f" {money.loan_note}" if money.loan_note else ""


def _saving_sentence(money: MoneyPlan, shorts: dict[str, str], heating: str | None) -> str:
    saving, dwellings = money.now.yearly_saving, money.quantities.dwellings
    later = later_ids(money)
    ours = [line for line in money.lines if line.payer == "vve" and line.measure not in later]
    if saving is None or not dwellings:
        return (
            "Wat de maatregelen besparen op de energierekening, is nog niet te schatten; het "
            "energieadvies rekent dat uit."
        )
    monthly = _per(saving, dwellings * 12)
    bill = (
        "staan lagere stookkosten" if heating in COLLECTIVE else "staat een lagere energierekening"
    )
    text = (
        f"Daartegenover {bill} van naar schatting "
        f"{nl_euro_range(monthly.low, monthly.high)} per maand per woning"
    )
    known = [shorts[line.measure] for line in ours if line.saving.euros is not None]
    if any(line.saving.euros is None for line in ours):
        text += (
            f", alleen voor {nl_listing(known)}; de andere besparingen rekent het energieadvies uit"
        )
    return text + "."


def _reserve_sentence(money: MoneyPlan) -> str | None:
    reserve, shares = money.reserve, money.shares
    if (
        reserve.meets_minimum is False
        and reserve.minimum is not None
        and reserve.contribution is not None
    ):
        sentence = (
            f"De jaarlijkse reservering moet omhoog naar ten minste het "
            f"wettelijk minimum van {nl_euros(reserve.minimum.high)}"
        )
        if shares is not None:
            extra = whole(
                Fraction(reserve.minimum.high - reserve.contribution, shares.rights_total * 12)
            )
            sentence += f": gemiddeld {nl_euros(extra)} meer per appartement per maand"
        return sentence + "."
    return None


def _certainty_sentence(money: MoneyPlan, knowledge: Knowledge, shorts: dict[str, str]) -> str:
    used = [
        p
        for line in money.lines
        for p in (
            line.price.provenance
            if line.price and line.investment is not None and line.origin == "default"
            else None,
            line.saving.provenance
            if line.saving.euros is not None and line.saving.origin == "default"
            else None,
        )
        if p
    ]
    if any(line.investment is not None for line in money.lines if line.payer == "vve"):
        used += [knowledge.money.other_costs[o.id].provenance for o in money.other]
    if not used:
        text = (
            "De bedragen komen uit het eigen energieadvies en de offertes van de VvE"
            if any(line.origin != "default" for line in money.lines)
            else "Er zijn nog geen bedragen"
        )
    else:
        # an undated source's peildatum is the day it was read, not the date of its prices
        years = sorted({p.peildatum.year for p in used if not p.undated})
        read = sorted({p.peildatum.year for p in used if p.undated})
        text = "Dit zijn indicatieve bedragen"
        if years:
            span = str(years[0]) if len(years) == 1 else f"{years[0]} tot {years[-1]}"
            text += f" met prijzen uit {span}"
        if read:
            text += f"{', deels' if years else ''} uit ongedateerde bronnen (gelezen in {read[-1]})"
        if any(p.quality == "zwak" for p in used):
            text += ", deels uit zwakke bronnen"
    missing = [shorts[m] for m in money.now.unknown_cost]
    extras = {item.id: item.short for item in knowledge.money.not_included}
    missing += [extras[i] for i in money.not_included]
    if missing:
        text += f". Nog niet meegeteld, dus daar komt nog bij: {nl_listing(missing)}"
    return text + ". De echte bedragen volgen uit het energieadvies en de offertes."


def _subsidy_note(money: MoneyPlan) -> str | None:
    late = [line.subsidy for line in money.lines if line.subsidy.reason == "after_end_date"]
    if not late:
        return None
    until = late[0].open_until
    text = (
        f"SVVE-subsidie voor de maatregelen is niet meegerekend: in deze planning valt de "
        f"aanvraag na {nl_date(until)}, het einde van de regeling"
        if until is not None and until.month == 12
        else "SVVE-subsidie voor de maatregelen is niet meegerekend: in deze planning valt de "
        "aanvraag na het einde van de regeling"
    )
    return text + "."


def _private_note(money: MoneyPlan, shorts: dict[str, str]) -> str | None:
    private = [line for line in money.lines if line.payer == "owner"]
    if not private:
        return None
    parts = []
    for line in private:
        amount = (
            "een bedrag dat nog onbekend is"
            if line.investment is None
            else f"naar schatting {nl_euro_range(line.investment.low, line.investment.high)} "
            f"per woning"
        )
        who = (
            "wie nog op gas kookt"
            if line.measure == "induction_cooking"
            else "wie de maatregel neemt"
        )
        parts.append(f"{shorts[line.measure]} ({who}: {amount})")
    text = f"Wat eigenaars zelf betalen, niet naar breukdeel: {nl_listing(parts)}"
    if any(line.subsidy.reason == "owner_occupiers_only" for line in private):
        text += "; eigenaar-bewoners kunnen voor een warmtepomp ISDE-subsidie krijgen"
    return text + "."


def _rate_note(money: MoneyPlan) -> str | None:
    """The rate the plan computes with while the lender has named none. When the lender
    names it and on what conditions it lends: the chapter on financing (said once)."""
    loan = money.loan
    if loan.principal.high < loan.min_amount or loan.rate_origin != "reference":
        return None
    history = " en ".join(r.label for r in loan.history)
    return (
        f"De rente van de VvE-lening is nog niet bekend. Gerekend is met "
        f"{loan.rates[0].label}, ook voor kortere looptijden"
        + (f"; eerder was het {history}" if history else "")
        + "."
    )


REFERENCE_ORIGINS = (
    "reference",
    "reference_other_type",
    "reference_other_period",
    "reference_near_period",
    "reference_window_share",
)


def _surfaces_note(money: MoneyPlan, year: int | None, knowledge: Knowledge) -> str | None:
    origins = {
        line.quantity.origin
        for line in money.lines
        if line.investment is not None and line.origin == "default" and line.quantity is not None
    }
    parts = []
    if origins & set(REFERENCE_ORIGINS):
        parts.append(reference_words(money, year, knowledge, origins))
    if origins & {*REFERENCE_ORIGINS, "derived"} and any(
        line.quantity is not None
        and line.quantity.kind in ("roof", "ground_floor")
        and line.quantity.origin in {*REFERENCE_ORIGINS, "derived"}
        and line.investment is not None
        for line in money.lines
    ):
        parts.append(
            "Dak en vloer zijn het woonoppervlak maal het aantal woningen gedeeld door "
            "het aantal bouwlagen: ook een ondergrens."
        )
    return " ".join(parts) or None
