"""The voting chapter's sentence on the largest group's turnout: the verb agrees with who
stays away (vve/document/chapters/voting.py)."""

from vve.document.chapters.blocking import _group_text

GROUP = {"label": "Eigenaar-bewoners", "votes": 5, "single_party": False}
VOTES = {"quorum_votes": 4}


def test_one_owner_staying_away_takes_a_singular_verb():
    owner = {"label": "Verhuurder appartement 41-E", "votes": 1, "single_party": True}
    (text,) = _group_text(VOTES, [GROUP, owner])
    assert text.startswith("Komt de verhuurder van appartement 41-E (1 stem) niet, dan moeten ")


def test_a_group_or_several_staying_away_take_a_plural_verb():
    renters = {"label": "Particuliere verhuurders", "votes": 2, "single_party": False}
    owner = {"label": "Woonstichting Zuidwest", "votes": 1, "single_party": True}
    (text,) = _group_text({"quorum_votes": 4}, [{**GROUP, "votes": 6}, renters])
    assert text.startswith("Komen de particuliere verhuurders (2 stemmen) niet")
    (text,) = _group_text({"quorum_votes": 4}, [{**GROUP, "votes": 6}, renters, owner])
    assert text.startswith("Komen de particuliere verhuurders (2 stemmen) en Woonstichting")
