"""A voting rule applied to this VvE: the vote numbers it asks for and one Dutch sentence
saying when it applies and why."""

from __future__ import annotations

from dataclasses import dataclass

from vve.knowledge import RuleSpec
from vve.profile import Profile

from .context import VoteContext, is_overridden, to_rule
from .explain import Explanation, nl_int, sources
from .voting import Rule, min_yes_votes, quorum_votes


@dataclass(frozen=True)
class VoteNumbers:
    total: int
    quorum_votes: int | None
    min_yes_full_attendance: int | None
    min_yes_at_quorum: int | None
    expected_present: int | None
    min_yes_expected_turnout: int | None


# The routes the plan shows beside a decision's rule that can ask more votes than it: in
# doubt whether the work is necessary maintenance, and paid (partly) from the reserve fund.
HIGHER_ROUTES = ("safe_route", "reserve_fund")


@dataclass(frozen=True)
class AppliedRule:
    spec: RuleSpec
    rule: Rule
    # primary | below_threshold | maintenance_coupled | safe_route | announced |
    # announced_in_force | reglement_rule | lender
    applies: str
    status: str  # in_force | announced
    overridden: bool
    certainty: str
    numbers: VoteNumbers | None
    explanation: Explanation


def _numbers(rule: Rule, ctx: VoteContext) -> VoteNumbers | None:
    """The votes the rule asks for; the votes expected present follow ``ctx.turnout`` (the
    last recorded meeting's, else the board's estimate: vve/rules/turnout.py)."""
    total = ctx.total
    if not total:
        return None
    quorum = quorum_votes(rule, total)
    expected = None
    if ctx.turnout is not None:
        # an expectation, so rounded down (never flattering); what is needed rounds up
        expected = min(int(ctx.turnout.share * total // 1), total)
    return VoteNumbers(
        total=total,
        quorum_votes=quorum,
        min_yes_full_attendance=min_yes_votes(rule, total, total),
        min_yes_at_quorum=min_yes_votes(rule, total, quorum) if quorum is not None else None,
        expected_present=expected,
        min_yes_expected_turnout=(
            min_yes_votes(rule, total, expected) if expected is not None else None
        ),
    )


def _numbers_sentence(n: VoteNumbers | None) -> str:
    if n is None:
        return " Het aantal stemmen is onbekend, dus alleen de verhouding is bekend."
    parts = []
    if n.quorum_votes is not None:
        parts.append(
            f"ten minste {nl_int(n.quorum_votes)} van de {nl_int(n.total)} stemmen "
            f"moeten aanwezig of vertegenwoordigd zijn"
        )
    if n.min_yes_full_attendance is not None:
        parts.append(
            f"bij volledige opkomst zijn {nl_int(n.min_yes_full_attendance)} stemmen voor nodig"
        )
    if n.min_yes_at_quorum is not None and n.quorum_votes is not None:
        parts.append(
            f"zijn er precies {nl_int(n.quorum_votes)} stemmen aanwezig (het quorum), dan zijn "
            f"{nl_int(n.min_yes_at_quorum)} stemmen voor nodig"
        )
    return (" Hier: " + "; ".join(parts) + ".") if parts else ""


_APPLIES_TEXT = {
    "primary": "",
    # "boven" the amount needs the qualified majority (MR 1983/1992 art. 38 lid 5): an
    # amount equal to it does not
    "below_threshold": "Ligt het bedrag niet boven het drempelbedrag van € {amount}, dan geldt: ",
    # the threshold amount is not known to the plan (the meeting sets it)
    "below_threshold_unknown": (
        "Ligt het bedrag niet boven het drempelbedrag dat de vergadering heeft vastgesteld, "
        "dan geldt: "
    ),
    # where the amount concerns financial obligations only (MR 2006 art. 52 lid 5 c):
    # expenditure outside maintenance takes two thirds whatever the amount
    "below_threshold_financial": (
        "Gaat het om een financiële verplichting (zoals een lening) die niet boven het "
        "drempelbedrag van € {amount} ligt, dan geldt: "
    ),
    "below_threshold_financial_unknown": (
        "Gaat het om een financiële verplichting (zoals een lening) die niet boven het "
        "drempelbedrag ligt dat de vergadering heeft vastgesteld, dan geldt: "
    ),
    "maintenance_coupled": "{coupling} Dan geldt: ",
    "reserve_fund": "Betaalt de VvE dit (deels) uit het reservefonds, dan geldt: ",
    "safe_route": ("Veilige route als twijfel bestaat of het om noodzakelijk onderhoud gaat: "),
    "announced": "Aangekondigd, nog geen wet; zodra de regel van kracht is, geldt: ",
    "announced_in_force": "Van kracht voor verduurzamingsbesluiten: ",
    "reglement_rule": "Regel uit het reglement, vervangen door de nieuwe wettelijke regel: ",
    "lender": "Daarnaast, als voorwaarde van de geldgever: ",
}


def apply_rule(
    spec: RuleSpec,
    profile: Profile,
    ctx: VoteContext,
    applies: str,
    certainty: str,
    extra_ids: list[str],
    amount: int | None = None,
    coupling: str = "",
) -> AppliedRule:
    rule = to_rule(spec, profile)
    overridden = is_overridden(spec, profile)
    # A lender's "every owner" is counted in owners, not votes: no vote numbers.
    numbers = None if spec.kind == "lender" else _numbers(rule, ctx)
    text_key = applies
    if applies == "below_threshold":
        # the model says what the amount is about: expenditure outside maintenance, or
        # (its own class has no threshold) only financial obligations
        classes = ctx.model.classes
        financial = (
            classes["financial_obligation"].threshold_applies
            and not classes["expenditure_outside_maintenance"].threshold_applies
        )
        text_key += ("_financial" if financial else "") + ("_unknown" if amount is None else "")
    lead = _APPLIES_TEXT[text_key].format(
        amount=nl_int(amount) if amount is not None else "", coupling=coupling
    )
    label = (
        spec.label if not overridden else "de regel die het bestuur uit het eigen reglement opgaf"
    )
    sentence = f"{lead}{label}" if lead else label[:1].upper() + label[1:]
    # the lender counts owners, not votes: no vote numbers to give or miss
    counted = "" if spec.kind == "lender" else _numbers_sentence(numbers)
    why = spec.why_by_model.get(ctx.model.id, spec.why)
    text = f"{sentence}. {why}{counted}"
    ids = [f"rule:{spec.id}", *extra_ids]
    if overridden:
        ids.append(f"override:voting.overrides.{spec.kind}")
    status = "announced" if spec.status == "announced" and applies == "announced" else "in_force"
    return AppliedRule(
        spec,
        rule,
        applies,
        status,
        overridden,
        certainty,
        numbers,
        Explanation.of(text, ids, sources(spec.source)),
    )
