"""The answers to the wizard's choice questions: the document's words and the pages'
labels for each stored code."""

from __future__ import annotations

from .base import N_, CodeSet, Term

MANAGEMENT = CodeSet(
    "management",
    Term("self_managed", "zelfbeheer", N_("Wij beheren zelf")),
    Term("professional", "VvE-beheerder", N_("Een VvE-beheerder")),
)

BUILDING_TYPES = CodeSet(
    "building_types",
    Term("gallery_flat", "galerijflat", N_("Galerijflat")),
    Term("porch_flat", "portiekflat", N_("Portiekflat")),
    Term("apartment_block", "appartementencomplex", N_("Appartementencomplex")),
    Term("converted_house", "gesplitst pand", N_("Gesplitst pand")),
    Term("mixed", "gemengd", N_("Gemengd")),
)

HERITAGE = CodeSet(
    "heritage",
    Term("none", "geen monument", N_("Nee")),
    Term(
        "municipal_monument",
        "gemeentelijk monument",
        N_("Gemeentelijk monument"),
        "een gemeentelijk monument",
    ),
    Term("national_monument", "rijksmonument", N_("Rijksmonument"), "een rijksmonument"),
    Term(
        "protected_townscape",
        "beschermd stads- of dorpsgezicht",
        N_("Ligt in een beschermd stads- of dorpsgezicht"),
        "gelegen in een beschermd stads- of dorpsgezicht",
    ),
)

ROOF_TYPES = CodeSet(
    "roof_types",
    Term("flat", "plat dak", N_("Plat dak")),
    Term("pitched", "hellend dak", N_("Hellend dak")),
    Term("mixed", "deels plat, deels hellend", N_("Deels plat, deels hellend")),
)

INSULATION_LEVELS = CodeSet(
    "insulation_levels",
    Term("none", "niet geïsoleerd", N_("Niet geïsoleerd")),
    Term("partial", "deels geïsoleerd", N_("Deels geïsoleerd")),
    Term("insulated", "geïsoleerd", N_("Geïsoleerd")),
)

CAVITY_WALLS = CodeSet(
    "cavity_walls",
    Term("no_cavity", "geen spouw", N_("Geen spouw")),
    Term("empty", "lege spouw", N_("Lege spouw")),
    Term("filled", "gevulde spouw", N_("Gevulde spouw")),
)

GLAZING = CodeSet(
    "glazing",
    Term("single", "enkel glas", N_("Enkel glas")),
    Term("double", "dubbel glas", N_("Dubbel glas")),
    Term("hr_plus_plus", "HR++-glas", N_("HR++-glas")),
    Term("triple", "triple glas", N_("Triple glas")),
    Term("mixed", "gemengd", N_("Verschilt per woning")),
)

FLOOR_INSULATION = CodeSet(
    "floor_insulation",
    Term("none", "niet geïsoleerd", N_("Niet geïsoleerd")),
    Term("partial", "deels geïsoleerd", N_("Deels geïsoleerd")),
    Term("insulated", "geïsoleerd", N_("Geïsoleerd")),
    Term(
        "no_ground_floor",
        "geen begane-grondvloer",
        N_("Geen begane-grondvloer (bijv. bedrijfsruimte)"),
    ),
)

VENTILATION = CodeSet(
    "ventilation",
    Term("natural", "natuurlijke ventilatie (roosters)", N_("Roosters en ramen (natuurlijk)")),
    Term("mechanical_exhaust", "mechanische afzuiging", N_("Mechanische afzuiging")),
    Term("balanced", "balansventilatie", N_("Balansventilatie")),
    Term(
        "balanced_heat_recovery",
        "balansventilatie met warmteterugwinning",
        N_("Balansventilatie met warmteterugwinning"),
    ),
    Term("mixed", "gemengd", N_("Verschilt per woning")),
)

