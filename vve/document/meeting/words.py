"""The sentences more than one document of the pack says: the rule of a proposal in words
and numbers, what it costs an apartment, the proxy rules and the notice period.

Legal facts come from the plan JSON (numbers, dates, the proxy rules) or the knowledge
(the sentences in voting.toml and stages.toml); this module only joins them into Dutch.
"""

from __future__ import annotations

from vve import labels
from vve.rules.meeting_money import ApartmentCost, ProposalMoney, proposal_money

from ..builder import Builder
from ..text import date_nl, euro_cents, euro_range
from ..wording import reserve_fund_rule, rule_in_words, threshold_cases
from .common import Pack


def quorum_text(rule: dict, second: bool) -> str:
    if second and rule["second_meeting_allowed"]:
        return (
            "geen: dit is een tweede vergadering, die besluit ongeacht het aantal aanwezige "
            "of vertegenwoordigde stemmen"
        )
    if rule["quorum"] is None:
        return "geen"
    share = f"{labels.fraction_words(rule['quorum'])} van alle stemmen"
    votes = rule["votes"]
    if votes and votes["quorum_votes"] is not None:
        return (
            f"ten minste {votes['quorum_votes']} van de {votes['total']} stemmen aanwezig of "
            f"vertegenwoordigd ({share})"
        )
    return f"{share} aanwezig of vertegenwoordigd (het aantal stemmen is nog niet bekend)"


def majority_text(rule: dict, second: bool) -> str:
    words = rule_in_words(rule)
    votes = rule["votes"]
    if not votes or votes["min_yes_full_attendance"] is None:
        return words
    numbers = f"bij volledige opkomst {votes['min_yes_full_attendance']} stemmen voor"
    if not second and votes["quorum_votes"] is not None and votes["min_yes_at_quorum"]:
        numbers += (
            f", bij {votes['quorum_votes']} aanwezige stemmen (precies het quorum) "
            f"{votes['min_yes_at_quorum']}"
        )
    return f"{words}; {numbers}"


def needed_quorum(rule: dict, second: bool) -> str:
    """Short, for a table cell: "24 van 48", "geen"."""
    if second and rule["second_meeting_allowed"] or rule["quorum"] is None:
        return "geen quorum"
    votes = rule["votes"]
    if votes and votes["quorum_votes"] is not None:
        return f"quorum {votes['quorum_votes']} van {votes['total']}"
    return f"quorum {labels.fraction_words(rule['quorum'])}"


def threshold_text(decision: dict, second: bool) -> str | None:
    """Quorum and majority in both cases, where the decision's amount against the threshold
    amount the meeting set decides them (MR 1983/1992 art. 38 lid 5); None otherwise. At a
    second meeting (no quorum) the majority only."""
    cases = threshold_cases(decision)
    if cases is None:
        return None
    below, above = cases

    def case(rule: dict) -> str:
        if second:
            return majority_text(rule, second)
        return f"quorum {quorum_text(rule, second)}, meerderheid {majority_text(rule, second)}"

    opening = (
        f"Ligt {decision['threshold_words']} niet boven het drempelbedrag dat de vergadering "
        f"heeft vastgesteld: {case(below)}."
    )
    # paying from the reserve fund knows no threshold amount (MR 1983/1992)
    reserve = reserve_fund_rule(decision)
    if reserve is None:
        return f"{opening} Ligt het erboven: {case(above)}."
    if reserve["rule_id"] == above["rule_id"]:
        return (
            f"{opening} Ligt het erboven, of betaalt het reservefonds (dan ook onder het "
            f"drempelbedrag): {case(above)}."
        )
    return f"{opening} Ligt het erboven: {case(above)}. Betaalt het reservefonds: {case(reserve)}."


def write_rule(b: Builder, decision: dict, second: bool) -> None:
    """A proposal's quorum and majority as labelled lines, for the agenda and the minutes."""
    rule = decision["rule"]
    both = threshold_text(decision, second)
    if both and not second:
        b.labelled("Quorum en meerderheid", both)
        return
    b.labelled("Quorum", quorum_text(rule, second) + ".")
    b.labelled("Meerderheid", both or majority_text(rule, second) + ".")


def decision_quorum(decision: dict, second: bool) -> str:
    """Short, for a table cell: "quorum 32 van 48", or both where the threshold decides."""
    cases = threshold_cases(decision)
    votes = [c["votes"] for c in cases] if cases and not second else []
    if len(votes) == 2 and all(v and v["quorum_votes"] is not None for v in votes):
        low, high = (v["quorum_votes"] for v in votes)
        if low != high:
            reserve = " en of het reservefonds betaalt" if reserve_fund_rule(decision) else ""
            return (
                f"quorum {low} of {high} van {votes[1]['total']} "
                f"(hangt af van het drempelbedrag{reserve})"
            )
    return needed_quorum(decision["rule"], second)


