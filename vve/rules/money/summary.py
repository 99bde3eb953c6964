"""The sentences an owner reads first: what an average apartment pays, once or per month,
what it saves, and how sure these figures are. The document and the web page show
these same sentences, so they can never disagree."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from vve.knowledge import Knowledge

from ..explain import nl_euro_range, nl_euros
from .amounts import Range, whole

if TYPE_CHECKING:
    from . import MoneyPlan


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _per(amount: Range, parts: int) -> Range:
    return amount.map(lambda v: whole(Fraction(v, parts)))


def summary_term(money: "MoneyPlan") -> int | None:
    """The term the summary quotes: the quote's, else the longest standard one."""
    quoted = [t.years for t in money.loan.terms if t.quoted]
    if quoted:
        return quoted[0]
    standard = [t.years for t in money.loan.terms]
    return max(standard) if standard else None


def summary(money: "MoneyPlan", knowledge: Knowledge) -> tuple[str, ...]:
    titles = {mid: entry["short"] for mid, entry in knowledge.measures.items()}
    out = []
    vve, shares = money.vve, money.shares
    has_cost = any(line.investment is not None for line in money.lines if line.payer == "vve") \
        or money.advice.cost is not None
    if not has_cost:
        out.append("Wat de maatregelen van de VvE kosten, is nog niet te schatten: daarvoor zijn "
                   "het aantal woningen en de oppervlakken nodig, of bedragen uit het "
                   "energieadvies of een offerte.")
    elif shares is None:
        out.append(f"De maatregelen van de VvE kosten na subsidie naar schatting "
                   f"{nl_euro_range(money.net_to_pay.low, money.net_to_pay.high)}; wat dat per "
                   f"appartement is, volgt zodra het aantal appartementsrechten bekend is.")
    else:
        rights = shares.rights_total
        one_off = _per(money.owners_pay, rights)
        who = {"equal": f"een appartement (breukdeel 1/{rights})",
               "assumed_equal": f"een appartement (als alle {rights} appartementsrechten "
                                f"hetzelfde breukdeel hebben)",
               "table": "een gemiddeld appartement"}[shares.method]
        reserve = (f", naast {nl_euros(money.reserve_used)} uit het reservefonds,"
                   if money.reserve_used else "")
        sentence = (f"Voor de maatregelen van de VvE betaalt {who}{reserve} naar schatting "
                    f"{nl_euro_range(one_off.low, one_off.high)} in één keer")
        years = summary_term(money)
        term = next((t for t in money.loan.terms if t.years == years), None)
        if term is not None and money.loan.principal.high >= money.loan.min_amount:
            monthly = _per(term.monthly, rights)
            sentence += (f", of met een lening van {years} jaar "
                         f"{nl_euro_range(monthly.low, monthly.high)} per maand")
        elif money.loan.principal.high > 0:
            sentence += (f". Voor een VvE-lening is het bedrag te klein (minimaal "
                         f"{nl_euros(money.loan.min_amount)})")
        out.append(sentence + ".")
    out.append(_saving_sentence(money, titles))
    private = [line for line in money.lines if line.payer == "owner" and line.investment]
    if private:
        parts = [f"{titles[line.measure]} "
                 f"({nl_euro_range(line.investment.low, line.investment.high)} per woning)"
                 for line in private]
        out.append(f"Daarnaast betaalt iedere eigenaar zelf: {_listing(parts)}.")
    out.append(_certainty_sentence(money, knowledge, titles))
    return tuple(out)


def _saving_sentence(money: "MoneyPlan", titles: dict[str, str]) -> str:
    saving, dwellings = money.vve.yearly_saving, money.quantities.dwellings
    if saving is None or not dwellings:
        return ("Wat de maatregelen besparen op de energierekening, is nog niet te schatten; "
                "het energieadvies rekent dat uit.")
    monthly = _per(saving, dwellings * 12)
    text = (f"Daartegenover staat een lagere energierekening: naar schatting "
            f"{nl_euro_range(monthly.low, monthly.high)} per maand per woning")
    known = [line.measure for line in money.lines
             if line.payer == "vve" and line.saving.euros is not None]
    unknown = [line.measure for line in money.lines
               if line.payer == "vve" and line.saving.euros is None]
    if unknown:
        text += f", alleen voor {_listing([titles[m] for m in known])}"
    return text + "."


def _certainty_sentence(money: "MoneyPlan", knowledge: Knowledge, titles: dict[str, str]) -> str:
    used = [p for line in money.lines for p in (
        line.price.provenance if line.price and line.origin == "default" else None,
        line.saving.provenance if line.saving.origin == "default" else None) if p]
    if money.vve.yearly_saving is not None:
        used.append(knowledge.money.gas_price.provenance)
    own = any(line.origin != "default" for line in money.lines)
    if not used:
        text = ("De bedragen komen uit het eigen energieadvies en de offertes van de VvE"
                if own else "Er zijn nog geen bedragen")
    else:
        years = sorted({p.peildatum.year for p in used})
        span = str(years[0]) if len(years) == 1 else f"{years[0]} tot {years[-1]}"
        text = f"Deze bedragen zijn indicatief, met prijzen uit {span}"
        if any(p.quality == "zwak" for p in used):
            text += ", deels uit zwakke bronnen (zie de bronnen bij elke regel)"
    derived = [line for line in money.lines if line.investment is not None and
               line.origin == "default" and line.quantity is not None and
               line.quantity.origin in ("reference", "reference_other_type")]
    if derived:
        ref = money.quantities.reference
        other = "" if money.quantities.reference_matches_type else ", een ander gebouwtype"
        text += (f"; de oppervlakken zijn geschat met een RVO-referentiewoning ({ref.label}"
                 f"{other})")
    if money.loan.rate_origin == "reference" and \
            money.loan.principal.high >= money.loan.min_amount:
        labels = " en ".join(r.label for r in money.loan.rates)
        text += f"; de rente is nog niet bekend, gerekend is met {labels}"
    missing = [titles[m] for m in money.vve.unknown_cost]
    if missing:
        text += (f". Nog niet meegeteld, omdat een bedrag of een hoeveelheid ontbreekt: "
                 f"{_listing(missing)}")
    return text + ". Vaste bedragen volgen uit het energieadvies en de offertes."
