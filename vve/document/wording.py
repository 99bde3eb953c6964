"""What more than one chapter says alike: a decision's majority and quorum in words, and the
risks' numbers (R1, R2, …) by which the chapter on stages refers to the chapter on risks."""

from __future__ import annotations

from vve import labels
from vve.knowledge import load_knowledge
from vve.rules.voting import second_meeting_weeks
from vve.vocabulary import DECISION_WAITS

from .builder import Builder
from .text import NBSP, date_nl

# a risk that is a choice for the meeting gets a heading of its own in the summary, said in
# full there once; elsewhere the plan points to it (vve/rules/risks/subsidy.py)
CHOICES = {"svve_measures_not_reached": "De SVVE-subsidie voor de maatregelen: een keuze"}
# the same choice on the meeting's row in its phase's table of actions
CHOICE_ROW = {"svve_measures_not_reached": "de keuze over de SVVE-subsidie voor de maatregelen"}


# the same heading where the plan finds no way in time and puts no choice to a meeting
NO_CHOICE = {
    "svve_measures_not_reached": "De SVVE-subsidie voor de maatregelen: niet haalbaar in deze "
    "planning"
}


def choice_heading(plan: dict, risk_id: str) -> str:
    """The summary's heading of a choice: a choice only where a meeting makes it."""
    offered = any(risk_id in choices_of(m) for m in plan["meetings"])
    return CHOICES[risk_id] if offered else NO_CHOICE[risk_id]


def see_choice(risk_id: str, plan: dict | None = None) -> str:
    """The one sentence by which a chapter refers to a choice in the summary."""
    heading = CHOICES[risk_id] if plan is None else choice_heading(plan, risk_id)
    return f"Zie '{heading}' in de samenvatting."


def has_choice(plan: dict, risk_id: str) -> bool:
    return any(r["id"] == risk_id for r in plan["risks"])


def rule_in_words(rule: dict) -> str:
    """ "ten minste twee derde van de uitgebrachte stemmen" — the majority as one phrase."""
    if rule["majority"] == "1/1":  # unanimity: "ten minste alle van alle stemmen" is no Dutch
        return labels.UNANIMOUS[rule["base"]]
    return (
        f"{labels.COMPARISON[rule['comparison']]} "
        f"{labels.fraction_words(rule['majority'])} {labels.BASE[rule['base']]}"
    )


# a lender's condition that every member consents (voting.toml all_owners_consent)
MEMBERS_CONSENT = "de akkoordverklaring van ieder lid"
# the same condition in the votes table and in who can block the decision: the meeting
# decides with its usual majority, and besides that every member signs
MEMBERS_CONSENT_ROW = (
    "de ALV besluit met de meerderheid hierboven, en daarnaast tekent ieder lid de "
    "akkoordverklaring van de geldgever"
)
MEMBERS_CONSENT_BLOCKS = (
    "Eén eigenaar kan de lening tegenhouden: de geldgever leent alleen als ieder lid de "
    "akkoordverklaring tekent, dus een lid dat niet tekent, houdt de lening tegen, ook als "
    "de ALV voor stemt."
)


def lender_consent(decision: dict) -> dict | None:
    """The lender's condition beside the majority, where it asks every member's consent."""
    return next((r for r in decision.get("requirements", ()) if r["applies"] == "lender"), None)


def fewest_to_stop(votes: dict) -> tuple[int | None, int | None]:
    """(against, away): the fewest votes that stop a decision, voting no when everyone
    attends and votes, or staying away without a proxy so the first meeting has no
    quorum (None without a quorum or where the plan has no count)."""
    total, least_yes = votes["total"], votes.get("min_yes_full_attendance")
    against = total - least_yes + 1 if least_yes else None
    away = total - votes["quorum_votes"] + 1 if votes.get("quorum_votes") else None
    return against, away


def quorum_in_words(rule: dict) -> str:
    if rule["quorum"] is None:
        return "geen quorum"
    votes = rule["votes"]
    share = f"{labels.fraction_words(rule['quorum'])} van alle stemmen aanwezig of vertegenwoordigd"
    if votes:
        return f"{share}: ten minste {votes['quorum_votes']} van de {votes['total']} stemmen"
    return share


