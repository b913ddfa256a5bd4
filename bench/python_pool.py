"""The Python originals' pool.map and pool.starmap, and their plain loop, timed on this
machine for `make bench` (bench/bench.mjs) to set beside the page.

    python3 bench/python_pool.py ROWS WORKERS ROUNDS

The functions are the tutorial's (www/python/pool_map.py, pool_starmap.py), on ROWS rows
of five digits; the pool is created once, outside the timings, as the page's pool is
started before a run. Prints one JSON object per run and line: {"method", "workers",
"parallelMs", "sequentialMs"}, the loop timed right after its pool call.
"""

import json
import multiprocessing as mp
import sys
import time
from pathlib import Path

import numpy as np

# The originals' own functions, imported from the files the page shows. (Importing them
# also runs their data preparation, 200,000 rows: a moment, outside every timing.)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "www" / "python"))
from pool_map import howmany_within_range_rowonly  # noqa: E402
from pool_starmap import howmany_within_range  # noqa: E402


def timed_ms(step):
    start = time.perf_counter()
    result = step()
    return result, (time.perf_counter() - start) * 1000


def main():
    rows, workers, rounds = (int(arg) for arg in sys.argv[1:4])
    data = np.random.RandomState(100).randint(0, 10, size=[rows, 5]).tolist()
    with mp.Pool(workers) as pool:
        for _ in range(rounds):
            runs = {
                "pool.map": lambda: pool.map(howmany_within_range_rowonly, [row for row in data]),
                "pool.starmap": lambda: pool.starmap(
                    howmany_within_range, [(row, 4, 8) for row in data]
                ),
            }
            for method, run in runs.items():
                parallel, parallel_ms = timed_ms(run)
                sequential, sequential_ms = timed_ms(
                    lambda: [howmany_within_range(row, 4, 8) for row in data]
                )
                assert parallel == sequential, f"{method} and the loop disagree"
                print(json.dumps({
                    "method": method, "workers": workers,
                    "parallelMs": parallel_ms, "sequentialMs": sequential_ms,
                }), flush=True)


if __name__ == "__main__":
    main()
