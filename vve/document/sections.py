"""The body chapters: voting, stages, timeline, measures, money, draft resolutions, risks.

Each function reads only the plan JSON (docs/plan.md) and writes through the
Builder; none decides anything the engine did not.
"""

from __future__ import annotations

import io
from fractions import Fraction

from docx.shared import Cm

from vve import labels
from vve.labels import lower_words

from .builder import Builder
from .styles import set_alt_text
from .text import date_nl, euro, euro_cents, euro_range, month_nl, percent_of, sentences
from .timeline import timeline_png


def rule_in_words(rule: dict) -> str:
    """"ten minste twee derde van de uitgebrachte stemmen" — the majority as one phrase."""
    if rule["majority"] == "1/1":   # unanimity: "ten minste alle van alle stemmen" is no Dutch
        return labels.UNANIMOUS[rule["base"]]
    return (f"{labels.COMPARISON[rule['comparison']]} "
            f"{labels.fraction_words(rule['majority'])} {labels.BASE[rule['base']]}")


def quorum_in_words(rule: dict) -> str:
    if rule["quorum"] is None:
        return "geen quorum"
    votes = rule["votes"]
    share = f"{labels.fraction_words(rule['quorum'])} van alle stemmen aanwezig of vertegenwoordigd"
    if votes:
        return f"{share}: ten minste {votes['quorum_votes']} van de {votes['total']} stemmen"
    return share


def _votes_rows(rule: dict) -> list[list[str]]:
    votes = rule["votes"]
    if not votes:
        return [["Stemmen in aantallen", "onbekend: vul het aantal appartementsrechten in"]]
    rows = [["Nodig bij volledige opkomst",
             f"{votes['min_yes_full_attendance']} stemmen voor (van {votes['total']})"
             if votes["min_yes_full_attendance"] is not None else "niet haalbaar"]]
    if votes["quorum_votes"] is not None:
        rows.append(["Nodig bij precies het quorum",
                     f"{votes['min_yes_at_quorum']} stemmen voor (bij {votes['quorum_votes']} aanwezig)"])
    if votes["expected_present"] is not None:
        expected = votes["min_yes_expected_turnout"]
        rows.append([f"Bij de gebruikelijke opkomst ({votes['expected_present']} stemmen)",
                     f"{expected} stemmen voor" if expected is not None
                     else "geen geldig besluit in deze vergadering: quorum niet gehaald"])
    return rows


def _blocking_text(decision: dict, parties_known: bool) -> str:
    if not parties_known:
        return ("Welke eigenaars samen veel stemmen hebben, is nog niet bekend. Vul de "
                "eigenaarsgroepen in (corporatie, belegger, verhuurders, eigenaar-bewoners) om "
                "te zien of één eigenaar of groep een besluit kan tegenhouden.")
    lines = []
    for power in decision["blocking"]:
        single = power["single_party"]
        # a group of owners is no voting bloc: only if they all vote alike
        group = lower_words(power["label"])
        group = group[3:] if group.startswith("de ") else group
        who = (f"{power['label']} ({power['votes']} stemmen)" if single
               else f"als alle {group} hetzelfde stemmen ({power['votes']} stemmen), dan")
        can = "kan" if single else "kunnen zij"
        if power["can_carry"]:
            lines.append(f"{_first_upper(who)} {can} dit besluit alleen nemen én tegenhouden.")
        elif power["can_block"]:
            lines.append(f"{_first_upper(who)} {can} dit besluit alleen tegenhouden.")
        elif power["can_block_quorum"]:
            lines.append(f"{_first_upper(who)} {can} door weg te blijven het quorum van de "
                         "eerste vergadering onmogelijk maken.")
        ceiling = power["carries_alone_up_to_present"]
        total = (decision["rule"]["votes"] or {}).get("total")
        # "with at most N present it decides alone" says something only above its own votes
        if not power["can_carry"] and ceiling and single and total and \
                power["votes"] < ceiling < total:
            lines.append(f"Zijn er hoogstens {ceiling} van de {total} stemmen aanwezig, dan "
                         f"neemt {power['label']} dit besluit alleen.")
    return " ".join(lines) or "Geen eigenaar of eigenaarsgroep kan dit besluit alleen tegenhouden."


