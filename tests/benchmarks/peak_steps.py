"""Timing the peak rehearsal's steps and printing its report."""

import os
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .peak_stubs import BacklogSampler


@dataclass(frozen=True)
class StepTiming:
    """How long one step took for how many items; `scale` is the rehearsal's size."""

    name: str
    seconds: float
    count: int
    unit: str
    scale: float

    def line(self) -> str:
        """The step's duration, rate and linear extrapolation to the issue's numbers."""
        rate = self.count / self.seconds if self.seconds else float("inf")
        return (
            f"  {self.name:<32} {self.seconds:8.1f} s {self.count:7d} {self.unit:<11} "
            f"{rate:7.1f}/s   full scale ≈ {self.seconds / self.scale / 60:6.1f} min"
        )


@dataclass(frozen=True)
class WorkerStep:
    """Work handed to the worker at `since` (perf_counter), finished once `done()` holds."""

    name: str
    since: float
    count: int
    unit: str
    done: Callable[[], bool]


class Steps:
    """Times the rehearsal's steps; a worker step runs from when its work was handed over
    until its condition first holds, so steps of the worker may overlap."""

    def __init__(self, sampler: BacklogSampler, scale: float):
        self.sampler = sampler
        self.scale = scale
        self.timings: list[StepTiming] = []

    def _record(self, name: str, seconds: float, count: int, unit: str) -> None:
        self.timings.append(StepTiming(name, seconds, count, unit, self.scale))
        print(self.timings[-1].line(), flush=True)

    def run(self, name: str, count: int, unit: str, work: Callable[[], object]) -> object:
        """Run one step of the test process and time it."""
        self.sampler.step = name
        started = time.perf_counter()
        result = work()
        self._record(name, time.perf_counter() - started, count, unit)
        return result

    def await_all(self, waits: list[WorkerStep], timeout: float) -> None:
        """Wait for the worker's steps together, each timed until its condition first holds;
        fail after `timeout` seconds."""
        self.sampler.step = " + ".join(wait.name for wait in waits)
        pending = list(waits)
        deadline = time.monotonic() + timeout
        while pending:
            for wait in list(pending):
                if wait.done():
                    self._record(wait.name, time.perf_counter() - wait.since, wait.count, wait.unit)
                    pending.remove(wait)
            if pending and time.monotonic() > deadline:
                names = ", ".join(wait.name for wait in pending)
                raise AssertionError(f"Timed out after {timeout:.0f} s waiting for {names}")
            time.sleep(0.2)

    def report(
        self, sampler: BacklogSampler, total: float, load_before: float, notes: str, worker_log: str
    ) -> None:
        """Every step, the slowest, the extrapolation and the backlog table."""
        slowest = max(self.timings, key=lambda timing: timing.seconds)
        print(f"\nPeak rehearsal at scale {self.scale}: {notes}")
        for timing in self.timings:
            print(timing.line())
        print(
            f"  total {total:.0f} s; at full scale (linear) ≈ {total / self.scale / 60:.0f} min. "
            f"Slowest step: {slowest.name} ({slowest.seconds:.1f} s). Load average "
            f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end "
            f"({os.cpu_count()} cores)."
        )
        print("\nWorker time by task (from its log: tasks run, seconds in them, share):")
        print(worker_time(worker_log))
        print("\nBacklog over time (outbox by status, inbox pending, events stored, broker queue):")
        print(sampler.table())


_SUCCEEDED = re.compile(r"Task ([\w.]+)\[[^\]]+\] succeeded in ([0-9.]+)s")


def worker_time(log: str) -> str:
    """Where the worker's time went: runs and seconds per task name, most first."""
    runs: dict[str, int] = defaultdict(int)
    seconds: dict[str, float] = defaultdict(float)
    for name, spent in _SUCCEEDED.findall(log):
        runs[name] += 1
        seconds[name] += float(spent)
    busy = sum(seconds.values()) or 1.0
    return "\n".join(
        f"  {name.rsplit('.', 1)[-1]:<36} {runs[name]:7d} runs {seconds[name]:8.1f} s "
        f"{100 * seconds[name] / busy:5.1f} %"
        for name in sorted(seconds, key=seconds.get, reverse=True)
    )
