"""Many calls of one function at the same instant, from threads with their own database
connections (R4)."""

import threading
from collections import Counter
from collections.abc import Callable

from django.db import connections

# PostgreSQL's max_connections (100) is shared with other test runs, and every thread opens
# two connections (Saleor's default and replica aliases): at most this many run at once.
AT_ONCE = 20


def race(calls: int, call: Callable[[], str]) -> Counter:
    """Start `calls` threads that all call `call` as soon as they are released together
    (`AT_ONCE` at a time); returns how often each outcome (the return value, or the name of
    the exception raised) came back."""
    go = threading.Event()
    slots = threading.BoundedSemaphore(AT_ONCE)
    outcomes: Counter = Counter()
    lock = threading.Lock()

    def one() -> None:
        go.wait()
        with slots:
            try:
                outcome = call()
            except Exception as error:  # the outcome of a racing call, counted and asserted
                outcome = f"{type(error).__name__}: {getattr(error, 'code', error)}"
            finally:
                connections.close_all()
        with lock:
            outcomes[outcome] += 1

    threads = [threading.Thread(target=one) for _ in range(calls)]
    for thread in threads:
        thread.start()
    go.set()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a racing call hung"
    return outcomes