def _period(start: str, end: str) -> str:
    """"januari 2028 – maart 2028", or one month once."""
    first, last = month_nl(start), month_nl(end)
    return first if first == last else f"{first} – {last}"


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _second_text(second: dict) -> str:
    window = f"tussen {date_nl(second['earliest'])} en {date_nl(second['latest'])}"
    when = (f"op {date_nl(second['planned'])} (het mag {window})" if second["planned"]
            else f"{window}; in die weken valt geen geschikte doordeweekse avond buiten de "
                 f"vakanties, dus kies zelf een datum")
    return (f"Wordt het quorum niet gehaald, dan besluit een tweede vergadering {when}, "
            f"ongeacht het aantal aanwezigen en met dezelfde meerderheid; de oproep gaat "
            f"{second['notice_days']} dagen vooraf en vermeldt dat het een tweede vergadering is.")


def _rule_texts(plan: dict) -> list[str]:
    """Every rule explanation of the plan, once: many decisions share a rule, and a variant
    (maintenance-coupled, safe route, reserve fund) repeats its rule's sentences, which are
    left out where an earlier paragraph already said them."""
    said: set[str] = set()
    out: list[str] = []
    for d in plan["decisions"]:
        for rule in (d["rule"], *d["alternatives"], *d["requirements"]):
            new = [s for s in sentences(rule["explanation"]["text"]) if s not in said]
            said.update(new)
            if new:
                out.append(" ".join(new))
    return out


def _announced_note(plan: dict) -> str | None:
    """Which decisions the announced rule would change, said once instead of in each table."""
    concerned = [lower_words(d["title"]) for d in plan["decisions"]
                 if any(a["applies"] == "announced" for a in d["alternatives"])]
    if not concerned:
        return None
    return ("Wordt de aangekondigde regel voor verduurzamingsbesluiten wet, dan geldt die voor: "
            + "; ".join(concerned) + ". Controleer vóór de oproep of de regel al geldt.")


def _meetings(plan: dict) -> list[tuple[str, list[dict]]]:
    grouped: dict[str, list[dict]] = {}
    for d in plan["decisions"]:
        grouped.setdefault(d["meeting_date"], []).append(d)
    return sorted(grouped.items())


def voting_chapter(b: Builder, plan: dict) -> None:
    b.heading("Stemregels en besluitvorming", 1)
    model = plan["model_reglement"]
    votes = plan["votes"]
    intro = (f"De splitsingsakte volgt {model['label'].lower()}." if model["known"] else
             "Welk modelreglement de splitsingsakte volgt, is nog niet bekend; dit plan rekent "
             "met de strengste regels tot dat is uitgezocht.")
    b.para(intro)
    if votes["total"]:
        assumed = " (aangenomen: één stem per appartementsrecht)" if votes["one_per_right_assumed"] else ""
        b.para(f"De VvE heeft in totaal {votes['total']} stemmen{assumed}. Blanco stemmen en "
               "onthoudingen tellen mee voor het quorum, maar niet als uitgebrachte stem.")
    if model["known"]:
        b.para(f"Een vergadering wordt ten minste {model['notice_days']} dagen vooraf "
               "bijeengeroepen; de dag van oproeping en van de vergadering tellen niet mee.")
    else:
        b.para(f"Dit plan rekent met een oproep van ten minste {model['notice_days']} dagen "
               "vooraf, de langste termijn uit de modelreglementen, tot bekend is wat het eigen "
               "reglement zegt; de dag van oproeping en van de vergadering tellen niet mee.")
    b.heading("De regels in dit plan", 2)
    b.para("Welke meerderheid en welk quorum een besluit vraagt, volgt uit het reglement en de "
           "wet. Dit zijn de regels die in dit plan voorkomen, met wat ze hier in stemmen "
           "betekenen; bij elk besluit hieronder staat welke geldt.")
    b.bullets(_rule_texts(plan))
    announced = _announced_note(plan)
    if announced:
        b.para(announced)
    _blocking_section(b, plan)
    notes = {s["id"]: s["meeting_note"] for s in plan["stages"]}
    stages = {s["meeting_date"]: s["id"] for s in plan["stages"] if s["meeting_date"]}
    told: set[str] = set()   # why a date was chosen, said at the first meeting it explains
    for day, decisions in _meetings(plan):
        b.heading(f"ALV van {date_nl(day)}", 2)
        note = notes.get(stages.get(day))
        notice = min(d["notice_by"] for d in decisions)
        why = ""
        if note and note not in told:
            told.add(note)
            why = f" Gekozen datum: {note[:1].lower() + note[1:]}"
        b.para(f"Oproep met de concept-besluiten uiterlijk {date_nl(notice)}.{why}")
        seconds = {d["second_meeting"]["planned"] or d["second_meeting"]["earliest"]:
                   d["second_meeting"] for d in decisions if d["second_meeting"]}
        for second in seconds.values():
            b.para(_second_text(second))
        for decision in decisions:
            _decision_section(b, decision, model["notice_days"])


