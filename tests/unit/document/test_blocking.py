"""Who can stop a decision ("Wie kan een besluit tegenhouden"): each owner's power is a
bullet of its own, and where a small owner decides alone only when a larger one stays
away, the bullet says so, with the numbers and the quorum the rules give (advisor's
review: a bullet about the corporation named the shop owner, silently assuming the
corporation absent)."""

from __future__ import annotations

import io

from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, ROOT, corporation_profile
from vve.document import DocumentMeta, write_plan_docx
from vve.document.chapters import blocking
from vve.labels import party_in_sentence
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

HOOGEVEEN = ROOT / "examples" / "hoogeveen-corporatie.json"


def _plan(profile):
    return plan_to_dict(build_plan(profile, AS_OF))


def _hoogeveen():
    return _plan(load_profile(HOOGEVEEN.read_text(encoding="utf-8")))


def _power(decision, label):
    return next(p for p in decision["blocking"] if p["label"] == label)


def test_hoogeveen_the_shop_owner_has_a_bullet_of_its_own_saying_the_corporation_is_away():
    plan = _hoogeveen()
    d = next(d for d in plan["decisions"] if d["id"] == "boiler_policy")
    parties = plan["votes"]["parties"]
    shop = _power(d, "Winkelbeleggingen Drenthe B.V.")
    corporation = _power(d, "Woonstichting Zuidwest")
    ceiling, total = shop["carries_alone_up_to_present"], d["rule"]["votes"]["total"]
    # what the rule says: no quorum for this decision; the corporation alone is more
    assert d["rule"]["quorum"] is None
    assert corporation["votes"] + shop["votes"] > ceiling
    items = blocking.blocking_items(d, parties)
    assert (
        items[0]
        == "Woonstichting Zuidwest (24 stemmen) kan zo'n besluit alleen nemen én tegenhouden."
    )
    assert items[1] == (
        f"Komt Woonstichting Zuidwest niet, en zijn er hoogstens {ceiling} van de {total} "
        f"stemmen aanwezig, dan neemt Winkelbeleggingen Drenthe B.V. ({shop['votes']} "
        "stemmen) zo'n besluit alleen: voor zo'n besluit geldt geen quorum."
    )
    assert (ceiling, total, shop["votes"]) == (11, 40, 6)


def _section(doc) -> list[tuple[str, str]]:
    start = next(
        i
        for i, p in enumerate(doc.paragraphs)
        if p.text == "Wie kan een besluit tegenhouden" and p.style.name.startswith("Heading")
    )
    out = []
    for p in doc.paragraphs[start + 1 :]:
        if p.style.name.startswith("Heading"):
            break
        out.append((p.style.name, p.text))
    return out


def test_hoogeveen_renders_each_owners_power_as_a_bullet_under_its_decisions():
    plan = _hoogeveen()
    doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta("Test", "1"))))
    section = _section(doc)
    texts = [t for _, t in section]
    corporation = texts.index(
        "Woonstichting Zuidwest (24 stemmen) kan zo'n besluit alleen nemen én tegenhouden."
    )
    assert texts[corporation + 1].startswith("Komt Woonstichting Zuidwest niet, en zijn er")
    # the decisions a set of bullets is about are named once, above them
    leads = [t for style, t in section if t.startswith("Voor deze besluiten: ")]
    assert len(leads) >= 2
    assert any("afspraak over de vervanging van eigen cv-ketels" in t for t in leads)
    assert not any("Dat geldt voor" in t for t in texts)


@settings(max_examples=25, deadline=None)
@given(shop=st.integers(1, 15), occupiers=st.integers(1, 10))
def test_an_owner_is_named_beside_another_only_as_staying_away(shop, occupiers):
    """Every bullet speaks of one owner with a name of its own; another named owner is
    only the condition ("Komt ... niet"), and it is there whenever that owner's votes
    and this one's together exceed the attendance at which this one decides alone."""
    plan = _plan(
        corporation_profile(
            24 + shop + occupiers,
            {"kind": "investor", "name": "Winkels B.V.", "rights": shop, "single_party": True},
            {"kind": "owner_occupiers", "rights": occupiers},
        )
    )
    parties = plan["votes"]["parties"]
    singles = {party_in_sentence(p["label"]): p for p in parties if p["single_party"]}
    for d in plan["decisions"]:
        if not d["rule"]["votes"]:
            continue
        for item in blocking.blocking_items(d, parties):
            condition, _, rest = item.partition(" niet, en ")
            named = [n for n in singles if n in (rest if rest else item)]
            assert len(named) <= 1, item
            if "geen quorum" in item:
                assert d["rule"]["quorum"] is None
            if not named or "alleen." not in item and "alleen:" not in item:
                continue
            power = next(p for p in d["blocking"] if party_in_sentence(p["label"]) == named[0])
            ceiling = power["carries_alone_up_to_present"]
            if f"hoogstens {ceiling}" not in item:
                continue
            for other, p in singles.items():
                if other != named[0] and p["votes"] + power["votes"] > ceiling:
                    assert rest and other in condition, item
