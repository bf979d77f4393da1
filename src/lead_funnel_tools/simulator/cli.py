"""Command line: `lead-funnel-simulate` (or `python -m lead_funnel_tools.simulator`)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from .config import Messiness, SimulationConfig
from .generate import append, generate, last_day
from .world import ArrivalCalendar


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lead-funnel-simulate",
        description=(
            "Simulate a B2B market and land its raw web, e-mail and CRM data as Parquet files, "
            "one file per table per load day, under OUT/<source>/<table>/<YYYY-MM-DD>.parquet. "
            "The simulator's ground truth goes to a separate folder."
        ),
    )
    parser.add_argument("--out", type=Path, required=True, help="raw data folder, e.g. data/raw")
    parser.add_argument("--truth-dir", type=Path, help="ground-truth folder (default: a 'truth' folder beside OUT)")
    parser.add_argument("--days", type=int, required=True, help="load days to write (or to add, with --append)")
    parser.add_argument("--append", action="store_true", help="continue the dataset in OUT with its next days")
    scale = parser.add_mutually_exclusive_group()
    scale.add_argument("--leads", type=int, help="prospects who arrive during the days (exactly this many)")
    scale.add_argument("--leads-per-day", type=float, help="prospects arriving on an ordinary weekday")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument(
        "--start-date",
        type=date.fromisoformat,
        help="first load day, YYYY-MM-DD (default: so that the last day written is yesterday, UTC)",
    )
    parser.add_argument("--messiness", type=Path, help="JSON file overriding messiness rates (see README)")
    parser.add_argument("--clean", action="store_true", help="a perfectly clean feed: every messiness rate zero")
    parser.add_argument(
        "--workers", type=int, default=0, help="processes to simulate with (default: 1 for small runs, else 2)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def _fail(message: str) -> int:
    print(f"lead-funnel-simulate: error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.days < 1:
        return _fail("--days must be at least 1")
    truth_dir = args.truth_dir or args.out.parent / "truth"
    progress = not args.quiet
    started = time.monotonic()
    try:
        if args.append:
            if args.leads is not None or args.leads_per_day is not None or args.start_date or args.messiness:
                return _fail("--append continues a dataset with its own settings: give only --out and --days")
            manifest = append(args.out, truth_dir, args.days, workers=max(1, args.workers), progress=progress)
        else:
            start = args.start_date or (datetime.now(UTC).date() - timedelta(days=args.days))
            messiness = Messiness.clean() if args.clean else Messiness()
            if args.messiness:
                messiness = Messiness.from_dict(json.loads(args.messiness.read_text()), base=messiness)
            leads = 3000 if args.leads is None and args.leads_per_day is None else args.leads
            if leads is not None:
                if leads < 0:
                    return _fail("--leads cannot be negative")
                weight = ArrivalCalendar(start, 1.0).weight_until(args.days)
                rate = leads / weight
            else:
                if args.leads_per_day < 0:
                    return _fail("--leads-per-day cannot be negative")
                rate = args.leads_per_day
            config = SimulationConfig(seed=args.seed, start_date=start, prospects_per_weight=rate, messiness=messiness)
            workers = args.workers or (2 if rate * args.days > 20_000 and (os.cpu_count() or 1) > 1 else 1)
            manifest = generate(config, args.out, truth_dir, args.days, workers=workers, progress=progress)
    except (FileExistsError, FileNotFoundError, ValueError) as error:
        return _fail(str(error))
    elapsed = time.monotonic() - started
    print(
        f"wrote {args.out} through load day {last_day(manifest)} "
        f"({manifest.days_written} days, truth in {truth_dir}) in {elapsed:.1f}s"
    )
    return 0
