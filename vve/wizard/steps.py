"""The ordered step table: every question once, with its profile path, label and hint.

Forms are generated from this table (forms.py), so a question, its place in the
profile and its Dutch words are defined in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

UNKNOWN = ""  # the form value of "weet ik niet"


@dataclass(frozen=True)
class Question:
    path: str
    kind: str                    # text, postcode, int, euro, year, percent, choice, bool, date
    label: object
    hint: object = None
    choices: tuple = ()          # (value, label) pairs, without "weet ik niet"
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False
    unknown_allowed: bool = True

    @property
    def name(self) -> str:
        return self.path.replace(".", "__")


@dataclass(frozen=True)
class Step:
    slug: str
    title: object
    intro: object
    questions: tuple[Question, ...] = field(default=())


INSULATION = (("none", _l("Niet geïsoleerd")), ("partial", _l("Deels geïsoleerd")),
              ("insulated", _l("Geïsoleerd")))
NUMBER_HINT = _l("Weet u het niet? Laat dit veld leeg.")

STEPS: tuple[Step, ...] = (
    Step("vve", _l("Uw VvE"), _l("Over de vereniging zelf. Alleen de naam is verplicht."), (
        Question("association.name", "text", _l("Naam van de VvE"),
                 _l("Zoals in de splitsingsakte of bij de Kamer van Koophandel."),
                 required=True, unknown_allowed=False),
        Question("association.street_address", "text", _l("Adres van het gebouw"),
                 _l("Straat en huisnummers, bijvoorbeeld: Lindenhof 1 t/m 95.")),
        Question("association.postcode", "postcode", _l("Postcode"), _l("Bijvoorbeeld 7811 AB.")),
        Question("association.place", "text", _l("Plaats")),
        Question("association.municipality", "text", _l("Gemeente")),
        Question("association.neighbourhood", "text", _l("Wijk of buurt"), _l("Niet verplicht.")),
        Question("association.management", "choice", _l("Wie beheert de VvE?"), choices=(
            ("self_managed", _l("Wij beheren zelf")),
            ("professional", _l("Een VvE-beheerder")))),
    )),
    Step("gebouw", _l("Het gebouw"), _l("Over het gebouw en hoe goed het nu geïsoleerd is."), (
        Question("building.construction_year", "year", _l("Bouwjaar"), NUMBER_HINT,
                 minimum=1500, maximum=2100),
        Question("building.rights.dwellings", "int", _l("Aantal woningen (appartementsrechten)"),
                 NUMBER_HINT, minimum=0, maximum=100000),
        Question("building.rights.commercial_units", "int",
                 _l("Aantal bedrijfsruimten met een eigen appartementsrecht"), NUMBER_HINT,
                 minimum=0, maximum=100000),
        Question("building.rights.parking_or_storage", "int",
                 _l("Aantal garages, parkeerplaatsen of bergingen met een eigen recht"),
                 NUMBER_HINT, minimum=0, maximum=100000),
        Question("building.storeys", "int", _l("Aantal bouwlagen"), NUMBER_HINT,
                 minimum=1, maximum=100),
        Question("building.building_type", "choice", _l("Soort gebouw"), choices=(
            ("gallery_flat", _l("Galerijflat")), ("porch_flat", _l("Portiekflat")),
            ("apartment_block", _l("Appartementencomplex")),
            ("converted_house", _l("Gesplitst pand")), ("mixed", _l("Gemengd")))),
        Question("building.heritage", "choice", _l("Is het gebouw een monument?"), choices=(
            ("none", _l("Nee")), ("municipal_monument", _l("Gemeentelijk monument")),
            ("national_monument", _l("Rijksmonument")),
            ("protected_townscape", _l("Ligt in een beschermd stads- of dorpsgezicht")))),
        Question("building.roof_type", "choice", _l("Dak"), choices=(
            ("flat", _l("Plat dak")), ("pitched", _l("Hellend dak")),
            ("mixed", _l("Deels plat, deels hellend")))),
        Question("building.roof_insulation", "choice", _l("Dakisolatie"), choices=INSULATION),
        Question("building.facade_insulation", "choice", _l("Gevelisolatie"), choices=INSULATION),
        Question("building.cavity_wall", "choice", _l("Spouwmuur"), choices=(
            ("no_cavity", _l("Geen spouw")), ("empty", _l("Lege spouw")),
            ("filled", _l("Gevulde spouw")))),
        Question("building.glazing", "choice", _l("Beglazing"), choices=(
            ("single", _l("Enkel glas")), ("double", _l("Dubbel glas")),
            ("hr_plus_plus", _l("HR++-glas")), ("triple", _l("Triple glas")),
            ("mixed", _l("Verschilt per woning")))),
        Question("building.floor_insulation", "choice", _l("Vloerisolatie"), choices=(
            *INSULATION, ("no_ground_floor", _l("Geen begane-grondvloer (bijv. bedrijfsruimte)")))),
    )),
    Step("installaties", _l("Installaties en energie"),
         _l("Hoe het gebouw nu verwarmd en geventileerd wordt."), (
        Question("installations.heating", "choice", _l("Verwarming"), choices=(
            ("individual_gas_boilers", _l("Eigen cv-ketel per woning")),
            ("collective_boiler", _l("Collectieve ketel")),
            ("block_heating", _l("Blokverwarming")), ("heat_network", _l("Warmtenet")),
            ("other", _l("Anders")))),
        Question("installations.hot_water", "choice", _l("Warm water"), choices=(
            ("combi_boilers", _l("Uit de combiketel")), ("collective", _l("Collectief")),
            ("electric_boilers", _l("Elektrische boiler")), ("heat_network", _l("Warmtenet")),
            ("other", _l("Anders")))),
        Question("installations.boilers_installed_year", "year",
                 _l("In welk jaar zijn de meeste ketels geplaatst?"), NUMBER_HINT,
                 minimum=1950, maximum=2100),
        Question("building.ventilation", "choice", _l("Ventilatie"), choices=(
            ("natural", _l("Roosters en ramen (natuurlijk)")),
            ("mechanical_exhaust", _l("Mechanische afzuiging")),
            ("balanced", _l("Balansventilatie")),
            ("balanced_heat_recovery", _l("Balansventilatie met warmteterugwinning")),
            ("mixed", _l("Verschilt per woning")))),
        Question("building.solar_panels", "choice", _l("Zonnepanelen"), choices=(
            ("none", _l("Geen")), ("common", _l("Op het gemeenschappelijk dak")),
            ("private", _l("Bij eigenaars")), ("both", _l("Allebei")))),
        Question("building.cooking_on_gas", "choice", _l("Wordt er op gas gekookt?"), choices=(
            ("all", _l("In alle woningen")), ("some", _l("In een deel van de woningen")),
            ("none", _l("Nee")))),
    )),
    Step("onderhoud", _l("Onderhoud en geld"),
         _l("Het meerjarenonderhoudsplan (MJOP) en het reservefonds."), (
        Question("money.maintenance_plan", "choice", _l("Heeft de VvE een MJOP?"), choices=(
            ("none", _l("Nee")), ("mjop", _l("Ja, een MJOP")),
            ("dmjop", _l("Ja, een duurzaam MJOP (DMJOP)")))),
        Question("money.maintenance_plan_year", "year", _l("Van welk jaar is het MJOP?"),
                 NUMBER_HINT, minimum=1950, maximum=2100),
        Question("money.planned.roof", "year", _l("Dakvervanging gepland in (jaar)"), NUMBER_HINT,
                 minimum=1950, maximum=2100),
        Question("money.planned.window_frames", "year", _l("Kozijnvervanging gepland in (jaar)"),
                 NUMBER_HINT, minimum=1950, maximum=2100),
        Question("money.planned.facade", "year", _l("Groot gevelonderhoud gepland in (jaar)"),
                 NUMBER_HINT, minimum=1950, maximum=2100),
        Question("money.planned.collective_boiler", "year",
                 _l("Vervanging collectieve ketel gepland in (jaar)"),
                 _l("Alleen bij een collectieve ketel. Weet u het niet? Laat dit veld leeg."),
                 minimum=1950, maximum=2100),
        Question("money.reserve_fund_balance", "euro", _l("Saldo van het reservefonds"),
                 _l("In hele euro's, bijvoorbeeld 125.000. Weet u het niet? Laat dit veld leeg.")),
        Question("money.yearly_reserve_contribution", "euro", _l("Jaarlijkse reservering"),
                 NUMBER_HINT),
        Question("money.rebuild_value", "euro", _l("Herbouwwaarde"),
                 _l("Staat in de opstalverzekering. Weet u het niet? Laat dit veld leeg.")),
        Question("money.existing_loans", "euro", _l("Openstaande leningen van de VvE"),
                 NUMBER_HINT),
    )),
    Step("stemmen", _l("Eigenaars en stemmen"),
         _l("Wie de eigenaars zijn en welke stemregels het reglement van uw VvE heeft."), (
        Question("voting.model_reglement", "choice", _l("Welk modelreglement volgt de splitsingsakte?"),
                 _l("Staat in de splitsingsakte; die vraagt u op bij het Kadaster."), choices=(
            ("1973", _l("Modelreglement 1973")), ("1983", _l("Modelreglement 1983")),
            ("1992", _l("Modelreglement 1992")), ("2006", _l("Modelreglement 2006")),
            ("2017", _l("Modelreglement 2017")), ("deviating", _l("Een afwijkend reglement")))),
        Question("voting.votes_per_right", "choice", _l("Hoeveel stemmen heeft elk appartementsrecht?"),
                 choices=(("one_each", _l("Eén stem per recht")),
                          ("weighted", _l("Verschillend: het reglement heeft een stemmentabel")))),
        Question("owners.past_turnout_percent", "percent",
                 _l("Welk deel van de stemmen was op de laatste vergaderingen aanwezig of vertegenwoordigd?"),
                 _l("In procenten, bijvoorbeeld 60. Weet u het niet? Laat dit veld leeg."),
                 minimum=0, maximum=100),
        Question("voting.threshold_amount_set", "bool",
                 _l("Heeft de vergadering een drempelbedrag vastgesteld voor uitgaven buiten het onderhoud?")),
        Question("voting.threshold_amount", "euro", _l("Drempelbedrag"), NUMBER_HINT),
        Question("voting.second_meeting", "choice",
                 _l("Mag een tweede vergadering besluiten als het quorum niet is gehaald?"), choices=(
            ("as_model", _l("Zoals in het modelreglement")), ("allowed", _l("Ja")),
            ("not_allowed", _l("Nee")))),
        Question("voting.proxy_limit", "int", _l("Hoeveel volmachten mag één persoon hebben?"),
                 _l("Vul 0 in als er geen maximum is. Weet u het niet? Laat dit veld leeg."),
                 minimum=0, maximum=1000),
        Question("voting.hybrid_meeting_allowed", "bool",
                 _l("Staat het reglement hybride vergaderen (deels online) toe?")),
        Question("voting.electronic_voting_allowed", "bool",
                 _l("Staat het reglement elektronisch stemmen toe?")),
        Question("voting.loans_excluded_by_reglement", "bool",
                 _l("Sluit het reglement lenen door de VvE uitdrukkelijk uit?")),
    )),
    Step("gemeente", _l("Gemeente en wijk"),
         _l("Wat de gemeente voor de wijk van plan is. Het energieloket weet dit vaak."), (
        Question("municipal.neighbourhood_plan", "bool",
                 _l("Is er een wijkuitvoeringsplan voor de wijk van het gebouw?")),
        Question("municipal.preferred_route", "choice", _l("Welke warmteroute kiest de gemeente voor de wijk?"),
                 choices=(("heat_network", _l("Warmtenet")), ("all_electric", _l("All-electric")),
                          ("hybrid", _l("Hybride")), ("green_gas", _l("Groen gas")),
                          ("undecided", _l("Nog niet gekozen")))),
        Question("municipal.expected_year", "year", _l("Vanaf welk jaar verwacht de gemeente die route?"),
                 NUMBER_HINT, minimum=2000, maximum=2100),
    )),
    Step("ambitie", _l("Ambitie en planning"), _l("Wat de VvE wil bereiken en wanneer."), (
        Question("ambition.goal", "choice", _l("Wat wil de VvE bereiken?"), choices=(
            ("gas_free", _l("Aardgasvrij")), ("gas_free_ready", _l("Aardgasvrij-klaar")),
            ("insulate_first", _l("Eerst isoleren, later kiezen")))),
        Question("ambition.target_year", "year", _l("Streefjaar"), NUMBER_HINT,
                 minimum=2000, maximum=2100),
        Question("ambition.start_date", "date", _l("Wanneer wilt u beginnen?"),
                 _l("Kies of typ een datum. Laat u het leeg, dan begint het plan vandaag.")),
        Question("ambition.budget_appetite", "choice", _l("Hoeveel willen de eigenaars investeren?"),
                 choices=(("low", _l("Weinig")), ("medium", _l("Gemiddeld")),
                          ("high", _l("Veel, als het de woningen echt beter maakt")))),
    )),
)

OWNER_ROWS = 4
WEIGHT_ROWS = 4
STEP_SLUGS = tuple(s.slug for s in STEPS)
VOTES_STEP = "stemmen"


def step_by_slug(slug: str) -> tuple[int, Step] | None:
    for number, step in enumerate(STEPS, start=1):
        if step.slug == slug:
            return number, step
    return None
