"""The last question step: costs and financing (own figures, loan offer, cost shares)."""

from __future__ import annotations

from vve.terms import lazy_pairs
from vve.translate import lazy_gettext as _l
from vve.vocabulary import COST_SHARE_METHODS, RIGHT_KINDS

from .model import Column, Question, Section, Step, Table

COSTS_STEPS: tuple[Step, ...] = (
    Step(
        "kosten",
        _l("Kosten en financiering"),
        _l(
            "Wie welk deel betaalt, en bedragen uit een energieadvies, offerte of "
            "leningaanbod. Alles mag leeg blijven: het plan rekent dan met kengetallen en "
            "zegt dat erbij."
        ),
        (
            Section(_l("Verdeling van de kosten")),
            Question(
                "money.cost_share_method",
                "choice",
                _l("Hoe worden de kosten over de eigenaars verdeeld?"),
                _l(
                    "Staat in de splitsingsakte: daarin heeft elk appartementsrecht een "
                    "breukdeel, bijvoorbeeld 87/10000. De akte vraagt u op bij het Kadaster."
                ),
                choices=tuple(lazy_pairs(COST_SHARE_METHODS)),
            ),
            Table(
                "money.cost_shares",
                _l("Breukdelen"),
                _l(
                    "Alleen nodig bij verdeling volgens de breukdelen. Eén regel per groep "
                    "appartementen met hetzelfde breukdeel, bijvoorbeeld 'woning type A': 40 "
                    "woningen met 200/10000, en 'winkel': 2 bedrijfsruimten met 1000/10000. Lege "
                    "regels worden overgeslagen."
                ),
                (
                    Column("label", "text", _l("Omschrijving"), required=True),
                    Column(
                        "kind",
                        "choice",
                        _l("Soort"),
                        choices=tuple(lazy_pairs(RIGHT_KINDS)),
                        default="dwelling",
                    ),
                    Column(
                        "apartments",
                        "int",
                        _l("Aantal appartementen"),
                        minimum=1,
                        maximum=100000,
                        required=True,
                    ),
                    Column("share", "share", _l("Breukdeel per appartement"), required=True),
                ),
            ),
            Section(_l("Reservefonds en advies")),
            Question(
                "money.reserve_for_plan",
                "euro",
                _l("Hoeveel wil de VvE uit het reservefonds aan dit plan betalen?"),
                _l(
                    "In hele euro's. Kijk in het MJOP wat het reservefonds nodig heeft voor "
                    "ander onderhoud. Weet u het niet? Laat dit veld leeg."
                ),
            ),
            Question(
                "money.advice_cost",
                "euro",
                _l("Kosten van het energieadvies en het DMJOP"),
                _l(
                    "Inclusief btw, uit de offerte van de adviseur. De subsidie voor het advies "
                    "rekent het plan zelf uit."
                ),
            ),
            Section(
                _l("Lening van het Nationaal Warmtefonds"),
                _l(
                    "Alleen als de VvE een rente-aanbod heeft. Zonder aanbod rekent het plan "
                    "met de netto kosten en eerder gepubliceerde rentes."
                ),
            ),
            Question(
                "money.loan_quote.amount",
                "euro",
                _l("Leenbedrag in het aanbod"),
                _l("Uit het rente-aanbod van het Nationaal Warmtefonds."),
            ),
            Question(
                "money.loan_quote.rate_percent",
                "rate",
                _l("Rente in het aanbod (%)"),
                _l("Uit het rente-aanbod van het Nationaal Warmtefonds, bijvoorbeeld 3,69."),
            ),
            Question(
                "money.loan_quote.term_years",
                "choice",
                _l("Looptijd in het aanbod"),
                choices=(
                    (10, _l("10 jaar")),
                    (15, _l("15 jaar")),
                    (20, _l("20 jaar")),
                    (30, _l("30 jaar")),
                ),
            ),
            Table(
                "money.figures",
                _l("Bedragen uit een energieadvies, DMJOP of offerte"),
                _l(
                    "Vul alleen in wat in het advies of de offerte staat, in hele euro's inclusief "
                    "btw; een leeg veld laat het plan met kengetallen rekenen. Bij een maatregel "
                    "die iedere eigenaar zelf betaalt: het bedrag per woning."
                ),
                (
                    Column(
                        "origin",
                        "choice",
                        _l("Bron van de bedragen"),
                        choices=(
                            ("", _l("Eigen opgave")),
                            ("energy_advice", _l("Energieadvies")),
                            ("dmjop", _l("DMJOP")),
                            ("quote", _l("Offerte")),
                        ),
                        default="",
                    ),
                    Column("investment", "euro", _l("Investering")),
                    Column("subsidy", "euro", _l("Subsidie")),
                    Column("yearly_saving", "euro", _l("Besparing op energie per jaar")),
                    Column(
                        "reference",
                        "text",
                        _l("Welk advies of welke offerte"),
                        _l("Bijvoorbeeld: offerte Isolatiebedrijf Noord, 12 maart 2027."),
                        wide=True,
                    ),
                ),
                keys="measures",
                open=False,
            ),
        ),
    ),
)