def _blocking_section(b: Builder, plan: dict) -> None:
    """Who can stop a decision: once per distinct answer, with the decisions it is about."""
    texts: dict[str, list[str]] = {}
    for d in plan["decisions"]:
        texts.setdefault(_blocking_text(d, bool(plan["votes"]["parties"])),
                         []).append(lower_words(d["title"]))
    b.heading("Wie kan een besluit tegenhouden", 2)
    if len(texts) == 1:
        b.para(next(iter(texts)) + " Dat geldt voor alle besluiten in dit plan.")
        return
    b.bullets(f"{text} Dat geldt voor: {'; '.join(titles)}." for text, titles in texts.items())


def _decision_section(b: Builder, decision: dict, notice_days: int) -> None:
    rule = decision["rule"]
    b.heading(decision["title"], 3)
    b.para(decision["explanation"]["text"])
    rows = [["Regel", f"{labels.APPLIES[rule['applies']]}: {rule_in_words(rule)}"],
            ["Quorum", quorum_in_words(rule)], *_votes_rows(rule)]
    if decision["notice_days"] > notice_days:
        rows.append(["Oproep", f"ten minste {decision['notice_days']} dagen vooraf (de wet "
                               f"vraagt dit voor dit besluit)"])
    rows.append(["Zekerheid", labels.CERTAINTY[decision["certainty"]]])
    for other in (*decision["alternatives"], *decision["requirements"]):
        if other["applies"] == "announced":   # said once, under "De regels in dit plan"
            continue
        full = other["votes"] and other["votes"]["min_yes_full_attendance"]
        numbers = f" — bij volledige opkomst {full} stemmen voor" if full else ""
        rows.append([labels.APPLIES[other["applies"]],
                     f"{rule_in_words(other)}; {quorum_in_words(other)}{numbers}"])
    b.table(["", "Voor dit besluit"], rows, caption=f"Stemmen nodig: {decision['title']}",
            widths=[4.5, 11.5])


def stages_chapter(b: Builder, plan: dict) -> None:
    b.heading("Het plan in fasen", 1)
    titles = {d["id"]: d["title"] for d in plan["decisions"]}
    for index, stage in enumerate(plan["stages"], start=1):
        b.heading(f"Fase {index}. {stage['title']}", 2)
        b.labelled("Doel", stage["goal"])
        b.labelled("Periode", f"{month_nl(stage['start'])} tot {month_nl(stage['end'])}")
        if stage["meeting_date"]:
            b.labelled("ALV", date_nl(stage["meeting_date"]))
        rows = [[a["what"], labels.WHO.get(a["who"], a["who"]),
                 _period(a["start"], a["end"]),
                 f"{a['weeks']} {'week' if a['weeks'] == 1 else 'weken'}"]
                for a in stage["actions"]]
        b.table(["Wat", "Wie", "Wanneer", "Duur"], rows, caption=f"Acties in fase {index}",
                widths=[7.5, 3.2, 3.6, 1.7])
        if stage["decisions"]:
            b.heading("Besluiten", 3)
            b.bullets(titles[d] for d in stage["decisions"])
        b.heading("Mijlpalen", 3)
        b.bullets(stage["milestones"])
        numbers = [number for number, risk in numbered_risks(plan)
                   if risk["stage"] == stage["id"]]
        if numbers:   # said once, in the chapter on risks; here a reference
            b.labelled("Risico's in deze fase", f"{', '.join(numbers)} (zie het hoofdstuk "
                                                 f"'Risico's en aandachtspunten')")


