"""The cover's sentence on the first meeting's decision (first_costs.py): what the advice
and the research it orders cost an apartment, in the year that meeting orders them.

The VvE pays those invoices then, from the reserve fund or a contribution; the loan a
later meeting takes out is for the measures only, so the cover gives the two apart, each
with its own year. Every amount is the engine's (cents, shown in whole euros). The words
for an apartment by breukdeel are here too: both sentences use them.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from vve.knowledge import Knowledge
from vve.labels import OWNER_OCCUPIER_IF, lower_words

from ..explain import nl_date, nl_euro_range, nl_euros
from .amounts import Range
from .apartments import ShareClass, ShareTable
from .first_costs import PER
from .money_plan import FirstClassCost, FirstCosts

# not "pays first": from the reserve fund an owner pays nothing extra now
PAID = (
    "De VvE betaalt het uit het reservefonds of met een eenmalige extra bijdrage van de "
    "eigenaars, niet met de lening"
)


def apartment_words(shares: ShareTable, cls: ShareClass, gloss: bool) -> str:
    """ "een appartement (breukdeel 1/48: uw aandeel in de kosten)"; ``gloss``: explain
    the breukdeel (once, at the cover's first amount)."""
    meaning = ": uw aandeel in de kosten" if gloss else ""
    if shares.method == "table":
        name = f"een {lower_words(cls.label)}" if cls.label else "een appartement"
        return f"{name} (breukdeel {cls.text}{meaning})"
    if shares.method == "equal":
        return f"een appartement (breukdeel 1/{shares.rights_total}{meaning})"
    return (
        f"een appartement (bij gelijke breukdelen, 1/{shares.rights_total}; de breukdelen "
        f"uit de splitsingsakte zijn nog onbekend)"
    )


def who_pays(shares: ShareTable, amounts: Callable[[Fraction], str], gloss: bool) -> str:
    """What an apartment pays for the measures (summary.py), by breukdeel: each class where
    there are few, else the smallest and the largest."""
    meaning = ": uw aandeel in de kosten" if gloss else ""
    if shares.method == "table":
        classes = list(dict.fromkeys((c.share, c.label, c.text) for c in shares.classes))
        if len(classes) <= 3:
            parts = [
                f"{'een ' + lower_words(label) if label else 'een appartement'} (breukdeel "
                f"{text}{meaning if index == 0 else ''}) naar schatting "
                f"{amounts(share)}"
                for index, (share, label, text) in enumerate(classes)
            ]
            return "Daarvoor betaalt " + "; ".join(parts)
        low = min(classes, key=lambda c: c[0])
        high = max(classes, key=lambda c: c[0])
        return (
            f"Daarvoor betaalt een appartement naar schatting "
            f"{amounts(low[0])} bij het kleinste breukdeel ({low[2]}{meaning}), tot "
            f"{amounts(high[0])} bij het grootste ({high[2]})"
        )
    share = Fraction(1, shares.rights_total)
    who = apartment_words(shares, shares.classes[0], gloss)
    return f"Daarvoor betaalt {who} naar schatting {amounts(share)}"


def first_sentence(
    first: FirstCosts | None, shares: ShareTable | None, knowledge: Knowledge
) -> str | None:
    """The first meeting's decision per apartment, or None where the plan has none."""
    if first is None or first.year is None:
        return None
    research = _research_words(first, knowledge)
    opening = f"In {first.year} besluit de eerste ALV over het energieadvies en het DMJOP."
    if shares is None or not first.classes:
        return (
            f"{opening} Wat dat per appartement kost, volgt zodra het aantal "
            f"appartementsrechten bekend is."
        )
    c = next((c for c in first.classes if c.share_class.kind == "dwelling"), first.classes[0])
    who = f"Het aandeel van {apartment_words(shares, c.share_class, gloss=True)} daarin is"
    others = len({k.share_class.share for k in first.classes}) > 1
    rest = " Bij een ander breukdeel is het naar verhouding." if others else ""
    if c.advice is None:
        per = nl_euros(PER * 100)
        text = (
            f"{opening[:-1]}; het bedrag volgt uit de offertes. {who} "
            f"{nl_euros(c.per_thousand)} per {per} advies{_research(first, c, research)}. "
            f"{PAID}.{rest}"
        )
        if c.refund_per_thousand is None:
            return text + _no_refund(first)
        return (
            f"{text} {_later(first)} naar verwachting {nl_euros(c.refund_per_thousand)} per "
            f"{per} terug (SVVE-subsidie){_unless(first)}."
        )
    text = f"{opening} {who} {_euros(c.advice)}"
    return f"{text}{_research(first, c, research)}. {PAID}.{rest}{_refund(first, c)}"


def _no_refund(first: FirstCosts) -> str:
    if first.refund_reason == "after_end_date":  # said plainly, pointing to the risk
        # (which says whether an earlier ALV can still reach it: vve/rules/risks/svve_advice.py)
        return (
            " Een SVVE-vergoeding rekent dit plan niet mee: in deze planning valt de aanvraag "
            f"na de einddatum ({nl_date(first.open_until)}); of het bestuur die nog kan halen, "
            "staat onder 'Belangrijkste risico's'."
        )
    return (
        " Een vergoeding van de SVVE rekent dit plan niet mee."
        if first.refund_reason != "counted"
        else ""
    )


def _research_words(first: FirstCosts, knowledge: Knowledge) -> str:
    """What follows the priced research's amount inside a sentence: the words that the
    amount may be too low (``cover_more``), where any research has them, then its own
    name where there is one ("het onderzoek" for more)."""
    costs = [knowledge.money.other_costs[r.id] for r in first.research]
    more = next((c.cover_more for c in costs if c.cover_more), "")
    name = costs[0].short if len(costs) == 1 else "het onderzoek"
    return f"{more} {'als' if first.if_needed else 'voor'} {name}"


def _research(first: FirstCosts, c: FirstClassCost, words: str) -> str:
    """ ", plus € 104 tot € 208 of meer (...) als het ecologisch onderzoek nodig is"
    (``words`` from ``_research_words``)."""
    if c.research is None or not first.research:
        return ""
    needed = " nodig is" if first.if_needed else ""
    return f", plus {_euros(c.research)}{words}{needed}"


def _refund(first: FirstCosts, c: FirstClassCost) -> str:
    """What comes back later, and what the decision costs an apartment in the end."""
    if c.refund is None or c.net is None:
        return _no_refund(first)
    text = f" {_later(first)} naar verwachting {_euros(c.refund)} terug (SVVE-subsidie){_unless(first)}"
    if first.if_needed and c.net_without is not None and first.research:
        return (
            f"{text}: per saldo {_euros(c.net_without)} zonder en {_euros(c.net)} met het "
            f"onderzoek."
        )
    return f"{text}: per saldo {_euros(c.net)}."


def _later(first: FirstCosts) -> str:
    """ "Later komt", or with the SVVE's condition where the profile does not know whether
    an owner lives in the building: "Als ten minste één eigenaar …, komt later"."""
    if first.owner_occupier is None:
        return f"{OWNER_OCCUPIER_IF[:1].upper()}{OWNER_OCCUPIER_IF[1:]}, komt later"
    return "Later komt"


def _euros(amount: Range) -> str:
    return nl_euro_range(amount.low, amount.high)


def _unless(first: FirstCosts) -> str:
    """With an energy advice already made: the SVVE pays advice and research once per VvE
    (CORRECTIONS a1), so a claim made for that advice leaves nothing to refund."""
    if not first.existing_advice:
        return ""
    return ", tenzij de VvE voor haar bestaande energieadvies al SVVE-subsidie kreeg"
