"""The Dutch words of the plan document for profile fields and their answers.

Code sets shared with the web pages (routes, owner kinds, rule bases, actors, certainty …)
are defined once in vve.vocabulary; the tables here that name them are views of it.
Pure data and a few helpers: nothing from Flask, Babel or python-docx.
"""

from typing import Any

from vve import vocabulary

FIELDS = {
    "association.name": "Naam VvE",
    "association.street_address": "Adres",
    "association.postcode": "Postcode",
    "association.place": "Plaats",
    "association.municipality": "Gemeente",
    "association.neighbourhood": "Wijk of buurt",
    "association.management": "Beheer",
    "building.construction_year": "Bouwjaar",
    "building.rights.dwellings": "Woningen (appartementsrechten)",
    "building.rights.commercial_units": "Bedrijfsruimten",
    "building.rights.parking_or_storage": "Garages, parkeerplaatsen en bergingen",
    "building.storeys": "Bouwlagen",
    "building.building_type": "Gebouwtype",
    "building.heritage": "Monumentstatus",
    "building.roof_type": "Dak",
    "building.roof_insulation": "Dakisolatie",
    "building.facade_insulation": "Gevelisolatie",
    "building.cavity_wall": "Spouwmuur",
    "building.glazing": "Beglazing",
    "building.floor_insulation": "Vloerisolatie",
    "building.energy_labels": "Energielabels",
    "building.ventilation": "Ventilatie",
    "building.solar_panels": "Zonnepanelen",
    "building.cooking_on_gas": "Koken op gas",
    "building.floor_area_per_dwelling": "Gemiddeld woonoppervlak per woning",
    "building.roof_area": "Dakoppervlak",
    "building.facade_area": "Geveloppervlak zonder ramen en deuren",
    "building.window_area": "Glasoppervlak",
    "building.volume": "Bruto inhoud van het gebouw",
    "installations.heating": "Verwarming",
    "installations.hot_water": "Warm water",
    "installations.boilers_installed_year": "Ketels geplaatst in",
    "installations.gas_use_m3": "Gasverbruik van het gebouw per jaar",
    "installations.gas_use_per_dwelling_m3": "Gasverbruik per woning per jaar",
    "money.maintenance_plan": "Meerjarenonderhoudsplan",
    "money.maintenance_plan_year": "Jaar van het MJOP",
    "money.planned.roof": "Dakvervanging gepland",
    "money.planned.window_frames": "Kozijnvervanging gepland",
    "money.planned.facade": "Gevelonderhoud gepland",
    "money.planned.collective_boiler": "Vervanging collectieve ketel gepland",
    "money.reserve_fund_balance": "Saldo reservefonds",
    "money.yearly_reserve_contribution": "Jaarlijkse reservering",
    "money.rebuild_value": "Herbouwwaarde",
    "money.existing_loans": "Lopende leningen",
    "money.cost_share_method": "Verdeling van de kosten (breukdelen)",
    "money.cost_shares": "Breukdelen",
    "money.reserve_commitments": "Geplande uitgaven uit het reservefonds",
    "money.reserve_for_plan": "Bijdrage uit het reservefonds voor dit plan",
    "money.advice_cost": "Kosten energieadvies en DMJOP",
    "money.figures": "Bedragen uit het eigen advies of offertes",
    "money.loan_quote.rate_percent": "Rente volgens de offerte van de geldgever",
    "money.loan_quote.term_years": "Looptijd volgens de offerte",
    "money.loan_quote.amount": "Leenbedrag volgens de offerte",
    "owners.groups": "Eigenaar-bewoners en verhuurders",
    "owners.past_turnout_percent": "Opkomst recente ALV's",
    "voting.model_reglement": "Modelreglement",
    "voting.votes_per_right": "Stemmen per appartementsrecht",
    "voting.threshold_amount_set": "Drempelbedrag vastgesteld",
    "voting.threshold_amount": "Drempelbedrag",
    "voting.second_meeting": "Tweede vergadering",
    "voting.proxy_limit": "Maximum aantal volmachten per persoon",
    "voting.hybrid_meeting_allowed": "Hybride vergaderen toegestaan",
    "voting.electronic_voting_allowed": "Elektronisch stemmen toegestaan",
    "voting.loans_excluded_by_reglement": "Lenen uitgesloten in het reglement",
    "municipal.neighbourhood_plan": "Wijkuitvoeringsplan voor de wijk",
    "municipal.preferred_route": "Voorkeursroute gemeente",
    "municipal.expected_year": "Verwacht jaar warmteroute",
    "ambition.goal": "Doel",
    "ambition.target_year": "Streefjaar",
    "ambition.start_date": "Startdatum",
    "ambition.budget_appetite": "Bereidheid om te investeren",
}