def threshold_cases(decision: dict) -> tuple[dict, dict] | None:
    """(ordinary, qualified): the two rules of a decision whose majority depends on whether
    its amount is above the meeting's threshold amount, where the plan cannot tell; None
    for any other decision (and in a plan written before the field existed)."""
    if not decision.get("threshold_words"):
        return None
    below = next((a for a in decision["alternatives"] if a["applies"] == "below_threshold"), None)
    return (below, decision["rule"]) if below else None


def reserve_fund_rule(decision: dict) -> dict | None:
    """The rule for paying the decision from the reserve fund, where the plan shows it
    beside the decision's own (decision_rules._reserve_fund_rule); None otherwise."""
    return next((a for a in decision["alternatives"] if a["applies"] == "reserve_fund"), None)


# the routes that can ask more votes than the rule the plan works with, briefly
HIGHER_ROUTES = {"safe_route": "bij twijfel", "reserve_fund": "uit het reservefonds"}


def higher_routes(decision: dict) -> list[tuple[int, str]]:
    """(votes at full attendance, when) for the safe route and the reserve fund where they
    ask more than the decision's rule: [(32, "bij twijfel of uit het reservefonds")]."""
    own = full_attendance(decision["rule"])
    if own is None:
        return []
    by_votes: dict[int, list[str]] = {}
    for a in decision["alternatives"]:
        votes = full_attendance(a)
        if a["applies"] in HIGHER_ROUTES and votes is not None and votes > own:
            by_votes.setdefault(votes, []).append(HIGHER_ROUTES[a["applies"]])
    return [(votes, " of ".join(words)) for votes, words in sorted(by_votes.items())]


# the same routes as the condition of a sentence in a concept-besluit
HIGHER_ROUTES_IF = {
    "reserve_fund": "betaalt het reservefonds (een deel)",
    "safe_route": "is er twijfel of het om noodzakelijk onderhoud gaat",
}


def higher_routes_in_words(decision: dict) -> str:
    """The rule of the reserve fund and the safe route where they ask more than the
    decision's own, as a sentence under its concept-besluit: "Betaalt het reservefonds
    (een deel), of is er twijfel …, dan is de gekwalificeerde meerderheid nodig: 32 van
    de 48 stemmen aanwezig of vertegenwoordigd, en ten minste twee derde van de
    uitgebrachte stemmen voor." ("" where none asks more)."""
    own = full_attendance(decision["rule"])
    if own is None:
        return ""
    by_rule: dict[str, list[str]] = {}
    order = list(HIGHER_ROUTES_IF)  # the reserve fund first, as the draft names it
    routes = sorted(
        (a for a in decision["alternatives"] if a["applies"] in HIGHER_ROUTES_IF),
        key=lambda a: order.index(a["applies"]),
    )
    for a in routes:
        votes = full_attendance(a)
        if votes is not None and votes > own:
            by_rule.setdefault(_needs(a), []).append(HIGHER_ROUTES_IF[a["applies"]])
    sentences = (f"{', of '.join(when)}, dan {needs}" for needs, when in by_rule.items())
    return "".join(f" {s[:1].upper()}{s[1:]}" for s in sentences)


def _needs(rule: dict) -> str:
    """ "is de gekwalificeerde meerderheid nodig: 32 van de 48 stemmen aanwezig of
    vertegenwoordigd, en ten minste twee derde van de uitgebrachte stemmen voor." """
    what = "is de gekwalificeerde meerderheid nodig" if rule["kind"] == "qualified" else "geldt"
    votes = rule["votes"]
    present = (
        f"{votes['quorum_votes']} van de {votes['total']} stemmen aanwezig of vertegenwoordigd"
        if votes.get("quorum_votes")
        else quorum_in_words(rule)
    )
    return f"{what}: {present}, en {rule_in_words(rule)} voor."


def full_attendance(rule: dict) -> int | None:
    """The votes for a rule needs at full attendance, where the votes are known."""
    votes = rule["votes"]
    return votes["min_yes_full_attendance"] if votes else None


def numbered_risks(plan: dict) -> list[tuple[str, dict]]:
    """The risks as the chapter on risks lists them: R1, R2, … most important first."""
    order = {"high": 0, "medium": 1, "low": 2}
    ranked = sorted(plan["risks"], key=lambda r: order[r["severity"]])
    return [(f"R{index}", risk) for index, risk in enumerate(ranked, start=1)]


def waits_in_words(decision: dict) -> str:
    """What a decision waits for before a meeting can take it ("zodra de warmteroute bekend
    is"), or "" when its date is as planned. A plan written before the field existed has
    none."""
    return " en ".join(DECISION_WAITS.word(code) for code in decision.get("waits_for", ()))


