"""The reconciliation loop shared by return refunds and delay refunds."""

import logging
from collections import Counter
from collections.abc import Callable, Iterable

logger = logging.getLogger(__name__)


def settle_each(record_ids: Iterable[int], settle: Callable[[int], str]) -> dict[str, int]:
    """Settle each open refund record in turn; counts by resulting status ("error" for a
    record that raised)."""
    counts: Counter[str] = Counter()
    for record_id in record_ids:
        try:
            status = settle(record_id)
        except Exception:
            # One record Saleor cannot settle now must not hold up the others.
            logger.exception("Could not settle refund %s", record_id)
            status = "error"
        counts[status] += 1
    return dict(counts)
