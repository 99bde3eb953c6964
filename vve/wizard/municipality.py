"""The municipality offered from the postcode table on the VvE step, for the board to confirm.

Stateless and without JavaScript: a save whose postcode the table knows, with no municipality
or another one, comes back to the same step (the other answers saved). The page then fills an
empty municipality in the form (not in the dossier) and says where the table places the
postcode; a different answer stays as typed, with the question beside it. The page carries the
offered name in a hidden field, so saving again goes on, whatever the board chose.
"""

from __future__ import annotations

from vve.services import areas
from vve.translate import gettext as _

POSTCODE, FIELD = "association.postcode", "association.municipality"
OFFERED = "municipality_offered"  # the hidden field: the name the page offered


def _asks(current) -> bool:
    return any(q.path == FIELD for q in current.questions)


def must_ask(current, values: dict, posted) -> bool:
    """Whether this save stops on the step to ask: the table has an answer the board has
    not seen on this page yet."""
    if not _asks(current):
        return False
    offer = areas.municipality_offer(values.get(POSTCODE), values.get(FIELD))
    return offer is not None and posted.get(OFFERED) != offer.municipality


def offer_on_page(current, form) -> dict | None:
    """The offer for the page as its form stands: fills an empty answer, and returns the
    notice beside the field and the name for the hidden field (None: nothing to ask)."""
    if not _asks(current):
        return None
    name = FIELD.replace(".", "__")
    offer = areas.municipality_offer(form[POSTCODE.replace(".", "__")].data, form[name].data)
    if offer is None:
        return None
    if offer.differs:
        text = _(
            "Volgens de postcodetabel ligt %(postcode)s in de gemeente %(table)s, niet in "
            "%(typed)s. Klopt %(typed)s toch? Laat het dan staan; anders past u het aan.",
            postcode=offer.postcode,
            table=offer.municipality,
            typed=offer.typed,
        )
    else:
        form[name].data = offer.municipality
        text = _(
            "Volgens de postcodetabel ligt %(postcode)s in de gemeente %(table)s. Klopt dat? "
            "Pas het anders aan.",
            postcode=offer.postcode,
            table=offer.municipality,
        )
    return {"field": name, "text": text, "name": OFFERED, "offered": offer.municipality}
