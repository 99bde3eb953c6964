"""Every code set of the product, defined once: code -> Dutch document word and UI label.

The engine, the database and the audit log speak in codes ("heat_network", "board",
"answers_changed"). A code becomes words in exactly one place, here:

- ``word``: how the Dutch plan document writes it inside a sentence;
- ``label``: the Dutch message id the web pages show, translated where it is shown
  (``gettext(term.label)``, or ``vve.web_words``); marked with ``N_`` so that
  ``pybabel extract -k N_`` finds it;
- ``phrase``: where a sentence needs the word with its article ("de belegger").

Pure data and the two small classes that hold it: no imports from Flask or Babel, so
the rules engine and the Word writer may use it too.
"""

from __future__ import annotations

from .answers import (
    BUDGET_APPETITES,
    BUILDING_TYPES,
    CAVITY_WALLS,
    COOKING_ON_GAS,
    COST_SHARE_METHODS,
    FLOOR_INSULATION,
    GLAZING,
    GOALS,
    HEATING,
    HERITAGE,
    HOT_WATER,
    INSULATION_LEVELS,
    MAINTENANCE_PLANS,
    MANAGEMENT,
    MODEL_REGLEMENTS,
    ROOF_TYPES,
    SECOND_MEETING,
    SOLAR_PANELS,
    VENTILATION,
    VOTES_PER_RIGHT,
)
from .base import N_, CodeSet, Term
from .money import (
    COST_ORIGINS,
    MISSING_AMOUNTS,
    RIGHT_KINDS,
    SAVING_REASONS,
    SHARE_METHODS,
    SUBSIDY_REASONS,
)
from .plan import (
    ADVISOR_ROLES,
    AUDIT_ACTORS,
    AUDIT_EVENTS,
    CERTAINTY,
    COMPARISONS,
    DECISION_CLASSES,
    DECISION_WAITS,
    DOSSIER_STATUSES,
    FRACTIONS,
    HEAT_ROUTES,
    NO_STAGE,
    OWNER_KINDS,
    PLAN_ACTORS,
    PLAN_STATUSES,
    RULE_BASES,
    SEVERITY,
    STAGES,
    UNANIMOUS,
)
from .results import BALLOTS, DECISION_STATES, MEETING_KINDS, OUTCOMES
from .security import SECURITY_EVENTS

__all__ = [
    "ADVISOR_ROLES",
    "AUDIT_ACTORS",
    "AUDIT_EVENTS",
    "BALLOTS",
    "BUDGET_APPETITES",
    "BUILDING_TYPES",
    "CAVITY_WALLS",
    "CERTAINTY",
    "COMPARISONS",
    "COOKING_ON_GAS",
    "COST_ORIGINS",
    "COST_SHARE_METHODS",
    "CodeSet",
    "DECISION_CLASSES",
    "DECISION_STATES",
    "DECISION_WAITS",
    "DOSSIER_STATUSES",
    "FLOOR_INSULATION",
    "FRACTIONS",
    "GLAZING",
    "GOALS",
    "HEATING",
    "HEAT_ROUTES",
    "HERITAGE",
    "HOT_WATER",
    "INSULATION_LEVELS",
    "MAINTENANCE_PLANS",
    "MANAGEMENT",
    "MEETING_KINDS",
    "MISSING_AMOUNTS",
    "MODEL_REGLEMENTS",
    "NO_STAGE",
    "N_",
    "OUTCOMES",
    "OWNER_KINDS",
    "PLAN_ACTORS",
    "PLAN_STATUSES",
    "RIGHT_KINDS",
    "ROOF_TYPES",
    "RULE_BASES",
    "SAVING_REASONS",
    "SECOND_MEETING",
    "SECURITY_EVENTS",
    "SEVERITY",
    "SHARE_METHODS",
    "SOLAR_PANELS",
    "STAGES",
    "SUBSIDY_REASONS",
    "Term",
    "UNANIMOUS",
    "VENTILATION",
    "VOTES_PER_RIGHT",
]
