"""Codes of the plan's money part: where amounts come from, why a subsidy or saving is or
is not counted, kinds of rights and how costs are divided."""

from __future__ import annotations

from .base import N_, CodeSet, Term

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
    Term(
        "after_end_date",
        "niet meegeteld: de aanvraag valt in deze planning na de einddatum",
        N_("niet meegeteld (regeling sluit eerder)"),
    ),
    Term(
        "building_too_new",
        "niet van toepassing: het gebouw is te nieuw voor deze regeling",
        N_("niet meegeteld (gebouw te nieuw)"),
    ),
    Term(
        "amount_not_found",
        "niet meegeteld: geen bedrag gevonden",
        N_("niet meegeteld (bedrag onbekend)"),
    ),
    Term(
        "no_owner_occupier",
        "niet van toepassing: geen eigenaar-bewoner",
        N_("niet meegeteld (geen eigenaar-bewoners)"),
    ),
    Term(
        "owner_occupiers_only",
        "alleen voor eigenaar-bewoners (ISDE)",
        N_("alleen voor eigenaar-bewoners"),
    ),
    Term("none", "geen", N_("geen regeling")),
)

# Why a measure has no amount yet.
MISSING_AMOUNTS = CodeSet(
    "missing_amounts",
    Term("price_not_found", "geen prijs gevonden", N_("onbekend (geen prijs gevonden)")),
    Term("quantity_unknown", "de hoeveelheid is onbekend", N_("onbekend (hoeveelheid onbekend)")),
    Term(
        "status_unknown",
        "nog niet bekend of dit nodig is; eerst vaststellen bij de opname",
        N_("onbekend (nog niet bekend of het nodig is)"),
    ),
    Term("roof_type_unknown", "het daktype is onbekend", N_("onbekend (daktype onbekend)")),
    Term(
        "in_maintenance",
        "de kozijnen staan in het MJOP, maar of het MJOP-bedrag voor de kozijnen ook "
        "nieuw isolerend glas dekt, is nog niet bekend; na te gaan in het MJOP",
        N_("in het onderhoud (MJOP)"),
    ),
    Term(
        "outdated_price",
        "alleen een verouderd maximum gevonden; vraag een offerte",
        N_("onbekend (alleen een verouderde prijs)"),
    ),
)

# Why a saving has no amount (the pages only; the document leaves the saving out).
SAVING_REASONS = CodeSet(
    "saving_reasons",
    Term("saving_not_found", "geen bron", N_("onbekend (geen bron)")),
    Term(
        "extra_electricity_unknown", "extra stroom onbekend", N_("onbekend (extra stroom onbekend)")
    ),
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
    Term(
        "table",
        "breukdelen uit de splitsingsakte",
        N_("Volgens de breukdelen uit de splitsingsakte."),
    ),
    Term(
        "assumed_equal",
        "aangenomen: gelijke breukdelen (nog onbekend)",
        N_(
            "Aangenomen: elk appartementsrecht betaalt evenveel (de verdeling is nog niet "
            "opgegeven)."
        ),
    ),
)
