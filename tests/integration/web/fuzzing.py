"""What the web fuzz tests draw, and how many examples they run.

Two Hypothesis settings profiles: ``fuzz`` (the default, for every test run) and
``fuzz-deep`` (``VVE_FUZZ=deep``: ten times the examples, for a nightly run or before a
release). Generate only: the app's database keeps state between examples, so shrinking a
failure replays it against a changed database and turns into a slow, flaky search; a
failure still shows the example that caused it.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

settings.register_profile(
    "fuzz",
    max_examples=25,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
settings.register_profile("fuzz-deep", settings.get_profile("fuzz"), max_examples=250)
FUZZ = settings.get_profile("fuzz-deep" if os.environ.get("VVE_FUZZ") == "deep" else "fuzz")

# Numbers longer than Python converts (4,300 digits), up to what fits a 2 MB post.
HUGE_NUMBERS = st.integers(4_000, 250_000).flatmap(
    lambda n: st.sampled_from(["9" * n, "-" + "9" * n, "0" * n + "1", "1" + "0" * n])
)
NUL_TEXT = st.text(max_size=40).map(lambda t: f"{t}\x00{t}")

HOSTILE = st.one_of(
    st.text(max_size=50),
    st.text(max_size=5_000),
    NUL_TEXT,
    HUGE_NUMBERS,
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\x00",
            "-1",
            "1e309",
            "9" * 400,
            "NaN",
            "",
            " ",
            "../../etc/passwd",
            "=cmd|' /C calc'!A0",
            "😀" * 100,
            "\u202e",
            "2/0",
            "0/0",
            "yes",
            "on",
            "mine",
            "saved",
            "association.name:0000000000000000",
        ]
    ),
    st.integers(-(10**30), 10**30).map(str),
)
