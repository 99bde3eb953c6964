"""The steps about the association and its building: the VvE, the building, installations."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .model import INSULATION, NUMBER_HINT, SURFACE_HINT, Question, Section, Step

BUILDING_STEPS: tuple[Step, ...] = (
    Step("vve", _l("Uw VvE"), _l("Over de vereniging zelf. Alleen de naam is verplicht."), (
        Question("association.name", "text", _l("Naam van de VvE"),
                 _l("Zoals in de splitsingsakte of bij de Kamer van Koophandel."),
                 required=True),
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
)
