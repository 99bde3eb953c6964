"""Risk flags where the facts call for them; texts and thresholds live in risks.toml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from vve.knowledge import Knowledge, RiskEntry
from vve.labels import lower_words
from vve.profile import Profile
from vve.vocabulary import HERITAGE, OWNER_KINDS

from .context import VoteContext
from .decisions import Decision, reserve_shortfall
from .explain import Explanation, nl_date, nl_int, sources
from .measures import Measure, missed_couplings
from .stages import StageWindow, stage_by_id
from .voting import power_of


@dataclass(frozen=True)
class Risk:
    id: str
    severity: str
    stage: str
    text: str
    explanation: Explanation
    subject: str | None = None  # e.g. the owner group a blocking risk is about


Found = tuple[str, Mapping[str, object], "str | None", list[str]]  # id, values, subject, ids


def assess_risks(profile: Profile, knowledge: Knowledge, ctx: VoteContext,
                 decisions: list[Decision], measures: list[Measure],
                 nominal: list[StageWindow], as_of: dt.date) -> list[Risk]:
    """``nominal``: the schedule before execution stretches to coupled maintenance years,
    i.e. the earliest the VvE can be done."""
    found = [*_building(profile, knowledge), *_low_turnout(profile, decisions),
             *_maintenance_plan(profile, knowledge, as_of), *_owner_power(ctx, decisions),
             *_conditions(profile, knowledge, decisions), *_dormant(profile, knowledge),
             *_timing(profile, knowledge, nominal, measures), *_votes(profile, ctx),
             *_owners(profile, knowledge, as_of)]
    return [_risk(knowledge, rid, values, subject, ids) for rid, values, subject, ids in found]


def _building(profile: Profile, knowledge: Knowledge) -> list[Found]:
    b = profile.building
    found: list[Found] = []
    limit = knowledge.risk_thresholds.asbestos_before_year
    if b.construction_year is not None and b.construction_year < limit:
        found.append(("asbestos", {"year": limit}, None, ["building.construction_year"]))
    if b.heritage not in (None, "none"):
        found.append(("heritage", {"heritage": HERITAGE[b.heritage].phrase}, None,
                      ["building.heritage"]))
    return found


def _low_turnout(profile: Profile, decisions: list[Decision]) -> list[Found]:
    qualified = _qualified_decision(decisions)
    turnout = profile.owners.past_turnout_percent
    if qualified is None or turnout is None or qualified.rule.rule.quorum is None:
        return []
    quorum = qualified.rule.rule.quorum.share
    if Fraction(turnout, 100) >= quorum:
        return []
    return [("low_turnout", {"turnout": turnout, "quorum": _percent(quorum)}, None,
             ["owners.past_turnout_percent", f"decision:{qualified.id}"])]


def _maintenance_plan(profile: Profile, knowledge: Knowledge, as_of: dt.date) -> list[Found]:
    """No MJOP, an outdated one, and a reserve below the legal minimum that follows."""
    money = profile.money
    found: list[Found] = []
    if money.maintenance_plan == "none":
        found.append(("no_mjop", {}, None, ["money.maintenance_plan"]))
    max_age = knowledge.financing.reserve_fund.mjop_max_age_years
    if money.maintenance_plan in ("mjop", "dmjop") and money.maintenance_plan_year is not None \
            and as_of.year - money.maintenance_plan_year > max_age:
        found.append(("mjop_outdated", {"mjop_year": money.maintenance_plan_year,
                                        "max_age": max_age}, None,
                      ["money.maintenance_plan_year"]))
    minimum = reserve_shortfall(profile, knowledge, as_of.year)
    if minimum is not None and money.yearly_reserve_contribution is not None:
        found.append(("reserve_below_minimum", {
            "contribution": f"€ {nl_int(money.yearly_reserve_contribution)}",
            "minimum": f"€ {nl_int(-(-minimum // 1))}"}, None,
            ["money.yearly_reserve_contribution", "money.rebuild_value",
             "financing:reserve_fund"]))
    return found


def _conditions(profile: Profile, knowledge: Knowledge, decisions: list[Decision]
                ) -> list[Found]:
    """What the reglement, the lender and the subsidy rules ask of this VvE."""
    b, voting = profile.building, profile.voting
    found: list[Found] = []
    if any(d.id == "set_threshold" for d in decisions):
        found.append(("threshold_not_set", {"state": _state(
            knowledge.risks["threshold_not_set"], voting.threshold_amount_set is False)},
            None, ["voting.threshold_amount_set"]))
    small = knowledge.financing.warmtefonds_loan.advice_required_from_dwellings
    dwellings = b.rights.dwellings
    if dwellings is not None and dwellings < small:
        found.append(("small_vve_loan", {"dwellings": dwellings, "limit": small}, None,
                      ["building.rights.dwellings", "financing:warmtefonds_loan"]))
    excluded = knowledge.financing.svve_measures.excluded_from_year
    if b.construction_year is not None and b.construction_year >= excluded:
        found.append(("svve_new_building", {"year": b.construction_year, "limit": excluded},
                      None, ["building.construction_year"]))
    if b.rights.commercial_units:
        found.append(("commercial_units", {"count": b.rights.commercial_units}, None,
                      ["building.rights.commercial_units"]))
    if knowledge.rules["announced_sustainability"].effective_date is None:
        found.append(("announced_rule_pending", {}, None, ["rule:announced_sustainability"]))
    if voting.hybrid_meeting_allowed is not True and voting.electronic_voting_allowed is not True:
        known = voting.hybrid_meeting_allowed is False and \
            voting.electronic_voting_allowed is not None
        found.append(("no_hybrid_meeting",
                      {"state": _state(knowledge.risks["no_hybrid_meeting"], known)},
                      None, ["voting.hybrid_meeting_allowed"]))
    if any("collective_replaces_individual" in d.needed_because for d in decisions):
        found.append(("private_parts_work", {}, None, ["installations.heating"]))
    return found


def _state(entry: RiskEntry, said_no: bool) -> str | None:
    """The risk's {state}: the board said no, or does not know."""
    return entry.state_no if said_no else entry.state_unknown