def annual_alv(year: int | str) -> str:
    """A future annual ALV the plan places by rule: its year, the day the VvE's own."""
    return f"jaarlijkse ALV {year} (datum volgt)"


def meeting_when(d: dict) -> str:
    """The meeting a decision goes to: its date, or an annual ALV by its year (a plan
    written before the field existed has none)."""
    if d.get("annual_meeting"):
        return annual_alv(d["meeting_date"][:4])
    return date_nl(d["meeting_date"])


def meeting_named(d: dict) -> str:
    """The meeting a decision (or part) goes to, as an overview of decisions names it
    after its title: "ALV van 19 april 2027", "jaarlijkse ALV 2030", "ALV van 25 september
    2028 of later" where it waits for something, or its second meeting."""
    if d.get("annual_meeting"):  # "ALV 2030" kept on one line, as a date is
        return f"jaarlijkse ALV{NBSP}{d['meeting_date'][:4]}"
    name = "tweede vergadering" if d.get("state") == "second_meeting" else "ALV"
    later = " of later" if waits_in_words(d) else ""
    return f"{name} van {date_nl(d['meeting_date'])}{later}"


def meeting_title(meeting: dict, name: str) -> str:
    """A meeting's heading: "ALV van 22 november 2027", or an annual ALV by its year."""
    if meeting.get("annual"):
        title = annual_alv(meeting["date"][:4])
        return title[:1].upper() + title[1:]
    return f"{name} van {date_nl(meeting['date'])}"


def notice_line(meeting: dict, why: str = "") -> str:
    """When to send the notice: by a date, or, for an annual ALV whose day is the VvE's
    own, the days before it."""
    if meeting.get("annual"):
        by = f"{meeting['notice_days']} dagen vóór de vergadering"
    else:
        by = date_nl(meeting["send_by"])
    return f"Oproep met de concept-besluiten uiterlijk {by}.{why}"


def _annual_second(second: dict, known: bool) -> str:
    """The second meeting after an annual ALV whose day is not set: the reglement's weeks
    after it."""
    sm = load_knowledge().second_meeting
    weeks = second_meeting_weeks(second["notice_days"], sm.min_weeks, sm.max_weeks)
    later = f"een tweede vergadering {weeks[0]} tot {weeks[1]} weken later"
    how = "ongeacht het aantal aanwezigen en met dezelfde meerderheid"
    decides = (
        f"dan besluit {later}, {how}"
        if known
        else f"dan kan, als het reglement daarin voorziet, {later} besluiten, {how}"
    )
    return (
        f"Wordt het quorum niet gehaald, {decides}; de oproep gaat "
        f"{second['notice_days']} dagen vooraf en vermeldt dat het een tweede vergadering is."
    )


def window_words(start: str, end: str, evenings: bool, in_holidays: bool) -> str:
    """A second meeting's window as the plan and the meeting pack both say it: "tussen ...
    en ..., buiten de vakanties" where its ``evenings`` lie outside the holidays, or that
    none does (``in_holidays``)."""
    window = f"tussen {date_nl(start)} en {date_nl(end)}"
    if in_holidays:
        return f"{window}; in die weken valt geen doordeweekse avond buiten de vakanties"
    return f"{window}, buiten de vakanties" if evenings else window


def meeting_window(window: dict) -> str:
    """A meeting's second_window (plan["meetings"]) in words; a plan written before its
    ``evenings`` existed gives the bounds alone."""
    return window_words(
        window["earliest"],
        window["latest"],
        evenings=bool(window.get("evenings")),
        in_holidays=bool(window.get("in_holidays")),
    )