# --- money --------------------------------------------------------------------------------


def _class_name(c: ApartmentCost) -> str:
    return c.label or labels.RIGHT_KIND.get(c.kind, c.kind).lower()


def _per_class(money: ProposalMoney, amount) -> str:
    """ "€ 344 tot € 363 per appartement (breukdeel 1/48)", or one part per class."""
    if len(money.classes) == 1:
        c = money.classes[0]
        return f"{amount(c)} per appartement (breukdeel {c.share})"
    return "; ".join(
        f"{amount(c)} per {_class_name(c)} (breukdeel {c.share})" for c in money.classes
    )


def money_lines(pack: Pack, decision: dict) -> list[str]:
    """What the proposal costs an apartment, as the plan has it; empty without an amount."""
    money = proposal_money(pack.plan, decision)
    if money is None:
        return []
    plan_money = pack.plan["money"]
    if not plan_money["estimable"] and money.source == "measures":
        return [plan_money["summary_measures"]]
    if money.source == "loan":
        return _loan_lines(money)
    if money.total is None:
        return [f"Nog geen bedrag: {', '.join(money.missing)}; dat volgt uit de offerte."]
    after = ", na aftrek van de verwachte subsidie" if money.subsidy_counted else ""
    reserve = plan_money.get("reserve_used_cents") if money.source == "measures" else None
    if money.classes:
        line = (
            _per_class(money, lambda c: euro_range(c.one_off))
            + f", in één keer{after}{', vóór bijdrage reservefonds' if reserve else ''}"
            + f" (de VvE samen {euro_range(money.total)})"
        )
        if reserve:  # the fund's part is for the measures together, not per proposal
            line += (
                f". Het reservefonds betaalt {euro_cents(reserve)} van alle maatregelen samen; "
                f"wat een appartement daarna betaalt, staat in het plan ('Wat betaalt mijn "
                f"appartement?')"
            )
    else:
        line = (
            f"{euro_range(money.total)} voor de VvE samen{after}; een bedrag per appartement "
            "volgt zodra het aantal appartementsrechten bekend is"
        )
    if not money.own_figures:
        line = "Naar schatting " + line
    lines = [line[:1].upper() + line[1:] + "."]
    if money.missing:
        lines.append(f"Nog zonder bedrag (volgt uit de offerte): {', '.join(money.missing)}.")
    if money.source == "advice" and money.subsidy_counted:
        lines += _advice_first(pack.plan["money"].get("first_decision"))
    return lines


def _advice_first(first: dict | None) -> list[str]:
    """What an apartment pays before the SVVE refund arrives (plan money.first_decision)."""
    if not first or first["advice"] is None or not first["classes"]:
        return []
    classes = first["classes"]
    assumed = "aangenomen " if first.get("shares_assumed") else ""
    if len(classes) == 1:
        parts = (
            f"{euro_range(classes[0]['advice'])} per appartement "
            f"(breukdeel {assumed}{classes[0]['share']})"
        )
    else:
        parts = "; ".join(
            f"{euro_range(c['advice'])} per "
            f"{c['label'] or labels.RIGHT_KIND.get(c['kind'], c['kind']).lower()} "
            f"(breukdeel {assumed}{c['share']})"
            for c in classes
        )
    return [
        f"Eerst betaalt de VvE het hele advies: {parts}; de SVVE-vergoeding komt pas later, "
        f"na de aanvraag (in deze planning op {date_nl(first['application_date'])})."
    ]


def _loan_lines(money: ProposalMoney) -> list[str]:
    assert money.total is not None
    if money.below_minimum:  # whether there is a loan at all is open: no monthly amounts
        return [
            f"Wat nu een bedrag heeft, komt samen op {euro_range(money.total)}, minder dan het "
            "minimale leenbedrag; daarom nog geen bedrag per maand (zie hierboven)."
        ]
    estimate = "" if money.own_figures else "naar schatting "
    lines = [f"De VvE leent {estimate}{euro_range(money.total)}."]
    for c in money.classes:
        terms = sorted(c.monthly, key=int)
        who = "appartement" if len(money.classes) == 1 else _class_name(c)
        lines.append(
            f"Per {who} (breukdeel {c.share}) per maand: "
            + ", ".join(f"{euro_range(c.monthly[y])} bij {y} jaar" for y in terms)
            + "."
        )
    return lines


