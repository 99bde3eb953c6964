"""Codes of the plan, the meeting and the advisors' side: routes, stages, statuses,
voting rules, owners, actors, audit events, certainty."""

from __future__ import annotations

from .base import N_, CodeSet, Term

HEAT_ROUTES = CodeSet(
    "heat_routes",
    Term("heat_network", "warmtenet", N_("Warmtenet")),
    Term("all_electric", "all-electric", N_("All-electric")),
    Term("hybrid", "hybride", N_("Hybride")),
    Term("green_gas", "groen gas", N_("Groen gas")),
    Term("undecided", "nog niet gekozen", N_("Nog niet gekozen")),
)

# The stages of the plan, in order. The document uses each stage's full title from the
# knowledge data (stages.toml); these short names are for the pages, the chart and the CSV.
STAGES = CodeSet(
    "stages",
    Term("organise", "organiseren", N_("Organiseren")),
    Term("inventory", "inventariseren en advies", N_("Inventariseren en advies")),
    Term("plan_support", "draagvlak en uitwerking", N_("Draagvlak en uitwerking")),
    Term("decide", "besluiten", N_("Besluiten")),
    Term("finance", "financiering", N_("Financiering")),
    Term("execute", "uitvoeren", N_("Uitvoeren")),
    Term("evaluate", "evalueren", N_("Evalueren")),
)
NO_STAGE = Term("", "nog niet begonnen", N_("Nog niet begonnen"))

# A municipality's neighbourhood plan (wijkuitvoeringsplan).
PLAN_STATUSES = CodeSet(
    "plan_statuses",
    Term("none", "geen plan", N_("Geen plan")),
    Term("in_preparation", "in voorbereiding", N_("In voorbereiding")),
    Term("adopted", "vastgesteld", N_("Vastgesteld")),
)

# How far a board is with its dossier (the dashboard's status column).
DOSSIER_STATUSES = CodeSet(
    "dossier_statuses",
    Term("started", "bezig", N_("Bezig")),
    Term("complete", "alle vragen beantwoord", N_("Alle vragen beantwoord")),
    Term("downloaded", "plan gedownload", N_("Plan gedownload")),
)

# What a majority is counted over.
RULE_BASES = CodeSet(
    "rule_bases",
    Term("cast", "van de uitgebrachte stemmen", N_("van de uitgebrachte stemmen")),
    Term("present", "van de aanwezige stemmen", N_("van de aanwezige stemmen")),
    Term("all", "van alle stemmen in de VvE", N_("van alle stemmen in de VvE")),
)
# Unanimity over each base: the phrase replaces "<share> <base>".
UNANIMOUS = CodeSet(
    "unanimous",
    Term("cast", "alle uitgebrachte stemmen", N_("alle uitgebrachte stemmen")),
    Term("present", "alle aanwezige stemmen", N_("alle aanwezige stemmen")),
    Term(
        "all",
        "alle stemmen in de VvE: ieder lid stemt in",
        N_("alle stemmen in de VvE: ieder lid stemt in"),
    ),
)

COMPARISONS = CodeSet(
    "comparisons",
    Term("more_than", "meer dan", N_("meer dan")),
    Term("at_least", "ten minste", N_("ten minste")),
)

# Majorities and quorums as the reglementen write them.
FRACTIONS = CodeSet(
    "fractions",
    Term("1/2", "de helft", N_("de helft")),
    Term("2/3", "twee derde", N_("twee derde")),
    Term("3/4", "drie kwart", N_("drie kwart")),
    Term("4/5", "vier vijfde", N_("vier vijfde")),
    Term("1/1", "alle", N_("alle")),
    Term("1/3", "een derde", N_("een derde")),
    Term("3/5", "drie vijfde", N_("drie vijfde")),
)

# The two kinds of decision a reglement sets its own rules for (the wizard's rule tables).
DECISION_CLASSES = CodeSet(
    "decision_classes",
    Term("ordinary", "gewone besluiten", N_("Gewone besluiten")),
    Term("qualified", "gekwalificeerde meerderheid", N_("Gekwalificeerde meerderheid")),
)

OWNER_KINDS = CodeSet(
    "owner_kinds",
    Term("owner_occupiers", "Eigenaar-bewoners", N_("Eigenaar-bewoners"), "de eigenaar-bewoners"),
    Term(
        "private_landlords",
        "Particuliere verhuurders",
        N_("Particuliere verhuurders"),
        "de particuliere verhuurders",
    ),
    Term("housing_corporation", "Woningcorporatie", N_("Woningcorporatie"), "de woningcorporatie"),
    Term("investor", "Belegger", N_("Belegger"), "de belegger"),
    Term("other", "Overige eigenaars", N_("Overige eigenaars"), "overige eigenaars"),
)