def timeline_chapter(b: Builder, plan: dict) -> None:
    b.heading("Tijdlijn", 1)
    b.para("De fasen van het plan, met de vergaderingen, het geplande onderhoud uit het MJOP "
           "en de plannen van de gemeente. De tabel eronder bevat dezelfde gegevens.")
    picture = b.doc.add_picture(io.BytesIO(timeline_png(plan["timeline"])), width=Cm(16))
    set_alt_text(picture, "Tijdlijn van het plan van aanpak; dezelfde gegevens staan in de "
                          "tabel hieronder.")
    b.figures += 1
    b.para(f"Figuur {b.figures}. Tijdlijn van het plan van aanpak", "Caption")
    rows = [[labels.TIMELINE_KIND[t["kind"]], t["label"], date_nl(t["start"]),
             date_nl(t["end"]) if t["end"] != t["start"] else ""] for t in plan["timeline"]]
    b.table(["Soort", "Omschrijving", "Van", "Tot"], rows, caption="Tijdlijn in tabelvorm",
            widths=[2.8, 7.2, 3, 3])


def measures_chapter(b: Builder, plan: dict) -> None:
    route = plan["heat_route"]
    b.heading("Maatregelen en warmteroute", 1)
    b.heading(f"Warmteroute: {route['title']}", 2)
    b.para(route["explanation"]["text"])
    b.heading("Maatregelen in volgorde", 2)
    b.para("Eerst wat onder elke route goed is (no-regret), dan de warmtevraag omlaag, dan de "
           "warmtebron, dan eigen stroom en wat eigenaars zelf doen (trias energetica).")
    b.bullets((f"{m['title']}{' (privé, per eigenaar)' if m['private'] and 'privé' not in m['title'] else ''}. "
               f"{m['explanation']['text']}" for m in plan["measures"]), numbered=True)
    if route["id"] == "undecided":   # nothing is turned down yet: the ALV still chooses
        b.heading("De routes waaruit de VvE kiest", 2)
        b.table(["Route", "Wat u moet weten"],
                [[a["title"], a["why_not"]] for a in route["alternatives"]],
                caption="Warmteroutes waaruit de ALV kiest", widths=[5, 11])
        return
    b.heading("Overwogen alternatieven", 2)
    b.table(["Route", "Waarom niet gekozen"],
            [[a["title"], a["why_not"]] for a in route["alternatives"]],
            caption="Warmteroutes die niet zijn gekozen", widths=[5, 11])


