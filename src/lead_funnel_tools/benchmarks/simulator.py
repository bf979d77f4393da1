"""Measure the simulator: wall time, peak memory, rows and bytes written.

python -m lead_funnel_tools.benchmarks.simulator --leads 1000000 --days 365 --workers 2
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb

from lead_funnel_tools.simulator import schema
from lead_funnel_tools.simulator.config import Messiness, SimulationConfig
from lead_funnel_tools.simulator.generate import generate
from lead_funnel_tools.simulator.world import ArrivalCalendar


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--leads", type=int, default=20_000)
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, help="keep the data here (default: a temporary folder, removed)")
    args = parser.parse_args(argv)

    start = date(2025, 1, 1)
    rate = args.leads / ArrivalCalendar(start, 1.0).weight_until(args.days)
    config = SimulationConfig(seed=args.seed, start_date=start, prospects_per_weight=rate, messiness=Messiness())
    root = args.out or Path(tempfile.mkdtemp(prefix="lead-funnel-bench-"))
    try:
        began = time.monotonic()
        generate(config, root / "raw", root / "truth", args.days, workers=args.workers, progress=True)
        elapsed = time.monotonic() - began
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        con = duckdb.connect()
        print(f"prospects {args.leads:,}  days {args.days}  workers {args.workers}")
        print(f"wall time {elapsed:,.1f} s  ({args.leads / elapsed:,.0f} prospects/s)")
        print(f"peak memory: main process {own:,.0f} MiB, largest worker {children:,.0f} MiB")
        total_rows = 0
        for table in schema.RAW_TABLES:
            rows = con.execute(f"select count(*) from read_parquet('{root}/raw/{table.key}/*.parquet')").fetchone()[0]
            size = sum(f.stat().st_size for f in (root / "raw" / table.key).glob("*.parquet"))
            total_rows += rows
            print(f"  {table.key:<26} {rows:>14,} rows {size / 2**20:>10,.1f} MiB")
        print(f"  {'all raw tables':<26} {total_rows:>14,} rows")
    finally:
        if args.out is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
