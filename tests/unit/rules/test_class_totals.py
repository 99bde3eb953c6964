"""A building amount split over the share classes: each class's part keeps the range's
order (low <= typical <= high) and the parts add up to the amount, for any table, also
one that does not add up to 1 (largest remainder alone can give a class a cent more of
the low amount than of the high one, the Alabama paradox: the engine then stopped)."""

from fractions import Fraction

from hypothesis import example, given
from hypothesis import strategies as st

from vve.rules.money.amounts import Range
from vve.rules.money.apartments import ShareClass, ShareTable, class_totals

classes = st.lists(
    st.tuples(st.fractions(Fraction(1, 1000), Fraction(2)), st.integers(1, 50)),
    min_size=1,
    max_size=5,
)


def _table(parts) -> ShareTable:
    made = tuple(ShareClass(None, "dwelling", n, share) for share, n in parts)
    return ShareTable("table", made, sum(s * n for s, n in parts), sum(n for _, n in parts), None)


@given(
    classes,
    st.integers(0, 10**8),
    st.integers(0, 10**6),
    st.none() | st.integers(0, 10**6),
)
@example([(Fraction(1, 100), 1), (Fraction(1), 2)], 1000, 1, 0)
@example([(Fraction(1, 100), 1), (Fraction(33, 500), 3)], 0, 881, 880)
@example([(Fraction(1, 100), 1), (Fraction(1), 2)], 1000, 1, None)
def test_each_class_keeps_the_order_and_the_parts_add_up(parts, low, up, typical_up):
    typical = None if typical_up is None else low + min(typical_up, up)
    amount = Range(low, typical, low + up)
    split = class_totals(amount, _table(parts))
    assert all(r.low <= (r.low if r.typical is None else r.typical) <= r.high for r in split)
    assert all((r.typical is None) == (typical is None) for r in split)
    assert sum(r.low for r in split) == amount.low
    assert sum(r.high for r in split) == amount.high
    if typical is not None:
        assert sum(r.typical for r in split) == amount.typical
