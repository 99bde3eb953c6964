"""The steps about the association and its building: the VvE, the building, installations."""

from __future__ import annotations

from vve.terms import lazy_pairs
from vve.translate import lazy_gettext as _l
from vve.vocabulary import (
    BUILDING_TYPES,
    CAVITY_WALLS,
    COOKING_ON_GAS,
    FLOOR_INSULATION,
    GLAZING,
    HEATING,
    HERITAGE,
    HOT_WATER,
    MANAGEMENT,
    ROOF_TYPES,
    SOLAR_PANELS,
    VENTILATION,
)

from .model import INSULATION, NUMBER_HINT, SURFACE_HINT, Question, Section, Step

BUILDING_STEPS: tuple[Step, ...] = (
    Step(
        "vve",
        _l("Uw VvE"),
        _l("Over de vereniging zelf. Alleen de naam is verplicht."),
        (
            Question(
                "association.name",
                "text",
                _l("Naam van de VvE"),
                _l("Zoals in de splitsingsakte of bij de Kamer van Koophandel."),
                required=True,
            ),
            Question(
                "association.street_address",
                "text",
                _l("Adres van het gebouw"),
                _l("Straat en huisnummers, bijvoorbeeld: Lindenhof 1 t/m 95."),
            ),
            Question(
                "association.postcode", "postcode", _l("Postcode"), _l("Bijvoorbeeld 7811 AB.")
            ),
            Question("association.place", "text", _l("Plaats")),
            Question(
                "association.municipality", "text", _l("Gemeente"), suggestions="municipalities"
            ),
            Question(
                "association.neighbourhood", "text", _l("Wijk of buurt"), _l("Niet verplicht.")
            ),
            Question(
                "association.management",
                "choice",
                _l("Wie beheert de VvE?"),
                choices=tuple(lazy_pairs(MANAGEMENT)),
            ),
        ),
    ),
    Step(
        "gebouw",
        _l("Het gebouw"),
        _l("Over het gebouw en hoe goed het nu geïsoleerd is."),
        (
            Question(
                "building.construction_year",
                "year",
                _l("Bouwjaar"),
                NUMBER_HINT,
                minimum=1500,
                maximum=2100,
            ),
            Question(
                "building.rights.dwellings",
                "int",
                _l("Aantal woningen (appartementsrechten)"),
                NUMBER_HINT,
                minimum=0,
                maximum=100000,
            ),
            Question(
                "building.rights.commercial_units",
                "int",
                _l("Aantal bedrijfsruimten met een eigen appartementsrecht"),
                NUMBER_HINT,
                minimum=0,
                maximum=100000,
            ),
            Question(
                "building.rights.parking_or_storage",
                "int",
                _l("Aantal garages, parkeerplaatsen of bergingen met een eigen recht"),
                NUMBER_HINT,
                minimum=0,
                maximum=100000,
            ),
            Question(
                "building.storeys",
                "int",
                _l("Aantal bouwlagen"),
                NUMBER_HINT,
                minimum=1,
                maximum=100,
            ),
            Question(
                "building.building_type",
                "choice",
                _l("Soort gebouw"),
                choices=tuple(lazy_pairs(BUILDING_TYPES)),
            ),
            Question(
                "building.heritage",
                "choice",
                _l("Is het gebouw een monument?"),
                choices=tuple(lazy_pairs(HERITAGE)),
            ),
            Question(
                "building.roof_type", "choice", _l("Dak"), choices=tuple(lazy_pairs(ROOF_TYPES))
            ),
            Question("building.roof_insulation", "choice", _l("Dakisolatie"), choices=INSULATION),
            Question(
                "building.facade_insulation", "choice", _l("Gevelisolatie"), choices=INSULATION
            ),
            Question(
                "building.cavity_wall",
                "choice",
                _l("Spouwmuur"),
                choices=tuple(lazy_pairs(CAVITY_WALLS)),
            ),
            Question(
                "building.glazing", "choice", _l("Beglazing"), choices=tuple(lazy_pairs(GLAZING))
            ),
            Question(
                "building.floor_insulation",
                "choice",
                _l("Vloerisolatie"),
                choices=tuple(lazy_pairs(FLOOR_INSULATION)),
            ),
            Section(
                _l("Oppervlakken"),
                _l(
                    "Hiermee rekent het plan de kosten van de maatregelen uit. Weet u ze niet? "
                    "Laat ze leeg: het plan schat ze met een voorbeeldwoning van RVO en zegt "
                    "dat erbij."
                ),
            ),
            Question(
                "building.floor_area_per_dwelling",
                "int",
                _l("Gemiddelde gebruiksoppervlakte van een woning (m²)"),
                _l(
                    "Per adres te vinden in de BAG-viewer van het Kadaster, bij "
                    "'gebruiksoppervlakte'. Vul het gemiddelde in, in hele m²."
                ),
                minimum=1,
                maximum=10000,
                unit="m²",
            ),
            Question(
                "building.roof_area",
                "int",
                _l("Dakoppervlak (m²)"),
                SURFACE_HINT,
                minimum=1,
                maximum=10_000_000,
                unit="m²",
            ),
            Question(
                "building.facade_area",
                "int",
                _l("Dichte gevel, zonder ramen en deuren (m²)"),
                _l(
                    "Voor spouwmuur- of gevelisolatie. Staat in het energieadvies of in het "
                    "opnamerapport van de energielabels."
                ),
                minimum=1,
                maximum=10_000_000,
                unit="m²",
            ),
            Question(
                "building.window_area",
                "int",
                _l("Glasoppervlak (m²)"),
                SURFACE_HINT,
                minimum=1,
                maximum=10_000_000,
                unit="m²",
            ),
            Question(
                "building.volume",
                "int",
                _l("Bruto inhoud van het gebouw (m³)"),
                _l(
                    "Staat in het energieadvies of in de taxatie voor de opstalverzekering. "
                    "Het plan schat er de herbouwwaarde mee als die onbekend is."
                ),
                minimum=1,
                maximum=100_000_000,
                unit="m³",
            ),
        ),
    ),
    Step(
        "installaties",
        _l("Installaties en energie"),
        _l("Hoe het gebouw nu verwarmd en geventileerd wordt."),
        (
            Question(
                "installations.heating",
                "choice",
                _l("Verwarming"),
                choices=tuple(lazy_pairs(HEATING)),
            ),
            Question(
                "installations.boilers_installed_year",
                "year",
                _l("In welk jaar zijn de meeste ketels geplaatst?"),
                NUMBER_HINT,
                minimum=1950,
                maximum=2100,
                past=True,
            ),
            Question(
                "installations.hot_water",
                "choice",
                _l("Warm water"),
                choices=tuple(lazy_pairs(HOT_WATER)),
            ),
            Question(
                "building.ventilation",
                "choice",
                _l("Ventilatie"),
                choices=tuple(lazy_pairs(VENTILATION)),
            ),
            Question(
                "building.solar_panels",
                "choice",
                _l("Zonnepanelen"),
                choices=tuple(lazy_pairs(SOLAR_PANELS)),
            ),
            Question(
                "building.cooking_on_gas",
                "choice",
                _l("Wordt er op gas gekookt?"),
                choices=tuple(lazy_pairs(COOKING_ON_GAS)),
            ),
            Question(
                "installations.gas_use_m3",
                "int",
                _l("Gasverbruik van het hele gebouw per jaar (m³)"),
                _l(
                    "Bij een collectieve ketel: in de jaarafrekening van de VvE of bij de "
                    "energieleverancier. Bij eigen ketels: de verbruiken van de woningen samen, "
                    "als u die weet. Weet u het niet? Laat dit veld leeg."
                ),
                minimum=0,
                maximum=100_000_000,
                unit="m³",
            ),
            Question(
                "installations.gas_use_per_dwelling_m3",
                "int",
                _l("Gasverbruik van een gemiddelde woning per jaar (m³)"),
                _l(
                    "Alleen nodig als het totaal onbekend is. Staat op de jaarafrekening van "
                    "de energieleverancier van een bewoner. Leeg: het plan rekent met het "
                    "landelijk gemiddelde."
                ),
                minimum=0,
                maximum=1_000_000,
                unit="m³",
            ),
        ),
    ),
)
