"""The maintenance step: the MJOP, planned maintenance, the reserve fund and advice costs."""

from __future__ import annotations

from vve.terms import lazy_pairs
from vve.translate import lazy_gettext as _l
from vve.vocabulary import MAINTENANCE_PLANS

from .model import NUMBER_HINT, Column, Question, Step, Table

MAINTENANCE_STEPS: tuple[Step, ...] = (
    Step(
        "onderhoud",
        _l("Onderhoud en geld"),
        _l("Het meerjarenonderhoudsplan (MJOP) en het reservefonds."),
        (
            Question(
                "money.maintenance_plan",
                "choice",
                _l("Heeft de VvE een MJOP?"),
                choices=tuple(lazy_pairs(MAINTENANCE_PLANS)),
            ),
            Question(
                "money.maintenance_plan_year",
                "year",
                _l("Van welk jaar is het MJOP?"),
                NUMBER_HINT,
                minimum=1950,
                maximum=2100,
            ),
            Question(
                "money.planned.roof",
                "year",
                _l("Dakvervanging gepland in (jaar)"),
                NUMBER_HINT,
                minimum=1950,
                maximum=2100,
            ),
            Question(
                "money.planned.window_frames",
                "year",
                _l("Kozijnvervanging gepland in (jaar)"),
                NUMBER_HINT,
                minimum=1950,
                maximum=2100,
            ),
            Question(
                "money.planned.facade",
                "year",
                _l("Groot gevelonderhoud gepland in (jaar)"),
                NUMBER_HINT,
                minimum=1950,
                maximum=2100,
            ),
            Question(
                "money.planned.collective_boiler",
                "year",
                _l("Vervanging collectieve ketel gepland in (jaar)"),
                _l("Alleen bij een collectieve ketel. Weet u het niet? Laat dit veld leeg."),
                minimum=1950,
                maximum=2100,
            ),
            Question(
                "money.reserve_fund_balance",
                "euro",
                _l("Saldo van het reservefonds"),
                _l("In hele euro's, bijvoorbeeld 125.000. Weet u het niet? Laat dit veld leeg."),
            ),
            Question(
                "money.yearly_reserve_contribution",
                "euro",
                _l("Jaarlijkse reservering"),
                NUMBER_HINT,
            ),
            Question(
                "money.rebuild_value",
                "euro",
                _l("Herbouwwaarde"),
                _l("Staat in de opstalverzekering. Weet u het niet? Laat dit veld leeg."),
            ),
            Question(
                "money.existing_loans", "euro", _l("Openstaande leningen van de VvE"), NUMBER_HINT
            ),
            Table(
                "money.reserve_commitments",
                _l("Geplande uitgaven uit het reservefonds"),
                _l(
                    "Groot onderhoud dat volgens het MJOP uit het reservefonds betaald wordt, met "
                    "jaar en bedrag. Zo ziet het plan wat er voor dit plan overblijft. Lege regels "
                    "worden overgeslagen."
                ),
                (
                    Column("year", "year", _l("Jaar"), minimum=2000, maximum=2100, required=True),
                    Column("amount", "euro", _l("Bedrag"), _l("In hele euro's."), required=True),
                    Column(
                        "description",
                        "text",
                        _l("Waarvoor"),
                        _l("Niet verplicht. Bijvoorbeeld: schilderwerk kozijnen."),
                        wide=True,
                    ),
                ),
            ),
        ),
    ),
)
