"""The body chapters: voting, stages, timeline, measures, money, draft resolutions, risks.

Each function reads only the plan JSON (docs/plan.md) and writes through the
Builder; none decides anything the engine did not.
"""

from __future__ import annotations

import io
from fractions import Fraction

from docx.shared import Cm

from vve import labels

from .builder import Builder
from .styles import set_alt_text
from .money.fmt import percent_of
from .text import date_nl, euro, euro_cents, euro_range, month_nl
from .timeline import timeline_png


def rule_in_words(rule: dict) -> str:
    """"ten minste twee derde van de uitgebrachte stemmen" — the majority as one phrase."""
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


def _blocking_text(decision: dict) -> str:
    lines = []
    for power in decision["blocking"]:
        single = power["single_party"]
        who = (f"{power['label']} ({power['votes']} stemmen)" if single
               else f"{power['label']} samen ({power['votes']} stemmen)")
        can = "kan" if single else "kunnen"
        if power["can_carry"]:
            lines.append(f"{who} {can} dit besluit alleen nemen én tegenhouden.")
        elif power["can_block"]:
            lines.append(f"{who} {can} dit besluit alleen tegenhouden.")
        elif power["can_block_quorum"]:
            lines.append(f"{who} {can} door weg te blijven het quorum van de eerste "
                         "vergadering onmogelijk maken.")
        ceiling = power["carries_alone_up_to_present"]
        total = (decision["rule"]["votes"] or {}).get("total")
        if not power["can_carry"] and ceiling and single and total and ceiling < total:
            lines.append(f"Zijn er hoogstens {ceiling} van de {total} stemmen aanwezig, dan "
                         f"neemt {power['label']} dit besluit alleen.")
    return " ".join(lines) or "Geen eigenaar of eigenaarsgroep kan dit besluit alleen tegenhouden."


def _second_text(decision: dict) -> str:
    second = decision["second_meeting"]
    if second is None:
        return "niet nodig: dit besluit kent geen quorum"
    return (f"als het quorum niet wordt gehaald: tussen {date_nl(second['earliest'])} en "
            f"{date_nl(second['latest'])}, ongeacht het aantal aanwezigen, met dezelfde "
            f"meerderheid (oproep {second['notice_days']} dagen vooraf)")


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
    b.para(f"Een vergadering wordt ten minste {model['notice_days']} dagen vooraf bijeengeroepen; "
           "de dag van oproeping en van de vergadering tellen niet mee.")
    for decision in plan["decisions"]:
        rule = decision["rule"]
        b.heading(decision["title"], 2)
        b.para(decision["explanation"]["text"].split(". ")[0].rstrip(".") + ".")
        rows = [["Regel", f"{labels.APPLIES[rule['applies']]}: {rule_in_words(rule)}"],
                ["Quorum", quorum_in_words(rule)], *_votes_rows(rule),
                ["Tweede vergadering", _second_text(decision)],
                ["Wie kan blokkeren", _blocking_text(decision)],
                ["Zekerheid", labels.CERTAINTY[rule["certainty"]]]]
        for other in (*decision["alternatives"], *decision["requirements"]):
            full = other["votes"] and other["votes"]["min_yes_full_attendance"]
            numbers = f" — bij volledige opkomst {full} stemmen voor" if full else ""
            rows.append([labels.APPLIES[other["applies"]],
                         f"{rule_in_words(other)}; {quorum_in_words(other)}{numbers}"])
        b.table(["", "Voor dit besluit"], rows, caption=f"Stemmen nodig: {decision['title']}",
                widths=[4.5, 11.5])


def stages_chapter(b: Builder, plan: dict, risks_by_id: dict) -> None:
    b.heading("Het plan in fasen", 1)
    titles = {d["id"]: d["title"] for d in plan["decisions"]}
    for index, stage in enumerate(plan["stages"], start=1):
        b.heading(f"Fase {index}. {stage['title']}", 2)
        b.labelled("Doel", stage["goal"])
        b.labelled("Periode", f"{month_nl(stage['start'])} tot {month_nl(stage['end'])}")
        if stage["meeting_date"]:
            b.labelled("ALV", date_nl(stage["meeting_date"]))
        rows = [[a["what"], labels.WHO.get(a["who"], a["who"]),
                 f"{month_nl(a['start'])} – {month_nl(a['end'])}", f"{a['weeks']} weken"]
                for a in stage["actions"]]
        b.table(["Wat", "Wie", "Wanneer", "Duur"], rows, caption=f"Acties in fase {index}",
                widths=[7.5, 3.2, 3.6, 1.7])
        if stage["decisions"]:
            b.heading("Besluiten", 3)
            b.bullets(titles[d] for d in stage["decisions"])
        b.heading("Mijlpalen", 3)
        b.bullets(stage["milestones"])
        if stage["risks"]:
            b.heading("Risico's", 3)
            b.bullets(risks_by_id[r]["text"] for r in dict.fromkeys(stage["risks"]))


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
        b.labelled("Vereiste meerderheid",
                   f"{rule_in_words(rule)}; {quorum_in_words(rule)}.{numbers}")
        if decision["conditional"]:
            b.note("Alleen nodig als het plan deze kant op gaat.")


def risks_chapter(b: Builder, plan: dict) -> None:
    b.heading("Risico's en aandachtspunten", 1)
    order = {"high": 0, "medium": 1, "low": 2}
    rows = [[labels.SEVERITY[r["severity"]], r["text"]]
            for r in sorted(plan["risks"], key=lambda r: order[r["severity"]])]
    b.table(["Belang", "Risico en wat te doen"], rows, caption="Risico's", widths=[2, 14])
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