# Fields shown as euros, years or percentages in tables.
MONEY_FIELDS = {
    "money.reserve_fund_balance",
    "money.yearly_reserve_contribution",
    "money.rebuild_value",
    "money.existing_loans",
    "voting.threshold_amount",
    "money.reserve_for_plan",
    "money.advice_cost",
    "money.loan_quote.amount",
}
PERCENT_FIELDS = {"owners.past_turnout_percent", "money.loan_quote.rate_percent"}
# Fields with a unit after the number.
UNIT_FIELDS = {
    "building.floor_area_per_dwelling": "m²",
    "building.roof_area": "m²",
    "building.facade_area": "m²",
    "building.window_area": "m²",
    "building.volume": "m³",
    "installations.gas_use_m3": "m³ per jaar",
    "installations.gas_use_per_dwelling_m3": "m³ per jaar",
    "money.loan_quote.term_years": "jaar",
}

VALUES = {
    "association.management": vocabulary.MANAGEMENT.words(),
    "building.building_type": vocabulary.BUILDING_TYPES.words(),
    "building.heritage": vocabulary.HERITAGE.words(),
    "building.roof_type": vocabulary.ROOF_TYPES.words(),
    "insulation": vocabulary.INSULATION_LEVELS.words(),
    "building.cavity_wall": vocabulary.CAVITY_WALLS.words(),
    "building.glazing": vocabulary.GLAZING.words(),
    "building.floor_insulation": vocabulary.FLOOR_INSULATION.words(),
    "building.ventilation": vocabulary.VENTILATION.words(),
    "building.solar_panels": vocabulary.SOLAR_PANELS.words(),
    "building.cooking_on_gas": vocabulary.COOKING_ON_GAS.words(),
    "installations.heating": vocabulary.HEATING.words(),
    "installations.hot_water": vocabulary.HOT_WATER.words(),
    "money.maintenance_plan": vocabulary.MAINTENANCE_PLANS.words(),
    "money.cost_share_method": vocabulary.COST_SHARE_METHODS.words(),
    "voting.model_reglement": vocabulary.MODEL_REGLEMENTS.words(),
    "voting.votes_per_right": vocabulary.VOTES_PER_RIGHT.words(),
    "voting.second_meeting": vocabulary.SECOND_MEETING.words(),
    "municipal.preferred_route": vocabulary.HEAT_ROUTES.words(),
    "ambition.goal": vocabulary.GOALS.words(),
    "ambition.budget_appetite": vocabulary.BUDGET_APPETITES.words(),
    "owners.groups.kind": vocabulary.OWNER_KINDS.words(),
}
for _field in ("building.roof_insulation", "building.facade_insulation"):
    VALUES[_field] = VALUES["insulation"]

BOOLEAN = {True: "ja", False: "nee"}
UNKNOWN = "onbekend"

WHO = vocabulary.PLAN_ACTORS.words()
BASE = vocabulary.RULE_BASES.words()
COMPARISON = vocabulary.COMPARISONS.words()
UNANIMOUS = vocabulary.UNANIMOUS.words()

APPLIES = {
    "primary": "Geldt",
    "below_threshold": "Niet boven het drempelbedrag",
    "maintenance_coupled": "Gekoppeld aan noodzakelijk onderhoud",
    "safe_route": "Veilige route",
    "reserve_fund": "Betaald uit het reservefonds",
    "announced": "Aangekondigde regel (nog geen wet)",
    "announced_in_force": "Nieuwe wettelijke regel",
    "reglement_rule": "Regel uit het reglement",
    "lender": "Voorwaarde van de geldgever",
}

# the rule row of a decision that shows both cases of the threshold amount
ABOVE_THRESHOLD = "Boven het drempelbedrag"

SEVERITY = vocabulary.SEVERITY.words()
CERTAINTY = vocabulary.CERTAINTY.words()
TIMELINE_KIND = {
    "stage": "Fase",
    "meeting": "ALV",
    "measure": "Maatregel",
    "maintenance": "Onderhoud",
    "municipal": "Gemeente",
    "goal": "Doel",
}

FRACTION_WORDS = vocabulary.FRACTIONS.words()