# Who carries out an action of the plan.
PLAN_ACTORS = CodeSet(
    "plan_actors",
    Term("board", "Bestuur", N_("Bestuur")),
    Term("committee", "Commissie", N_("Commissie")),
    Term("advisor", "Adviseur", N_("Adviseur")),
    Term("meeting", "ALV", N_("ALV")),
    Term("owners", "Eigenaars", N_("Eigenaars")),
    Term("contractor", "Aannemer", N_("Aannemer")),
    Term("manager", "Beheerder", N_("Beheerder")),
)

# Who did something to a dossier (the audit log): the board, an advisor, stored as
# "advisor:<e-mail address>", or the organisation that maintains the municipality's heat
# plan, stored as "organisation:<name>" (a board need not learn the e-mail address of an
# advisor it never shared with).
AUDIT_ACTORS = CodeSet(
    "audit_actors",
    Term("board", "bestuur", N_("Bestuur")),
    Term("advisor", "adviseur", N_("Adviseur")),
    Term("organisation", "adviesorganisatie", N_("Adviesorganisatie")),
)

AUDIT_EVENTS = CodeSet(
    "audit_events",
    Term("dossier_created", "dossier gestart", N_("Dossier gestart")),
    Term("dossier_imported", "dossier geïmporteerd", N_("Dossier geïmporteerd")),
    Term("answers_changed", "antwoorden gewijzigd", N_("Antwoorden gewijzigd")),
    Term("share_created", "deelcode gemaakt", N_("Deelcode gemaakt")),
    Term(
        "share_redeemed",
        "gedeeld met een adviesorganisatie",
        N_("Gedeeld met een adviesorganisatie"),
    ),
    Term("share_revoked", "deling ingetrokken", N_("Deling ingetrokken")),
    Term("plan_downloaded", "plan gedownload", N_("Plan gedownload")),
    Term(
        "started_for_board",
        "dossier gestart door een adviseur",
        N_("Dossier gestart door een adviseur"),
    ),
    Term("link_replaced", "persoonlijke link vervangen", N_("Persoonlijke link vervangen")),
    # detail: municipality, and the route before and after ("from", "to")
    Term(
        "municipal_plan_applied",
        "warmteplan van de gemeente gewijzigd",
        N_("Warmteplan van de gemeente gewijzigd"),
    ),
    # detail: meeting_date, second_meeting, ballots (the voting list was used) and per
    # decision its id, title, total, present, yes, no, blank and outcome ("results")
    Term(
        "decision_recorded",
        "uitslag van een vergadering vastgelegd",
        N_("Uitslag van een vergadering vastgelegd"),
    ),
    # detail: the correcting entry as above (one result), "replaces", "reason" and the
    # corrected numbers and outcome ("before")
    Term("decision_corrected", "uitslag gecorrigeerd", N_("Uitslag gecorrigeerd")),
)

# How sure a fact of the knowledge data is.
CERTAINTY = CodeSet(
    "certainty",
    Term("bron", "zeker: nagekeken in de bron", N_("gecontroleerd in de bron")),
    # the document's words say what is unsure (the owners read them; appendix C says what
    # the plan assumes and, once, that the board finds it out); the wizard's label speaks
    # to the board or advisor who fills it in
    Term("onzeker", "nog niet zeker", N_("onzeker: controleer dit")),
    Term("betwist", "bronnen verschillen", N_("bronnen verschillen: controleer dit")),
)

# What must become known before a meeting can take a decision (plan JSON
# ``decisions[].waits_for``): its date is then the earliest, not a certain one.
DECISION_WAITS = CodeSet(
    "decision_waits",
    Term(
        "heat_route",
        "zodra de warmteroute bekend is",
        N_("zodra de warmteroute bekend is"),
    ),
)

SEVERITY = CodeSet(
    "severity",
    Term("high", "hoog", N_("hoog")),
    Term("medium", "middel", N_("middel")),
    Term("low", "laag", N_("laag")),
)

ADVISOR_ROLES = CodeSet(
    "advisor_roles",
    Term("advisor", "adviseur", N_("Adviseur")),
    Term("admin", "beheerder", N_("Beheerder")),
)
