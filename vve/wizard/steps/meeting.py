"""The steps about decisions: owners and votes; then (after the apartment register) the
municipality and the ambition."""

from __future__ import annotations

from vve.terms import lazy_pairs
from vve.translate import lazy_gettext as _l
from vve.vocabulary import (
    BUDGET_APPETITES,
    GOALS,
    HEAT_ROUTES,
    MODEL_REGLEMENTS,
    SECOND_MEETING,
    VOTES_PER_RIGHT,
)

from .model import NUMBER_HINT, Question, Step

VOTES_STEPS: tuple[Step, ...] = (
    Step(
        "stemmen",
        _l("Eigenaars en stemmen"),
        _l("Wie de eigenaars zijn en welke stemregels het reglement van uw VvE heeft."),
        (
            Question(
                "voting.model_reglement",
                "choice",
                _l("Welk modelreglement volgt de splitsingsakte?"),
                _l("Staat in de splitsingsakte; die vraagt u op bij het Kadaster."),
                choices=tuple(lazy_pairs(MODEL_REGLEMENTS)),
            ),
            Question(
                "voting.votes_per_right",
                "choice",
                _l("Hoeveel stemmen heeft elk appartementsrecht?"),
                choices=tuple(lazy_pairs(VOTES_PER_RIGHT)),
            ),
            Question(
                "owners.past_turnout_percent",
                "percent",
                _l(
                    "Welk deel van de stemmen was op de laatste vergaderingen aanwezig of vertegenwoordigd?"
                ),
                # a recorded meeting's attendance replaces the estimate (vve/rules/turnout.py)
                _l(
                    "In procenten, bijvoorbeeld 60. Weet u het niet? Laat dit veld leeg. "
                    "Legt u bij 'Vergaderingen en uitslagen' de uitslag van een ALV vast, dan "
                    "rekent het plan met de opkomst van die vergadering, niet meer met dit getal."
                ),
                minimum=0,
                maximum=100,
            ),
            Question(
                "voting.threshold_amount_set",
                "bool",
                _l(
                    "Heeft de vergadering een drempelbedrag vastgesteld voor uitgaven buiten het onderhoud?"
                ),
            ),
            Question("voting.threshold_amount", "euro", _l("Drempelbedrag"), NUMBER_HINT),
            Question(
                "voting.second_meeting",
                "choice",
                _l("Mag een tweede vergadering besluiten als het quorum niet is gehaald?"),
                choices=tuple(lazy_pairs(SECOND_MEETING)),
            ),
            Question(
                "voting.proxy_limit",
                "int",
                _l("Hoeveel volmachten mag één persoon hebben?"),
                _l("Vul 0 in als er geen maximum is. Weet u het niet? Laat dit veld leeg."),
                minimum=0,
                maximum=1000,
            ),
            Question(
                "voting.hybrid_meeting_allowed",
                "bool",
                _l("Staat het reglement hybride vergaderen (deels online) toe?"),
            ),
            Question(
                "voting.electronic_voting_allowed",
                "bool",
                _l("Staat het reglement elektronisch stemmen toe?"),
            ),
            Question(
                "voting.loans_excluded_by_reglement",
                "bool",
                _l("Sluit het reglement lenen door de VvE uitdrukkelijk uit?"),
            ),
        ),
    ),
)

# After the votes and the apartment register.
DECISION_STEPS: tuple[Step, ...] = (
    Step(
        "gemeente",
        _l("Gemeente en wijk"),
        _l("Wat de gemeente voor de wijk van plan is. Het energieloket weet dit vaak."),
        (
            Question(
                "municipal.neighbourhood_plan",
                "bool",
                _l("Is er een wijkuitvoeringsplan voor de wijk van het gebouw?"),
            ),
            Question(
                "municipal.preferred_route",
                "choice",
                _l("Welke warmteroute kiest de gemeente voor de wijk?"),
                choices=tuple(lazy_pairs(HEAT_ROUTES)),
            ),
            Question(
                "municipal.expected_year",
                "year",
                _l("Vanaf welk jaar verwacht de gemeente die route?"),
                NUMBER_HINT,
                minimum=2000,
                maximum=2100,
            ),
        ),
    ),
    Step(
        "ambitie",
        _l("Ambitie en planning"),
        _l("Wat de VvE wil bereiken en wanneer."),
        (
            Question(
                "ambition.goal",
                "choice",
                _l("Wat wil de VvE bereiken?"),
                choices=tuple(lazy_pairs(GOALS)),
            ),
            Question(
                "ambition.target_year",
                "year",
                _l("Streefjaar"),
                NUMBER_HINT,
                minimum=2000,
                maximum=2100,
            ),
            Question(
                "ambition.start_date",
                "date",
                _l("Wanneer wilt u beginnen?"),
                _l("Kies of typ een datum. Laat u het leeg, dan begint het plan vandaag."),
            ),
            Question(
                "ambition.budget_appetite",
                "choice",
                _l("Hoeveel willen de eigenaars investeren?"),
                choices=tuple(lazy_pairs(BUDGET_APPETITES)),
            ),
        ),
    ),
    # Last, so the per-measure rows follow the plan that all earlier answers make; it also
    # keeps the numbers of the earlier steps, which stored dossiers count on.,
)
