"""A Word document's garbage, collected when the document is done.

python-docx leaves about 450 objects per document in reference cycles (document, parts,
package) that hold the lxml trees; only the cycle collector frees them. Left to itself the
collector promotes them to the oldest generation while a document is being written (a
document allocates far more than a generation's threshold), and a web worker then grows
until a rare full collection, or pays for a full one (every object of the worker
traversed) after each download.

``young_garbage`` keeps the collector off while a writer runs, so everything the document
allocated is still in the youngest generation when the writer returns; one collection of
that generation alone then frees the cycles. Sync web workers and the CLI run one document
at a time; a threaded caller's other threads only see their collections wait for it.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def young_garbage(writer: Callable[P, R]) -> Callable[P, R]:
    """``writer`` with the collector off while it runs and its young garbage collected
    after it returned (its locals, the python-docx document among them, are gone then)."""

    @functools.wraps(writer)
    def written(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():  # the caller manages the collector: leave it to it
            return writer(*args, **kwargs)
        gc.disable()
        try:
            return writer(*args, **kwargs)
        finally:
            gc.enable()
            gc.collect(0)

    return written
