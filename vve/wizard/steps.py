"""The ordered step table: every question once, with its profile path, label and hint.

Forms are generated from this table (forms.py), so a question, its place in the
profile and its Dutch words are defined in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from vve.terms import lazy_pairs
from vve.vocabulary import HEAT_ROUTES, RIGHT_KINDS

UNKNOWN = ""  # the form value of "weet ik niet"


@dataclass(frozen=True)
class Question:
    part = "question"            # what a template shows: question, table or section
    path: str
    kind: str                    # text, postcode, int, euro, year, percent, choice, bool,
                                 # date, rate (interest in percent, stored as "3.69")
    label: object
    hint: object = None
    choices: tuple = ()          # (value, label) pairs, without "weet ik niet"; values may
                                 # be numbers (a loan term of 20 years)
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False
    unknown_allowed: bool = True
    unit: str | None = None      # shown after the answer on the check page: "m²"

    @property
    def name(self) -> str:
        return self.path.replace(".", "__")


@dataclass(frozen=True)
class Column:
    """One input in a row of a table. Kinds as a question's (text, int, year, euro,
    choice) plus share ("87/10000"); a choice is a drop-down list in a row."""

    key: str
    kind: str
    label: object
    hint: object = None
    choices: tuple = ()
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False       # a row with anything in it needs this too
    default: object = None       # an untouched row's value (a preselected choice)
    unit: str | None = None
    wide: bool = False           # a whole line of the row (a description)


@dataclass(frozen=True)
class Table:
    """Rows of the same inputs. A list table (``keys`` None) is stored as a list at
    ``path``; empty rows are skipped and the page always offers one empty row more. A keyed
    table has one row per key from a source named by ``keys`` (tables.KEY_SOURCES) and is
    stored as a dict key -> row at ``path``; stored keys are always shown, never dropped."""

    part = "table"

    path: str
    label: object
    hint: object
    columns: tuple[Column, ...]
    rows: int = 2                # a list table's empty rows at the start
    keys: str | None = None
    open: bool = True            # False: folded away (details) until something is in it

    @property
    def name(self) -> str:
        return self.path.replace(".", "__")


@dataclass(frozen=True)
class Section:
    """A heading inside a step, to group its questions."""

    part = "section"

    title: object
    text: object = None


@dataclass(frozen=True)
class Step:
    slug: str
    title: object
    intro: object
    items: tuple[Question | Table | Section, ...] = field(default=())

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(item for item in self.items if isinstance(item, Question))

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(item for item in self.items if isinstance(item, Table))

    @property
    def heading_level(self) -> int:
        """A table's heading sits under the step's sections, if it has any."""
        return 3 if any(isinstance(item, Section) for item in self.items) else 2


INSULATION = (("none", _l("Niet geïsoleerd")), ("partial", _l("Deels geïsoleerd")),
              ("insulated", _l("Geïsoleerd")))
NUMBER_HINT = _l("Weet u het niet? Laat dit veld leeg.")
SURFACE_HINT = _l("Staat in het energieadvies of in het opnamerapport van de energielabels.")

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
        Section(_l("Oppervlakken"),
                _l("Hiermee rekent het plan de kosten van de maatregelen uit. Weet u ze niet? "
                   "Laat ze leeg: het plan schat ze met een voorbeeldwoning van RVO en zegt "
                   "dat erbij.")),
        Question("building.floor_area_per_dwelling", "int",
                 _l("Gemiddelde gebruiksoppervlakte van een woning (m²)"),
                 _l("Per adres te vinden in de BAG-viewer van het Kadaster, bij "
                    "'gebruiksoppervlakte'. Vul het gemiddelde in, in hele m²."),
                 minimum=1, maximum=10000, unit="m²"),
        Question("building.roof_area", "int", _l("Dakoppervlak (m²)"), SURFACE_HINT,
                 minimum=1, maximum=10_000_000, unit="m²"),
        Question("building.facade_area", "int", _l("Dichte gevel, zonder ramen en deuren (m²)"),
                 _l("Voor spouwmuur- of gevelisolatie. Staat in het energieadvies of in het "
                    "opnamerapport van de energielabels."),
                 minimum=1, maximum=10_000_000, unit="m²"),
        Question("building.window_area", "int", _l("Glasoppervlak (m²)"), SURFACE_HINT,
                 minimum=1, maximum=10_000_000, unit="m²"),
        Question("building.volume", "int", _l("Bruto inhoud van het gebouw (m³)"),
                 _l("Staat in het energieadvies of in de taxatie voor de opstalverzekering. "
                    "Het plan schat er de herbouwwaarde mee als die onbekend is."),
                 minimum=1, maximum=100_000_000, unit="m³"),
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
        Question("installations.gas_use_m3", "int",
                 _l("Gasverbruik van het hele gebouw per jaar (m³)"),
                 _l("Bij een collectieve ketel: in de jaarafrekening van de VvE of bij de "
                    "energieleverancier. Bij eigen ketels: de verbruiken van de woningen samen, "
                    "als u die weet. Weet u het niet? Laat dit veld leeg."),
                 minimum=0, maximum=100_000_000, unit="m³"),
        Question("installations.gas_use_per_dwelling_m3", "int",
                 _l("Gasverbruik van een gemiddelde woning per jaar (m³)"),
                 _l("Alleen nodig als het totaal onbekend is. Staat op de jaarafrekening van "
                    "de energieleverancier van een bewoner. Leeg: het plan rekent met het "
                    "landelijk gemiddelde."),
                 minimum=0, maximum=1_000_000, unit="m³"),
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
        Table("money.reserve_commitments", _l("Geplande uitgaven uit het reservefonds"),
              _l("Groot onderhoud dat volgens het MJOP uit het reservefonds betaald wordt, met "
                 "jaar en bedrag. Zo ziet het plan wat er voor dit plan overblijft. Lege regels "
                 "worden overgeslagen."), (
            Column("year", "year", _l("Jaar"), minimum=2000, maximum=2100, required=True),
            Column("amount", "euro", _l("Bedrag"), _l("In hele euro's."), required=True),
            Column("description", "text", _l("Waarvoor"),
                   _l("Niet verplicht. Bijvoorbeeld: schilderwerk kozijnen."), wide=True),
        )),
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
                 choices=tuple(lazy_pairs(HEAT_ROUTES))),
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
    # Last, so the per-measure rows follow the plan that all earlier answers make; it also
    # keeps the numbers of the earlier steps, which stored dossiers count on.
    Step("kosten", _l("Kosten en financiering"),
         _l("Wie welk deel betaalt, en bedragen uit een energieadvies, offerte of "
            "leningaanbod. Alles mag leeg blijven: het plan rekent dan met kengetallen en "
            "zegt dat erbij."), (
        Section(_l("Verdeling van de kosten")),
        Question("money.cost_share_method", "choice",
                 _l("Hoe worden de kosten over de eigenaars verdeeld?"),
                 _l("Staat in de splitsingsakte: daarin heeft elk appartementsrecht een "
                    "breukdeel, bijvoorbeeld 87/10000. De akte vraagt u op bij het Kadaster."),
                 choices=(("equal", _l("Elk appartementsrecht betaalt evenveel")),
                          ("table", _l("Volgens de breukdelen uit de splitsingsakte")))),
        Table("money.cost_shares", _l("Breukdelen"),
              _l("Alleen nodig bij verdeling volgens de breukdelen. Eén regel per groep "
                 "appartementen met hetzelfde breukdeel, bijvoorbeeld 'woning type A': 40 "
                 "woningen met 200/10000, en 'winkel': 2 bedrijfsruimten met 1000/10000. Lege "
                 "regels worden overgeslagen."), (
            Column("label", "text", _l("Omschrijving"), required=True),
            Column("kind", "choice", _l("Soort"), choices=tuple(lazy_pairs(RIGHT_KINDS)),
                   default="dwelling"),
            Column("apartments", "int", _l("Aantal appartementen"), minimum=1, maximum=100000,
                   required=True),
            Column("share", "share", _l("Breukdeel per appartement"), required=True),
        )),
        Section(_l("Reservefonds en advies")),
        Question("money.reserve_for_plan", "euro",
                 _l("Hoeveel wil de VvE uit het reservefonds aan dit plan betalen?"),
                 _l("In hele euro's. Kijk in het MJOP wat het reservefonds nodig heeft voor "
                    "ander onderhoud. Weet u het niet? Laat dit veld leeg.")),
        Question("money.advice_cost", "euro", _l("Kosten van het energieadvies en het DMJOP"),
                 _l("Inclusief btw, uit de offerte van de adviseur. De subsidie voor het advies "
                    "rekent het plan zelf uit.")),
        Section(_l("Lening van het Nationaal Warmtefonds"),
                _l("Alleen als de VvE een rente-aanbod heeft. Zonder aanbod rekent het plan "
                   "met de netto kosten en eerder gepubliceerde rentes.")),
        Question("money.loan_quote.amount", "euro", _l("Leenbedrag in het aanbod"),
                 _l("Uit het rente-aanbod van het Nationaal Warmtefonds.")),
        Question("money.loan_quote.rate_percent", "rate", _l("Rente in het aanbod (%)"),
                 _l("Uit het rente-aanbod van het Nationaal Warmtefonds, bijvoorbeeld 3,69.")),
        Question("money.loan_quote.term_years", "choice", _l("Looptijd in het aanbod"), choices=(
            (10, _l("10 jaar")), (15, _l("15 jaar")), (20, _l("20 jaar")),
            (30, _l("30 jaar")))),
        Table("money.figures", _l("Bedragen uit een energieadvies, DMJOP of offerte"),
              _l("Vul alleen in wat in het advies of de offerte staat, in hele euro's inclusief "
                 "btw; een leeg veld laat het plan met kengetallen rekenen. Bij een maatregel "
                 "die iedere eigenaar zelf betaalt: het bedrag per woning."), (
            Column("origin", "choice", _l("Bron van de bedragen"), choices=(
                ("", _l("Eigen opgave")), ("energy_advice", _l("Energieadvies")),
                ("dmjop", _l("DMJOP")), ("quote", _l("Offerte"))), default=""),
            Column("investment", "euro", _l("Investering")),
            Column("subsidy", "euro", _l("Subsidie")),
            Column("yearly_saving", "euro", _l("Besparing op energie per jaar")),
            Column("reference", "text", _l("Welk advies of welke offerte"),
                   _l("Bijvoorbeeld: offerte Isolatiebedrijf Noord, 12 maart 2027."),
                   wide=True),
        ), keys="measures", open=False),
    )),
)

OWNER_ROWS = 4
WEIGHT_ROWS = 4
STEP_SLUGS = tuple(s.slug for s in STEPS)
VOTES_STEP = "stemmen"
TABLES = {table.path: table for step in STEPS for table in step.tables}


def step_by_slug(slug: str) -> tuple[int, Step] | None:
    for number, step in enumerate(STEPS, start=1):
        if step.slug == slug:
            return number, step
    return None
