"""The optional apartment register: one row per apartment right, for the meeting papers
(attendance and voting list, proxies). After the owners and votes, which it details."""

from __future__ import annotations

from vve.terms import lazy_pairs
from vve.translate import lazy_gettext as _l
from vve.vocabulary import RIGHT_KINDS

from .model import Column, Step, Table

REGISTER_STEP = "appartementen"

# One owner of one apartment: the owner groups' kinds, in the singular.
OWNER_KIND_CHOICES = (
    ("", _l("Weet ik niet")),
    ("owner_occupiers", _l("Eigenaar-bewoner")),
    ("private_landlords", _l("Particuliere verhuurder")),
    ("housing_corporation", _l("Woningcorporatie")),
    ("investor", _l("Belegger")),
    ("other", _l("Andere eigenaar")),
)

REGISTER = Table(
    "apartments",
    _l("Appartementsrechten"),
    _l(
        "Eén rij per appartementsrecht, ook voor een bedrijfsruimte, garage of berging met "
        "een eigen recht. Nummer, stemmen en breukdeel (bijvoorbeeld 210/10000) staan in de "
        "splitsingsakte. Laat leeg wat u niet weet; lege rijen worden overgeslagen."
    ),
    (
        Column("number", "text", _l("Nummer"), required=True, maximum=20),
        Column(
            "kind",
            "choice",
            _l("Soort recht"),
            choices=tuple(lazy_pairs(RIGHT_KINDS)),
            default="dwelling",
        ),
        Column("votes", "int", _l("Stemmen"), minimum=0, maximum=1000),
        Column("cost_share", "share", _l("Breukdeel")),
        Column("owner_kind", "choice", _l("Soort eigenaar"), choices=OWNER_KIND_CHOICES),
        Column("owner_name", "text", _l("Naam eigenaar"), private=True),
        Column("resident", "bool", _l("Woont de eigenaar er?")),
    ),
    rows=3,
    grid=True,
    note=_l(
        "Namen zijn niet verplicht; vul alleen in wat de vergadering nodig heeft. Namen "
        "staan in de export van het dossier en worden met het dossier verwijderd. "
        "Adviseurs met wie u het dossier deelt, zien geen namen: niet hier en niet op hun "
        "overzicht."
    ),
)

REGISTER_STEPS: tuple[Step, ...] = (
    Step(
        REGISTER_STEP,
        _l("Appartementen"),
        _l(
            "Een lijst van alle appartementsrechten, voor de papieren van de vergadering: "
            "de presentielijst, de stemlijst en de volmachten. Deze stap is niet verplicht. "
            "Zonder lijst werken de vergaderpapieren met de eigenaarsgroepen uit de vorige stap."
        ),
        (REGISTER,),
    ),
)