def field_label(path: str) -> str:
    return FIELDS.get(path, path)


def value_label(path: str, value: Any) -> str:
    """The Dutch words for a stored answer; unknown (None) reads "onbekend"."""
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return BOOLEAN[value]
    return VALUES.get(path, {}).get(value, str(value))


def fraction_words(fraction: str) -> str:
    return FRACTION_WORDS.get(fraction, fraction)


# --- money (the plan's money part) ---------------------------------------------------------

COST_ORIGIN = vocabulary.COST_ORIGINS.words()
QUANTITY_ORIGIN = {
    "entered": "ingevuld",
    "reference": "geschat met een RVO-referentiewoning",
    "reference_other_type": "geschat met een RVO-referentiewoning van een ander gebouwtype",
    "reference_other_period": (
        "geschat met een RVO-referentiewoning uit een andere bouwperiode, extra onzeker"
    ),
    "reference_window_share": (
        "afgeleid van de aandelen ramen en deuren in de gevel die RVO geeft voor woningen "
        "uit de bouwperiode van het gebouw, extra onzeker"
    ),
    "reference_near_period": (
        "geschat met een RVO-referentiewoning; het bouwjaar valt net buiten haar "
        "bouwperiode, extra onzeker"
    ),
    "derived": (
        "berekend uit het woonoppervlak per woning, het aantal woningen en het aantal bouwlagen"
    ),
    "flat_roof_area": "gelijk aan het ingevulde oppervlak van het platte dak",
    "per_dwelling": "per woning",
    "unknown": "onbekend",
}
QUANTITY_UNIT = {"m2": "m²", "dwelling": "woningen", "wp": "Wp"}
QUANTITY_KIND = {
    "closed_facade": "gevel zonder ramen en deuren",
    "windows": "glas",
    "roof": "dak",
    "ground_floor": "begane-grondvloer",
    "dwellings": "woningen",
    "watt_peak": "vermogen zonnepanelen",
    "floor_area": "woonoppervlak per woning",
}
PRICE_UNIT = {"m2": "per m²", "dwelling": "per woning", "wp": "per Wp"}
SUBSIDY_REASON = vocabulary.SUBSIDY_REASONS.words()
# the SVVE pays only where at least one owner lives in the building (CORRECTIONS.md a1): the
# condition of a refund where the profile does not know its owner groups
OWNER_OCCUPIER_IF = "als ten minste één eigenaar zelf in het gebouw woont"
MISSING = vocabulary.MISSING_AMOUNTS.words()
QUALITY = {"bron": "betrouwbare bron", "afgeleid": "afgeleid uit de bron", "zwak": "zwakke bron"}
SHARE_METHOD = vocabulary.SHARE_METHODS.words()
RIGHT_KIND = vocabulary.RIGHT_KINDS.words()


def lower_words(text: str) -> str:
    """A title inside a sentence: "Duurzaam MJOP (DMJOP) vaststellen" -> "duurzaam MJOP
    (DMJOP) vaststellen". Words with two or more capitals (MJOP, VvE, HR++) keep theirs."""
    return " ".join(
        word if sum(c.isupper() for c in word) > 1 else word.lower() for word in text.split(" ")
    )


# An owner the board named by his role ("Verhuurder appartement 41-E"), not by a name of his
# own ("Woonstichting Zuidwest"): inside a sentence the role takes "de" and a small letter.
_ROLES = frozenset(
    {"verhuurder", "eigenaar", "eigenaar-bewoner", "belegger", "huurder", "corporatie"}
    | {"woningcorporatie", "beheerder", "ondernemer", "winkelier"}
)
# what a role is of: "verhuurder appartement 41-E" reads "verhuurder van appartement 41-E"
_OF = frozenset({"appartement", "appartementen", "woning", "woningen", "winkel", "nr.", "nummer"})


def party_in_sentence(label: str) -> str:
    """A single owner's label as it stands inside a sentence: "Verhuurder appartement 41-E"
    -> "de verhuurder van appartement 41-E"; a name ("Woonstichting Zuidwest") is kept."""
    words = label.split(" ")
    if words[0].lower() == "de" and len(words) > 1 and words[1].lower() in _ROLES:
        words = words[1:]
    if words[0].lower() not in _ROLES:
        return label
    role, rest = words[0].lower(), words[1:]
    if rest and rest[0].lower() in _OF:
        rest = ["van", *rest]
    return " ".join(["de", role, *rest])
