"""The SVVE measures subsidy where this planning applies for it after its end date while
that date is still ahead: not a silent loss but a choice for the meeting, with what it
would take to reach the date and what an apartment misses without it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from vve.knowledge import Knowledge

from ..context import VoteContext
from ..decisions import Decision
from ..explain import nl_date, nl_euro_range, nl_listing
from ..measures import Measure
from ..money import MoneyPlan
from ..money.money_plan import missed_per_apartment
from ..stages import StageWindow, stage_by_id
from ..turnout import named
from .risk import Risk, make_risk
from .svve_reach import Reach, plan_dates, reach_text

RID = "svve_measures_not_reached"
CHOOSE_AT = "choose_at:"  # an explanation id: the meeting that makes the choice


def svve_measures_choice(
    knowledge: Knowledge,
    money: MoneyPlan,
    windows: list[StageWindow],
    decisions: list[Decision],
    applied_on: dt.date,
    as_of: dt.date,
    ctx: VoteContext,
    measures: Sequence[Measure] = (),
) -> list[Risk]:
    """The choice, where the application (``applied_on``) falls after the end date and
    the end date is not past on ``as_of``; otherwise nothing (the general flag
    subsidy_may_have_ended covers a date already past). ``ctx``: whether the reglement's
    second-meeting rule is known, and the turnout the plan expects; ``measures``: the
    plan's, for the insulation that waits for the ecological survey."""
    until = knowledge.financing.svve_measures.open_until
    if applied_on <= until or as_of > until:
        return []
    parts = knowledge.risks[RID].parts
    # a meeting can decide the measures once the energy advice is in, before the end date
    advice = _advice_ready(windows)
    meetings = [
        w.meeting for w in windows if w.meeting and max(as_of, advice) <= w.meeting <= until
    ]
    # an application needs a quote: none exists yet for work beyond the quote horizon of
    # the last meeting before the end date (decisions.toml quote_horizon)
    horizon = knowledge.decisions["insulate_with_maintenance"].quote_horizon
    insulation = _surveyed(
        knowledge, measures, None if horizon is None else until.year + horizon.years
    )
    turnout = (named(knowledge, ctx.turnout), named(knowledge, ctx.turnout, short=True))
    dates = plan_dates(windows, decisions, until, advice, ctx.second_known, insulation, turnout)
    reach = reach_text(knowledge, parts, dates, meetings)
    last = None if horizon is None else (reach.meeting or until).year + horizon.years
    cost = _missed(knowledge, parts, money, last)
    decision = stage_by_id(windows, "decide").meeting or applied_on
    values = {
        "until": nl_date(until),
        "decision": nl_date(decision),
        "reach": reach.text,
        "cost": cost,
        "close": parts["close_choice" if reach.possible else "close_no_way"],
    }
    # the meeting the route names to decide the measures, and the first meeting ahead,
    # which makes the choice: the quotes right after the advice and the loan application
    # before the notice need the VvE's say long before the meeting that decides
    at = [f"decide_measures_at:{reach.meeting.isoformat()}"] if reach.meeting else []
    first = min(
        (w.meeting for w in windows if w.meeting and as_of <= w.meeting <= until), default=None
    )
    at += [f"{CHOOSE_AT}{first.isoformat()}"] if first and reach.possible else []
    risk = make_risk(knowledge, RID, values, "svve_measures", ["financing:svve_measures", *at])
    return [replace(risk, blocks=_blocks(knowledge, values, reach))]


def _missed(
    knowledge: Knowledge, parts: Mapping[str, str], money: MoneyPlan, last: int | None
) -> str:
    """What an apartment misses without the subsidy, and for which work."""
    missed = missed_per_apartment(money, last)
    if missed is None:
        return parts["cost_unknown"]
    who, amount, measures, later = missed
    text = parts["cost"].format(
        who=who,
        amount=nl_euro_range(amount.low, amount.high),
        measures=nl_listing([knowledge.measures[m].short for m in measures]),
    )
    if later:
        names = nl_listing([knowledge.measures[m].short for m, _ in later])
        years = nl_listing([str(y) for y in sorted({y for _, y in later})])
        text += parts["cost_later"].format(measures=names[0].upper() + names[1:], years=years)
    return text


def _blocks(
    knowledge: Knowledge, values: dict[str, str], reach: Reach
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The text split around the list of what makes the route tight; none without one."""
    if not reach.points:
        return ()
    cut = "\0"
    text = knowledge.risks[RID].text.format(**{**values, "reach": reach.before + cut + reach.after})
    head, tail = (x.strip() for x in text.split(cut))
    return ((head, reach.points), (tail, ()))


def _advice_ready(windows: list[StageWindow]) -> dt.date:
    """When this planning has the energy advice delivered (the inventory stage's start
    where its action is missing)."""
    return next(
        (a.end for w in windows for a in w.actions if a.id == "energy_advice"),
        stage_by_id(windows, "inventory").start,
    )


def _surveyed(knowledge: Knowledge, measures: Sequence[Measure], last: int | None) -> str:
    """The plan's insulation an application by the end date covers (work up to ``last``,
    the quote horizon) that waits for the ecological survey, in words; "" for none."""
    survey = knowledge.money.other_costs["ecological_survey"].when_measures
    shorts = [
        knowledge.measures[m.id].short
        for m in measures
        if m.id in survey and (last is None or m.coupled_year is None or m.coupled_year <= last)
    ]
    return nl_listing(shorts) if shorts else ""
