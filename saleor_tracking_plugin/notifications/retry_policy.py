"""How often and when a failed send is tried again (pure: no Django)."""

# After this many attempts a message is given up and shown as failed to staff.
MAX_ATTEMPTS = 6
# A claimed message not finished within this time belongs to a dead worker: it is sent again.
# Far longer than any provider call may take (HTTP timeouts are 10 s).
LEASE_SECONDS = 120


def backoff_seconds(attempt: int, base_seconds: int, cap_seconds: int = 3600) -> int:
    """Delay before retry number `attempt` (1-based): base, 2x, 4x, ... capped at an hour."""
    return min(cap_seconds, max(1, base_seconds) * 2 ** max(0, attempt - 1))


def should_retry(attempts: int, transient: bool) -> bool:
    """A transient failure (timeout, 5xx, rate limit) is retried until MAX_ATTEMPTS."""
    return transient and attempts < MAX_ATTEMPTS
