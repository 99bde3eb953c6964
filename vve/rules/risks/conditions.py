"""Risks in what the reglement, the lender, the subsidy rules and the law ask of this VvE."""

from __future__ import annotations

import datetime as dt

from vve.knowledge import Knowledge
from vve.profile import Profile
from vve.vocabulary import OWNER_KINDS

from ..decisions import Decision
from ..explain import nl_date, nl_listing
from .risk import Found, state


def conditions(profile: Profile, knowledge: Knowledge, decisions: list[Decision]) -> list[Found]:
    """What the reglement, the lender and the subsidy rules ask of this VvE."""
    return [
        *_threshold(profile, knowledge, decisions),
        *_financing(profile, knowledge),
        *_meeting(profile, knowledge, decisions),
        *_unknowns(profile, knowledge),
    ]


def _unknowns(profile: Profile, knowledge: Knowledge) -> list[Found]:
    """Much the plan's rules and money rest on is not known yet: a key risk from the
    knowledge's number of unknowns on (our own rule)."""
    money = profile.money
    unknown = {
        "model": profile.voting.model_reglement is None,
        "owner_occupier": not profile.owners.groups,
        "reserve": money.reserve_fund_balance is None or money.yearly_reserve_contribution is None,
    }
    keys = [key for key, is_unknown in unknown.items() if is_unknown]
    if len(keys) < knowledge.risk_thresholds.many_unknowns_from:
        return []
    parts = knowledge.risks["much_unknown"].parts
    fields = {
        "model": "voting.model_reglement",
        "owner_occupier": "owners.groups",
        "reserve": "money.yearly_reserve_contribution",
    }
    return [
        (
            "much_unknown",
            {
                "unknowns": nl_listing([parts[key] for key in keys]),
                "strictest": parts["strictest"] if unknown["model"] else "",
            },
            None,
            [fields[key] for key in keys],
        )
    ]


def _threshold(profile: Profile, knowledge: Knowledge, decisions: list[Decision]) -> list[Found]:
    """No threshold amount set (or not known to be): two readings of the reglement."""
    if not any(d.id == "set_threshold" for d in decisions):
        return []
    said_no = profile.voting.threshold_amount_set is False
    return [
        (
            "threshold_not_set",
            {"state": state(knowledge.risks["threshold_not_set"], said_no)},
            None,
            ["voting.threshold_amount_set"],
        )
    ]


def _financing(profile: Profile, knowledge: Knowledge) -> list[Found]:
    """The lender's consent rule for a small VvE, and what the SVVE subsidy leaves out."""
    b = profile.building
    found: list[Found] = []
    small = knowledge.financing.warmtefonds_loan.advice_required_from_dwellings
    dwellings = b.rights.dwellings
    if dwellings is not None and dwellings < small:
        found.append(
            (
                "small_vve_loan",
                {"dwellings": dwellings, "limit": small},
                None,
                ["building.rights.dwellings", "financing:warmtefonds_loan"],
            )
        )
    excluded = knowledge.financing.svve_measures.excluded_from_year
    if b.construction_year is not None and b.construction_year >= excluded:
        found.append(
            (
                "svve_new_building",
                {"year": b.construction_year, "limit": excluded},
                None,
                ["building.construction_year"],
            )
        )
    if b.rights.commercial_units:
        found.append(
            (
                "commercial_units",
                {
                    "units": f"{b.rights.commercial_units} bedrijfsruimte"
                    + ("" if b.rights.commercial_units == 1 else "n")
                },
                None,
                ["building.rights.commercial_units"],
            )
        )
    return found


def _meeting(profile: Profile, knowledge: Knowledge, decisions: list[Decision]) -> list[Found]:
    """The rules the decisions are taken under: the announced rule not yet law, no hybrid
    meeting, and a collective installation's work in the private parts."""
    voting = profile.voting
    found: list[Found] = []
    if knowledge.rules["announced_sustainability"].effective_date is None:
        found.append(("announced_rule_pending", {}, None, ["rule:announced_sustainability"]))
    if voting.hybrid_meeting_allowed is not True and voting.electronic_voting_allowed is not True:
        known = (
            voting.hybrid_meeting_allowed is False and voting.electronic_voting_allowed is not None
        )
        found.append(
            (
                "no_hybrid_meeting",
                {"state": state(knowledge.risks["no_hybrid_meeting"], known)},
                None,
                ["voting.hybrid_meeting_allowed"],
            )
        )
    if any("collective_replaces_individual" in d.needed_because for d in decisions):
        found.append(("private_parts_work", {}, None, ["installations.heating"]))
    return found


def owners(profile: Profile, knowledge: Knowledge, as_of: dt.date) -> list[Found]:
    """A start date already past, tenants' consent, and the window to challenge a decision."""
    found: list[Found] = []
    requested = profile.ambition.start_date
    if requested is not None and requested < as_of:
        found.append(
            (
                "start_in_past",
                {"start": nl_date(requested), "today": nl_date(as_of)},
                None,
                ["ambition.start_date"],
            )
        )
    # Art. 7:220 lid 3 BW counts one landlord's own complex of at least 10 dwellings:
    # many private landlords with a flat each never reach it.
    landlords = [
        g
        for g in profile.owners.groups
        if g.kind in ("private_landlords", "housing_corporation", "investor")
        and (g.single_party or g.kind == "housing_corporation")
        and g.rights is not None
        and g.rights >= knowledge.risk_thresholds.tenant_consent_min_dwellings
    ]
    if landlords:
        who = ", ".join(dict.fromkeys(g.name or OWNER_KINDS[g.kind].phrase for g in landlords))
        found.append(("tenant_consent", {"who": who}, None, ["owners.groups"]))
    found.append(("challenge_window", {}, None, []))
    return found