def financing_chapter(b: Builder, plan: dict) -> None:
    b.heading("Financiering en subsidies", 1)
    b.para("Bedragen en voorwaarden veranderen; elke regel noemt de bron en de peildatum. "
           "Controleer ze bij de aanvraag.")
    for item in plan["financing"]:
        if item["id"] == "reserve_minimum":
            continue  # the chapter on money shows the minimum beside the reserve projection
        b.heading(item["title"], 2)
        b.para(item["explanation"]["text"])
        if item.get("conditions"):
            b.labelled("Voorwaarden", item["conditions"])
        facts = item["facts"]
        if "cap_for_this_vve" in facts:
            b.labelled("Maximale subsidie voor deze VvE", euro(facts["cap_for_this_vve"]))
        if facts.get("after_end_date"):
            b.labelled("Let op", f"in deze planning valt de aanvraag op "
                                 f"{date_nl(facts['application_date'])}, na de einddatum van "
                                 f"{date_nl(facts['open_until'])}; vervroeg de aanvraag.")
        advice = plan["money"]["advice"]
        if item["id"] == "svve_advice" and advice["subsidy"]["counted"] and advice["cost"]:
            cost, amount = advice["cost"]["high_cents"], advice["subsidy"]["amount"]
            share = Fraction(advice["share"])
            text = f"{percent_of(advice['share'])} van {euro_cents(cost)}"
            if amount["high_cents"] < cost * share:   # the maximum for this many dwellings
                text += f", met een maximum voor dit aantal woningen: {euro_range(amount)}"
            else:
                text += f" = {euro_range(amount)}"
            b.labelled("Verwachte subsidie voor het advies", text)
        if "energy_advice_required" in facts:
            b.labelled("Energieadvies verplicht", "ja" if facts["energy_advice_required"] else
                       "nee, wel instemming van ieder lid")
        if not item["applies"]:
            b.note("Geldt niet voor dit gebouw.")
        titles = {s["id"]: s["title"] for s in plan["sources"]}
        sources = "; ".join(titles.get(i.split(":", 1)[1], i.split(":", 1)[1])
                            for i in item["explanation"]["ids"] if i.startswith("source:"))
        b.note(f"Bron: {sources} (peildatum {date_nl(item['peildatum'])}; "
               f"{labels.CERTAINTY[item['certainty']]}).")


def drafts_chapter(b: Builder, plan: dict) -> None:
    b.heading("Concept-besluiten voor de ALV", 1)
    b.para("Teksten om in de agenda op te nemen. Vul in wat tussen [haken] staat. Onder elk "
           "voorstel staat de meerderheid die het nodig heeft.")
    for decision in plan["decisions"]:
        rule = decision["rule"]
        b.heading(decision["title"], 2)
        b.para(decision["draft_resolution"], "Quote")
        votes = rule["votes"]
        numbers = (f" Bij volledige opkomst: {votes['min_yes_full_attendance']} van de "
                   f"{votes['total']} stemmen voor." if votes and
                   votes["min_yes_full_attendance"] is not None else "")
        # the condition in the same paragraph: a lone note can end up atop the next page
        condition = " Alleen nodig als het plan deze kant op gaat." if decision["conditional"] \
            else ""
        b.labelled("Vereiste meerderheid",
                   f"{rule_in_words(rule)}; {quorum_in_words(rule)}.{numbers}{condition}")


def numbered_risks(plan: dict) -> list[tuple[str, dict]]:
    """The risks as the chapter on risks lists them: R1, R2, … most important first."""
    order = {"high": 0, "medium": 1, "low": 2}
    ranked = sorted(plan["risks"], key=lambda r: order[r["severity"]])
    return [(f"R{index}", risk) for index, risk in enumerate(ranked, start=1)]


def risks_chapter(b: Builder, plan: dict) -> None:
    b.heading("Risico's en aandachtspunten", 1)
    rows = [[number, labels.SEVERITY[r["severity"]], r["text"]]
            for number, r in numbered_risks(plan)]
    b.table(["Nr.", "Belang", "Risico en wat te doen"], rows, caption="Risico's",
            widths=[1.2, 1.8, 13])
    b.heading("Open vragen", 1)
    if not plan["unknowns"]:
        b.para("Het bestuur heeft alle vragen beantwoord.")
        return
    b.para("Deze antwoorden waren nog onbekend. Het plan rekent tot dan met de voorzichtigste "
           "aanname; zoek ze uit in de genoemde fase.")
    rows = [[labels.field_label(u["field"]), u["how_to_find_out"],
             labels.WHO.get(u["who"], u["who"])] for u in plan["unknowns"]]
    b.table(["Vraag", "Hoe uit te zoeken", "Wie"], rows, caption="Open vragen",
            widths=[4.5, 8.5, 3])
