"""How fast `veille --help` answers, against bare Python start-up and a bare `import spacy`.

Run: .venv/bin/python bench/cli_startup.py [--runs N]
The CLI imports spaCy, DuckDB and pandas only inside the commands that need them, so its
help should cost little more than starting Python. Times are medians of N runs, measured in
one run of this script so that the ratios compare like with like on a noisy machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
TARGET_SECONDS = 0.5


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    python = median_seconds([sys.executable, "-c", "pass"], args.runs)
    spacy = median_seconds([sys.executable, "-c", "import spacy"], max(3, args.runs // 3))
    veille = median_seconds([str(BIN / "veille"), "--help"], args.runs)
    print(f"bare python start-up   {python:6.3f} s")
    print(f"python -c 'import spacy' {spacy:6.3f} s")
    print(
        f"veille --help          {veille:6.3f} s  "
        f"({veille / python:.1f}x bare python, {veille / spacy:.2f}x import spacy)"
    )
    verdict = "under" if veille < TARGET_SECONDS else "OVER"
    print(f"veille --help is {verdict} the {TARGET_SECONDS} s target")


if __name__ == "__main__":
    main()