def second_text(second: dict, known: bool = True, annual: bool = False) -> str:
    """The second meeting if the quorum is missed: its evening and the window it may fall
    in, or, after an annual ALV whose day is the VvE's own, in weeks after it."""
    if annual:
        return _annual_second(second, known)
    # its weekday evenings; a plan written before those fields existed has the legal bounds
    window = window_words(
        second.get("first_evening") or second["earliest"],
        second.get("last_evening") or second["latest"],
        evenings=bool(second.get("first_evening")),
        in_holidays=bool(second.get("in_holidays")),
    )
    when = (
        f"op {date_nl(second['planned'])} (het kan {window})"
        if second["planned"]
        else f"{window}; in die weken valt geen geschikte doordeweekse avond buiten de "
        f"vakanties, dus kies zelf een datum"
    )
    how = "ongeacht het aantal aanwezigen en met dezelfde meerderheid"
    if known:
        decides = f"dan besluit een tweede vergadering {when}, {how}"
    elif second["planned"]:
        decides = (
            f"dan kan, als het reglement daarin voorziet, een tweede vergadering {when} "
            f"besluiten, {how}"
        )
    else:  # the window ends in an instruction: the verb goes before it
        decides = (
            f"dan kan, als het reglement daarin voorziet, een tweede vergadering besluiten, "
            f"{how}, {when}"
        )
    return (
        f"Wordt het quorum niet gehaald, {decides}; de oproep gaat "
        f"{second['notice_days']} dagen vooraf en vermeldt dat het een tweede vergadering is."
    )


def choices_of(meeting: dict) -> list[str]:
    """The ids of the summary's choices this meeting makes (the rules name the meeting:
    the plan's ``choices`` per meeting; a plan written before has none)."""
    return [rid for rid in meeting.get("choices", ()) if rid in CHOICES]


def svve_route(plan: dict, meeting: dict) -> str:
    """The SVVE choice as the meeting that makes it hears it: the fast route and the
    meeting that would decide the measures, from the plan's own dates."""
    programme = next(f for f in plan["financing"] if f["id"] == "svve_measures")
    risk = next(r for r in plan["risks"] if r["id"] == "svve_measures_not_reached")
    decide = [i for i in risk["explanation"]["ids"] if i.startswith("decide_measures_at:")]
    day = decide[0].split(":", 1)[1] if decide else None
    later = (
        "deze vergadering"
        if day == meeting["date"]
        else f"de ALV van {date_nl(day)}"
        if day
        else "een extra ALV"
    )
    return (
        "De vergadering kiest of de VvE de SVVE-subsidie voor de maatregelen nog aanvraagt "
        f"vóór de einddatum ({date_nl(programme['facts']['open_until'])}, volgens RVO); in "
        "het plan besluit de VvE pas later over de maatregelen. Kiest zij daarvoor, dan "
        f"vraagt het bestuur de offertes direct na het energieadvies en besluit {later} al "
        "over de maatregelen."
    )


def write_choices(b: Builder, plan: dict, meeting: dict) -> None:
    """In the plan's section on a meeting: the summary's choices it makes, as agenda items,
    each with its draft resolution and the majority it needs."""
    for rid in choices_of(meeting):
        b.heading(CHOICES[rid], 3)
        b.para(f"{svve_route(plan, meeting)} {see_choice(rid)}")
        draft = choice_draft(meeting, rid)
        if draft:
            b.para("Concept-besluit:")
            b.para(draft["draft_resolution"], "Quote")
            b.labelled("Vereiste meerderheid", choice_majority(draft["rule"]))


def choice_draft(meeting: dict, rid: str) -> dict | None:
    """The draft resolution and rule of a choice the meeting makes (vve/rules/
    choice_drafts.py); None in a plan written before."""
    return next((c for c in meeting.get("choice_drafts", ()) if c["id"] == rid), None)


def choice_majority(rule: dict) -> str:
    """ "meer dan de helft van de uitgebrachte stemmen; geen quorum. Bij volledige
    opkomst: 4 van de 6 stemmen voor." """
    full = full_attendance(rule)
    numbers = (
        f" Bij volledige opkomst: {full} van de {rule['votes']['total']} stemmen voor."
        if full is not None
        else ""
    )
    return f"{rule_in_words(rule)}; {quorum_in_words(rule)}.{numbers}"


def votes_assumed(plan: dict) -> str:
    """The clause after the vote total where it is derived from the apartment rights: one
    vote each, and where the board does not know whether shops, garages or storage rooms
    have a right of their own, the dwellings only (the total may be higher)."""
    if not plan["votes"]["one_per_right_assumed"]:
        return ""
    rights = plan["answers"]["building"]["rights"]
    if rights.get("commercial_units") is None or rights.get("parking_or_storage") is None:
        return (
            " (aangenomen: één stem per appartementsrecht, alleen voor de woningen; of er "
            "ook winkels, garages of bergingen met een eigen appartementsrecht zijn, is nog "
            "niet bekend)"
        )
    return " (aangenomen: één stem per appartementsrecht)"