SOLAR_PANELS = CodeSet(
    "solar_panels",
    Term("none", "geen", N_("Geen")),
    Term("common", "op het gemeenschappelijk dak", N_("Op het gemeenschappelijk dak")),
    Term("private", "bij eigenaars", N_("Bij eigenaars")),
    Term("both", "gemeenschappelijk en bij eigenaars", N_("Allebei")),
)

COOKING_ON_GAS = CodeSet(
    "cooking_on_gas",
    Term("all", "alle woningen", N_("In alle woningen")),
    Term("some", "een deel van de woningen", N_("In een deel van de woningen")),
    Term("none", "geen", N_("Nee")),
)

HEATING = CodeSet(
    "heating",
    Term("individual_gas_boilers", "individuele cv-ketels op gas", N_("Eigen cv-ketel per woning")),
    Term("collective_boiler", "collectieve ketel", N_("Collectieve ketel")),
    Term("block_heating", "blokverwarming", N_("Blokverwarming")),
    Term("heat_network", "warmtenet", N_("Warmtenet")),
    Term("other", "anders", N_("Anders")),
)

HOT_WATER = CodeSet(
    "hot_water",
    Term("combi_boilers", "combiketels", N_("Uit de combiketel")),
    Term("collective", "collectief", N_("Collectief")),
    Term("electric_boilers", "elektrische boilers", N_("Elektrische boiler")),
    Term("heat_network", "warmtenet", N_("Warmtenet")),
    Term("other", "anders", N_("Anders")),
)

MAINTENANCE_PLANS = CodeSet(
    "maintenance_plans",
    Term("none", "geen MJOP", N_("Nee")),
    Term("mjop", "MJOP", N_("Ja, een MJOP")),
    Term("dmjop", "duurzaam MJOP (DMJOP)", N_("Ja, een duurzaam MJOP (DMJOP)")),
)

COST_SHARE_METHODS = CodeSet(
    "cost_share_methods",
    Term("equal", "gelijk per appartementsrecht", N_("Elk appartementsrecht betaalt evenveel")),
    Term(
        "table",
        "volgens de breukdelen in de splitsingsakte",
        N_("Volgens de breukdelen uit de splitsingsakte"),
    ),
)

MODEL_REGLEMENTS = CodeSet(
    "model_reglements",
    Term("1973", "Modelreglement 1973", N_("Modelreglement 1973")),
    Term("1983", "Modelreglement 1983", N_("Modelreglement 1983")),
    Term("1992", "Modelreglement 1992", N_("Modelreglement 1992")),
    Term("2006", "Modelreglement 2006", N_("Modelreglement 2006")),
    Term("2017", "Modelreglement 2017", N_("Modelreglement 2017")),
    Term("deviating", "afwijkend reglement", N_("Een afwijkend reglement")),
)

VOTES_PER_RIGHT = CodeSet(
    "votes_per_right",
    Term("one_each", "één stem per recht", N_("Eén stem per recht")),
    Term(
        "weighted",
        "gewogen (stemmentabel)",
        N_("Verschillend: het reglement heeft een stemmentabel"),
    ),
)

SECOND_MEETING = CodeSet(
    "second_meeting",
    Term("as_model", "zoals in het modelreglement", N_("Zoals in het modelreglement")),
    Term("allowed", "toegestaan", N_("Ja")),
    Term("not_allowed", "niet toegestaan", N_("Nee")),
)

GOALS = CodeSet(
    "goals",
    Term("gas_free", "aardgasvrij", N_("Aardgasvrij")),
    Term("gas_free_ready", "aardgasvrij-klaar", N_("Aardgasvrij-klaar")),
    Term("insulate_first", "eerst isoleren", N_("Eerst isoleren, later kiezen")),
)

BUDGET_APPETITES = CodeSet(
    "budget_appetites",
    Term("low", "laag", N_("Weinig")),
    Term("medium", "gemiddeld", N_("Gemiddeld")),
    Term("high", "hoog", N_("Veel, als het de woningen echt beter maakt")),
)
