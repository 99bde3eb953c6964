"""Under MR 2006 and 2017 a board member may not hold proxies (art. 49). Where a
management company is the board, Hof Den Haag (7 March 2017, via rijssenbeek.nl;
CORRECTIONS f1) let its employee hold them unless registered as a director himself: a
professionally managed VvE is told so wherever the plan gives the proxy note (advisor's
review, COULD); a self-managed one is not."""

import datetime as dt

from tests.example_plans import example_plan

AS_OF = dt.date(2026, 11, 27)
NUANCE = "medewerker van die beheerder"


def _proxy_texts(plan: dict) -> list[str]:
    proxies = ("first_proxies", "dmjop_proxies", "proxies")
    actions = [a["what"] for s in plan["stages"] for a in s["actions"] if a["id"] in proxies]
    return [*actions, plan["proxies"]["note"]]


def test_a_professionally_managed_vve_under_mr2006_hears_the_nuance():
    texts = _proxy_texts(example_plan("hoogeveen-corporatie", AS_OF))  # MR 2006, professional
    assert texts and all(NUANCE in t for t in texts if "bestuurder mag" in t)
    assert any(NUANCE in t for t in texts)


def test_a_self_managed_vve_does_not():
    for stem in ("assen-zes-woningen", "meppel-beschermd-stadsgezicht"):
        assert not any(NUANCE in t for t in _proxy_texts(example_plan(stem, AS_OF)))


def test_the_court_ruling_is_in_appendix_b_where_it_is_said():
    """Appendix B lists the source of the note (advisor's re-review, S6)."""
    cited = {s["id"] for s in example_plan("hoogeveen-corporatie", AS_OF)["sources"]}
    assert {"mr-proxy", "hof-den-haag-volmacht"} <= cited
    meppel = {s["id"] for s in example_plan("meppel-beschermd-stadsgezicht", AS_OF)["sources"]}
    assert "hof-den-haag-volmacht" not in meppel