def _dormant(profile: Profile, knowledge: Knowledge) -> list[Found]:
    turnout = profile.owners.past_turnout_percent
    if profile.money.maintenance_plan != "none" or turnout is None or \
            turnout >= knowledge.risk_thresholds.dormant_turnout_below_percent:
        return []
    meta = knowledge.stage_meta
    return [("dormant_vve", {"min": meta.dormant_vve_years_min,
                             "max": meta.dormant_vve_years_max}, None,
             ["money.maintenance_plan", "owners.past_turnout_percent"])]


def _votes(profile: Profile, ctx: VoteContext) -> list[Found]:
    """Loans the reglement excludes, and votes that are missing, assumed or do not add up."""
    voting = profile.voting
    found: list[Found] = []
    if voting.loans_excluded_by_reglement:
        found.append(("loans_excluded", {}, None, ["voting.loans_excluded_by_reglement"]))
    rights = profile.building.rights.total()
    if voting.votes_per_right == "weighted":
        weighted = sum(w.rights for w in voting.weights)
        if not voting.weights:
            found.append(("weights_missing", {}, None, ["voting.weights"]))
        elif rights is not None and weighted != rights:
            found.append(("weights_mismatch", {"weighted": weighted, "rights": rights}, None,
                          ["voting.weights"]))
    if ctx.total is not None and profile.owner_votes() > ctx.total:
        found.append(("owner_votes_exceed_total", {"groups": nl_int(profile.owner_votes()),
                                                   "total": nl_int(ctx.total)}, None,
                      ["owners.groups"]))
    if ctx.total is None:
        found.append(("votes_unknown", {}, None, ["building.rights.dwellings"]))
    elif ctx.votes_assumed:
        found.append(("votes_assumed", {}, None, ["voting.votes_per_right"]))
    return found