def earlier_result(attempt: dict) -> str:
    """What an earlier meeting did with the proposal, in its recorded numbers."""
    day = date_nl(attempt["meeting_date"])
    if attempt["outcome"] == "no_quorum":
        return (
            f"op {day} kon de vergadering hierover niet besluiten: {attempt['present']} van de "
            f"{attempt['total']} stemmen waren aanwezig of vertegenwoordigd, "
            f"{attempt['quorum_needed']} waren nodig."
        )
    if attempt["outcome"] == "too_few_yes":
        return (
            f"op {day} haalde het voorstel het niet: {attempt['yes']} stemmen voor, "
            f"{attempt['no']} tegen en {attempt['blank']} blanco; {attempt['yes_needed']} "
            "stemmen voor waren nodig."
        )
    if attempt["outcome"] == "no_votes_cast":
        return f"op {day} is er geen stem voor of tegen uitgebracht."
    return f"op {day} aangenomen."


# --- proxies and notice -------------------------------------------------------------------


def proxy_lines(pack: Pack) -> list[str]:
    """What an owner must know to give a proxy: how, and the reglement's limits."""
    proxies = pack.plan["proxies"]
    lines = [pack.knowledge.written_proxy.text]
    if proxies["board_may_hold"] is False:
        lines.append(
            "Onder het reglement van onze VvE mag een bestuurslid geen volmacht aannemen: "
            "machtig daarom een andere eigenaar, geen bestuurslid."
        )
    elif proxies["board_may_hold"] is None:
        years = " en ".join(y for y in pack.knowledge.proxies.board_may_not_hold if y.isdigit())
        lines.append(
            f"Onder de modelreglementen van {years} mag een bestuurslid geen volmacht "
            "aannemen. Zolang niet vaststaat wat ons reglement zegt, machtigt u liever een "
            "andere eigenaar dan een bestuurslid."
        )
    limit = proxies["limit"]
    if limit == 0:
        lines.append("Het reglement stelt geen maximum aan het aantal volmachten per persoon.")
    elif limit:
        count = "één volmacht" if limit == 1 else f"{limit} volmachten"
        lines.append(
            f"Eén gevolmachtigde mag ten hoogste {count} hebben; vraag uw gevolmachtigde of "
            "er nog ruimte is."
        )
    return lines


def proxy_checks(pack: Pack) -> list[str]:
    """What the board must still check about proxies before sending."""
    proxies, lines = pack.plan["proxies"], []
    if proxies["board_may_hold"] is None and proxies["note"]:
        lines.append(proxies["note"][:1].upper() + proxies["note"][1:] + ".")
    if proxies["limit"] is None:
        lines.append(
            "Het reglement is nog niet nagekeken op een maximum aantal volmachten per "
            "gevolmachtigde: controleer dat en vul het in VvE Warmteplan in."
        )
    return lines


def notice_lines(pack: Pack) -> list[str]:
    """When to send the convocation at the latest, and how that day is counted."""
    m, k = pack.meeting, pack.knowledge
    model = pack.plan["model_reglement"]
    by = (
        f"{m['notice_days']} dagen vóór de dag die het bestuur voor de jaarlijkse ALV kiest"
        if pack.annual
        else date_nl(m["send_by"])
    )
    lines = [
        f"Verstuur deze oproeping uiterlijk {by}: de oproeptermijn is "
        f"{m['notice_days']} dagen. {k.notice.why}"
    ]
    deed = [d for d in pack.proposals if d["legal_class"] == "deed_amendment"]
    if deed:
        rule = k.rules[k.law_classes["deed_amendment"]]
        where = "; ".join(k.sources[s].where for s in rule.source)
        lines.append(
            f"Voor een wijziging van de splitsingsakte eist de wet een oproep van ten minste "
            f"{rule.min_notice_days} dagen vooraf ({where})."
        )
    elif model["known"]:
        lines.append(f"Die termijn volgt uit het {model['label'].lower()}.")
    else:
        lines.append(
            "Zolang niet vaststaat welk modelreglement geldt, rekent het plan met de langste "
            "termijn uit de modelreglementen."
        )
    if m["notice_certainty"] == "betwist":
        lines.append(
            "Bronnen verschillen over deze termijn: controleer de oproeptermijn in uw eigen "
            "reglement."
        )
    elif m["notice_certainty"] != "bron":
        lines.append(
            "Deze termijn is niet zeker: controleer de oproeptermijn in uw eigen reglement."
        )
    if not m["held"] and not pack.annual and m["send_by"] < pack.plan["as_of"]:
        lines.append(
            f"Let op: die dag ligt vóór de datum van het plan ({date_nl(pack.plan['as_of'])}). "
            "Kies een latere vergaderdatum en maak het plan opnieuw."
        )
    return lines


def rule_checks(pack: Pack) -> list[str]:
    """Rules of the agenda's proposals the board must check in its reglement."""
    unsure = [d for d in pack.proposals if d["rule"]["certainty"] != "bron"]
    if not unsure:
        return []
    titles = "; ".join(f"{labels.lower_words(d['title'])}" for d in unsure)
    return [
        "Controleer in het reglement welke meerderheid geldt voor: "
        f"{titles}. Het plan rekent met de veiligste lezing; zie het plan van aanpak."
    ]
