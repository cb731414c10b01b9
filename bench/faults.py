"""How kg behaves under the faults of a first week: Ctrl-C, builds at once, kill -9.

    python bench/faults.py                              # this checkout
    python bench/faults.py --src /tmp/kg-main/src       # another source tree (e.g. main, before)

Measured with real processes and signals (each ``kg`` runs as ``python -m kg`` with ``--src``
first on ``PYTHONPATH``):

- Ctrl-C latency: a ``kg build --synthetic SIZE`` is sent SIGINT at several moments (fractions
  of one build's duration); the figure is the time from the signal to the process's exit, and
  what is new in the store's folder two seconds later (a build that finished before the signal
  leaves its new version, as it should);
- Ctrl-C on a query that would count for minutes (a three-way cross join of the store);
- builds at once: ``--concurrent`` builds of the same store started together, ``--rounds`` times;
  how many failed, and whether the store answered afterwards;
- kill -9: a build killed half-way, then a build run to the end; whether the store in use
  before the killed build was still there afterwards (as the previous version), and what was
  left in ``.kg``.

Prints a Markdown section for BENCHMARKS.md ("Faults and interrupts").
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="kg source tree to run")
    parser.add_argument("--size", default="2M", help="synthetic triples per build")
    parser.add_argument("--moments", default="0.1,0.3,0.5,0.7,0.9",
                        help="fractions of a build to interrupt at")
    parser.add_argument("--concurrent", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--query-wait", type=float, default=120, help="seconds to wait for a query to stop")
    args = parser.parse_args()
    runner = Runner(args.src.resolve(), Path(tempfile.mkdtemp(prefix="kg-faults-")))
    print(f"kg from {args.src}; synthetic builds of {args.size} triples; {os.cpu_count()} cores; "
          f"{time.strftime('%Y-%m-%d')}\n")
    duration = min(runner.timed_build(args.size), runner.timed_build(args.size))
    print(f"One build: {duration:.1f} s (the faster of two).\n")
    print("| interrupted at | exit status | signal → exit | left in .kg |")
    print("|---|---|---|---|")
    for fraction in (float(f) for f in args.moments.split(",")):
        status, latency, left = runner.interrupted_build(args.size, duration * fraction)
        shown = "finished before the signal" if latency is None else f"{latency:.2f} s"
        print(f"| {fraction:.0%} of a build ({duration * fraction:.1f} s) | {status} | {shown} | "
              f"{left or 'nothing new'} |")
    status, latency = runner.interrupted_query(args.query_wait)
    shown = f"over {args.query_wait:g} s (then killed)" if latency is None else f"{latency:.2f} s"
    print(f"| a query counting a cross join, after 3 s | {status} | {shown} | |\n")
    failures, answered = runner.builds_at_once(args.size, args.concurrent, args.rounds)
    print(f"Builds at once: {args.concurrent} builds started together, {args.rounds} rounds: "
          f"{failures} of {args.concurrent * args.rounds} failed; the store answered afterwards: "
          f"{answered}.\n")
    kept, left = runner.killed_then_built(args.size, duration / 2)
    print(f"kill -9 half-way, then a whole build: the store in use before was kept as the previous "
          f"version: {kept}; `.kg` afterwards: {left}.")


class Runner:
    """Runs one source tree's kg on one store folder."""

    def __init__(self, src: Path, work: Path) -> None:
        self.src, self.work = src, work
        self.store = work / "store"
        self.env = {**os.environ, "PYTHONPATH": str(src)}

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "kg", "--store", str(self.store), *args]

    def listing(self) -> list[str]:
        return sorted(p.name for p in self.work.iterdir())

    def timed_build(self, size: str) -> float:
        started = time.monotonic()
        subprocess.run(self.command("build", "--synthetic", size, "-q"), env=self.env, check=True)
        return time.monotonic() - started

    def interrupted_build(self, size: str, after: float) -> tuple[int, float | None, str]:
        before = set(self.listing())
        process = subprocess.Popen(self.command("build", "--synthetic", size, "-q"), env=self.env,
                                   stderr=subprocess.DEVNULL)
        time.sleep(after)
        finished = process.poll() is not None
        signalled = time.monotonic()
        process.send_signal(signal.SIGINT)
        process.wait()
        latency = None if finished else time.monotonic() - signalled
        time.sleep(2)  # what is left two seconds later
        left = ", ".join(sorted(set(self.listing()) - before))
        self.timed_build(size)  # a clean state for the next moment
        return process.returncode, latency, left

    def interrupted_query(self, wait: float) -> tuple[int, float | None]:
        query = self.work / "slow.rq"
        query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }")
        process = subprocess.Popen(self.command("query", "--file", str(query)), env=self.env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(3)
        signalled = time.monotonic()
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            return process.returncode, None
        return process.returncode, time.monotonic() - signalled

    def builds_at_once(self, size: str, count: int, rounds: int) -> tuple[int, bool]:
        failures = 0
        for _ in range(rounds):
            processes = [subprocess.Popen(self.command("build", "--synthetic", size, "-q"), env=self.env,
                                          stderr=subprocess.DEVNULL) for _ in range(count)]
            failures += sum(1 for p in processes if p.wait() != 0)
        answered = subprocess.run(self.command("stats"), env=self.env, capture_output=True).returncode == 0
        return failures, answered

    def killed_then_built(self, size: str, after: float) -> tuple[bool, str]:
        self.timed_build(size)
        in_use = os.readlink(self.store)
        process = subprocess.Popen(self.command("build", "--synthetic", size, "-q"), env=self.env,
                                   stderr=subprocess.DEVNULL)
        time.sleep(after)
        process.kill()
        process.wait()
        self.timed_build(size)
        left = self.listing()
        return in_use in left, ", ".join(name for name in left if name != "slow.rq")


if __name__ == "__main__":
    main()