def _owners(profile: Profile, knowledge: Knowledge, as_of: dt.date) -> list[Found]:
    """A start date already past, tenants' consent, and the window to challenge a decision."""
    found: list[Found] = []
    requested = profile.ambition.start_date
    if requested is not None and requested < as_of:
        found.append(("start_in_past", {"start": nl_date(requested), "today": nl_date(as_of)},
                      None, ["ambition.start_date"]))
    # Art. 7:220 lid 3 BW counts one landlord's own complex of at least 10 dwellings:
    # many private landlords with a flat each never reach it.
    landlords = [g for g in profile.owners.groups
                 if g.kind in ("private_landlords", "housing_corporation", "investor")
                 and (g.single_party or g.kind == "housing_corporation")
                 and g.rights is not None
                 and g.rights >= knowledge.risk_thresholds.tenant_consent_min_dwellings]
    if landlords:
        who = ", ".join(dict.fromkeys(g.name or OWNER_KINDS[g.kind].phrase
                                      for g in landlords))
        found.append(("tenant_consent", {"who": who}, None, ["owners.groups"]))
    found.append(("challenge_window", {}, None, []))
    return found


def _risk(knowledge: Knowledge, rid: str, values: Mapping[str, object], subject: str | None,
          ids: list[str]) -> Risk:
    entry = knowledge.risks[rid]
    text = entry.text.format(**values)
    return Risk(rid, entry.severity, entry.stage, text,
                Explanation.of(text, [f"risk:{rid}", *ids], sources(entry.source)), subject)


def _qualified_decision(decisions: list[Decision]) -> Decision | None:
    return next((d for d in decisions if d.rule.spec.kind == "qualified"
                 or any(a.spec.kind == "qualified" for a in d.alternatives)), None)


def _owner_power(ctx: VoteContext, decisions: list[Decision]) -> list[Found]:
    if not ctx.total:
        return []
    qualified = next((d.rule.rule for d in decisions if d.rule.spec.kind == "qualified"), None)
    qualified = qualified or next((a.rule for d in decisions for a in d.alternatives
                                   if a.spec.kind == "qualified"), None)
    ordinary = next((d.rule.rule for d in decisions if d.rule.spec.kind == "ordinary"), None)
    out: list[Found] = []
    for party in ctx.parties:
        if not ctx.party_is_single.get(party.id):
            continue
        values = {"party": party.label, "votes": nl_int(party.votes), "total": nl_int(ctx.total)}
        if qualified and power_of(qualified, ctx.total, party).can_block:
            out.append(("blocking_owner", values, party.id, [party.id]))
        if ordinary and power_of(ordinary, ctx.total, party).can_carry:
            out.append(("dominant_owner", values, party.id, [party.id]))
    return out


def _timing(profile: Profile, knowledge: Knowledge, nominal: list[StageWindow],
            measures: list[Measure]) -> list[Found]:
    out: list[Found] = []
    decide = stage_by_id(nominal, "decide")
    execute = stage_by_id(nominal, "execute")
    ready = decide.end.year
    expected = profile.municipal.expected_year
    if expected is not None and profile.municipal.preferred_route == "heat_network" \
            and expected < ready:
        out.append(("heat_network_early", {"year": expected, "ready": ready}, None,
                    ["municipal.expected_year"]))
    target = profile.ambition.target_year
    if target is not None and target < execute.end.year:
        years = knowledge.stage_meta.active_vve_years
        out.append(("target_unrealistic", {"target": target, "ready": execute.end.year,
                                           "years": years}, None, ["ambition.target_year"]))
    labels = knowledge.risk_thresholds.component_labels
    for mid, component, year in missed_couplings(profile, knowledge, measures,
                                                 execute.start.year):
        out.append(("maintenance_before_ready", {
            "component": labels[component], "year": year, "ready": execute.start.year,
            "measure": lower_words(knowledge.measures[mid].title)}, mid,
            [f"measure:{mid}", f"money.planned.{component}"]))
    boiler = profile.money.planned.collective_boiler
    if boiler is not None and expected is not None and \
            profile.municipal.preferred_route == "heat_network" and boiler < expected:
        out.append(("boiler_before_network", {"boiler": boiler, "year": expected}, None,
                    ["money.planned.collective_boiler", "municipal.expected_year"]))
    return out


def _percent(share: Fraction) -> str:
    value = share * 100
    return str(int(value)) if value.denominator == 1 else f"{float(value):.1f}".replace(".", ",")

