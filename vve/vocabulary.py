"""Every code set of the product, defined once: code -> Dutch document word and UI label.

The engine, the database and the audit log speak in codes ("heat_network", "board",
"answers_changed"). A code becomes words in exactly one place, here:

- ``word``: how the Dutch plan document writes it inside a sentence;
- ``label``: the Dutch message id the web pages show, translated where it is shown
  (``gettext(term.label)``, or ``vve.web_words``); marked with ``N_`` so that
  ``pybabel extract -k N_`` finds it;
- ``phrase``: where a sentence needs the word with its article ("de belegger").

Pure data and the two small classes that hold it: no imports from Flask or Babel, so
the rules engine and the Word writer may use it too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass


def N_(message: str) -> str:
    """Marks a UI label for extraction; the web layer translates it when it shows it."""
    return message


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    word: str
    label: str
    phrase: str = ""


class CodeSet(Mapping[str, Term]):
    """An ordered, read-only set of terms, looked up by code (``"hybrid" in HEAT_ROUTES``)."""

    def __init__(self, name: str, *terms: Term):
        self.name = name
        self._terms = {t.code: t for t in terms}
        if len(self._terms) != len(terms):
            raise ValueError(f"{name}: a code is defined twice")

    def __getitem__(self, code: str) -> Term:
        return self._terms[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def words(self) -> dict[str, str]:
        """code -> document word, for tables that look words up by code."""
        return {t.code: t.word for t in self._terms.values()}

    def word(self, code: str, default: str | None = None) -> str:
        """The document word; an unknown code reads as ``default`` (or itself)."""
        term = self._terms.get(code)
        return term.word if term is not None else (code if default is None else default)


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
    Term("all", "alle stemmen in de VvE: ieder lid stemt in",
         N_("alle stemmen in de VvE: ieder lid stemt in")),
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
    Term("owner_occupiers", "Eigenaar-bewoners", N_("Eigenaar-bewoners"),
         "de eigenaar-bewoners"),
    Term("private_landlords", "Particuliere verhuurders", N_("Particuliere verhuurders"),
         "de particuliere verhuurders"),
    Term("housing_corporation", "Woningcorporatie", N_("Woningcorporatie"),
         "de woningcorporatie"),
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

# Who did something to a dossier (the audit log): the board, or an advisor, stored as
# "advisor:<e-mail address>".
AUDIT_ACTORS = CodeSet(
    "audit_actors",
    Term("board", "bestuur", N_("Bestuur")),
    Term("advisor", "adviseur", N_("Adviseur")),
)

AUDIT_EVENTS = CodeSet(
    "audit_events",
    Term("answers_changed", "antwoorden gewijzigd", N_("Antwoorden gewijzigd")),
    Term("share_created", "deelcode gemaakt", N_("Deelcode gemaakt")),
    Term("share_redeemed", "gedeeld met een adviesorganisatie",
         N_("Gedeeld met een adviesorganisatie")),
    Term("share_revoked", "deling ingetrokken", N_("Deling ingetrokken")),
    Term("plan_downloaded", "plan gedownload", N_("Plan gedownload")),
    Term("started_for_board", "dossier gestart door een adviseur",
         N_("Dossier gestart door een adviseur")),
    Term("link_replaced", "persoonlijke link vervangen", N_("Persoonlijke link vervangen")),
)

# How sure a fact of the knowledge data is.
CERTAINTY = CodeSet(
    "certainty",
    Term("bron", "gecontroleerd in de bron", N_("gecontroleerd in de bron")),
    Term("onzeker", "onzeker: controleer dit", N_("onzeker: controleer dit")),
    Term("betwist", "bronnen verschillen: controleer dit",
         N_("bronnen verschillen: controleer dit")),
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

# --- money (the plan's money part) -----------------------------------------------------

# Where an investment amount comes from.
COST_ORIGINS = CodeSet(
    "cost_origins",
    Term("default", "indicatief (kengetal)", N_("indicatief (kengetal)")),
    Term("energy_advice", "uit het energieadvies", N_("energieadvies")),
    Term("dmjop", "uit het DMJOP", N_("DMJOP")),
    Term("quote", "uit de offerte", N_("offerte")),
    Term("board", "door het bestuur ingevuld", N_("opgave van de VvE")),
)

# Why a subsidy is or is not counted.
SUBSIDY_REASONS = CodeSet(
    "subsidy_reasons",
    Term("counted", "meegeteld (zeker pas na de beschikking)", N_("meegeteld")),
    Term("entered", "ingevuld door het bestuur", N_("opgegeven door de VvE")),
    Term("after_end_date", "niet meegeteld: de aanvraag valt in deze planning na de einddatum",
         N_("niet meegeteld (regeling sluit eerder)")),
    Term("building_too_new", "niet van toepassing: het gebouw is te nieuw voor deze regeling",
         N_("niet meegeteld (gebouw te nieuw)")),
    Term("amount_not_found", "niet meegeteld: geen bedrag gevonden",
         N_("niet meegeteld (bedrag onbekend)")),
    Term("no_owner_occupier", "niet van toepassing: geen eigenaar-bewoner",
         N_("niet meegeteld (geen eigenaar-bewoners)")),
    Term("owner_occupiers_only", "alleen voor eigenaar-bewoners (ISDE)",
         N_("alleen voor eigenaar-bewoners")),
    Term("none", "geen", N_("geen regeling")),
)

# Why a measure has no amount yet.
MISSING_AMOUNTS = CodeSet(
    "missing_amounts",
    Term("price_not_found", "geen prijs gevonden", N_("onbekend (geen prijs gevonden)")),
    Term("quantity_unknown", "de hoeveelheid is onbekend", N_("onbekend (hoeveelheid onbekend)")),
    Term("status_unknown", "nog niet bekend of dit nodig is; eerst vaststellen bij de opname",
         N_("onbekend (nog niet bekend of het nodig is)")),
    Term("roof_type_unknown", "het daktype is onbekend", N_("onbekend (daktype onbekend)")),
    Term("in_maintenance", "nieuwe kozijnen uit het MJOP krijgen nieuw glas, dus het MJOP-bedrag "
         "dekt het grootste deel; alleen beter glas dan HR++ kost meer",
         N_("in het onderhoud (MJOP)")),
    Term("outdated_price", "alleen een verouderd maximum gevonden; vraag een offerte",
         N_("onbekend (alleen een verouderde prijs)")),
)

# Why a saving has no amount (the pages only; the document leaves the saving out).
SAVING_REASONS = CodeSet(
    "saving_reasons",
    Term("saving_not_found", "geen bron", N_("onbekend (geen bron)")),
    Term("extra_electricity_unknown", "extra stroom onbekend",
         N_("onbekend (extra stroom onbekend)")),
    Term("quantity_unknown", "hoeveelheid onbekend", N_("onbekend (hoeveelheid onbekend)")),
)

# The kinds of apartment right in a cost-share table.
RIGHT_KINDS = CodeSet(
    "right_kinds",
    Term("dwelling", "Woning", N_("Woning")),
    Term("commercial", "Bedrijfsruimte", N_("Bedrijfsruimte")),
    Term("parking_or_storage", "Garage of berging", N_("Garage, parkeerplaats of berging")),
)

# How the costs are divided over the apartments.
SHARE_METHODS = CodeSet(
    "share_methods",
    Term("equal", "gelijke breukdelen", N_("Elk appartementsrecht betaalt evenveel.")),
    Term("table", "breukdelen uit de splitsingsakte",
         N_("Volgens de breukdelen uit de splitsingsakte.")),
    Term("assumed_equal", "aangenomen: gelijke breukdelen (nog niet ingevuld)",
         N_("Aangenomen: elk appartementsrecht betaalt evenveel (de verdeling is nog niet "
            "opgegeven).")),
)
