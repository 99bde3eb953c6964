"""How many rows a list in the profile may hold, defined once.

The profile model refuses longer lists, and the wizard's forms offer and accept no more
rows than these (``max_entries``), so a hostile post with thousands of rows is refused
before it costs memory. Each limit is far above what a real VvE needs, with the reason.
"""

from __future__ import annotations

from typing import Final

# A VvE describes its owners by group (owner-occupiers, private landlords, a housing
# corporation, an investor), not apartment by apartment: a handful of rows is usual.
MAX_OWNER_GROUPS: Final = 50
# One row per kind of apartment right with its own number of votes; a deed that
# distinguishes a hundred kinds does not exist.
MAX_WEIGHT_ROWS: Final = 100
# One row per group of apartments with the same breukdeel; complexes of several hundred
# apartments have a few dozen types.
MAX_COST_SHARE_ROWS: Final = 200
# Major items of a (D)MJOP paid from the reserve fund over its thirty years.
MAX_RESERVE_COMMITMENTS: Final = 50

# One row per apartment right in the optional register. Far above a usual VvE (the
# largest of our examples has 48 rights); a complex beyond this works from owner groups.
# Seven fields a row keep a full register inside the request limit (vve/request_limits.py).
MAX_APARTMENTS: Final = 250
# Recorded results, corrections included: a dozen decisions over a few meetings, each
# corrected now and then.
MAX_RESULTS: Final = 500

# The wizard's tables by profile path (list tables only; a keyed table has one row per
# known key).
MAX_ROWS: Final[dict[str, int]] = {
    "owners.groups": MAX_OWNER_GROUPS,
    "voting.weights": MAX_WEIGHT_ROWS,
    "money.cost_shares": MAX_COST_SHARE_ROWS,
    "money.reserve_commitments": MAX_RESERVE_COMMITMENTS,
    "apartments": MAX_APARTMENTS,
}

# The most digits a whole number in a profile file may have: the largest figure the
# profile holds (an amount up to ten billion euros) has 11. Longer numbers are refused
# before Python converts them (its conversion refuses more than 4,300 digits).
MAX_NUMBER_DIGITS: Final = 30
