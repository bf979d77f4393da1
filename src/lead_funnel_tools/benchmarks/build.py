"""Measure a full `dbt build` of the project on a simulated dataset: wall time, peak memory,
warehouse size, the slowest nodes and the rows in each mart.

python -m lead_funnel_tools.benchmarks.build --leads 50000 --days 365 --workers 2
python -m lead_funnel_tools.benchmarks.build --raw data/big/raw --keep /tmp/bench-big

The dataset is simulated into a temporary folder (or into --keep DIR/raw), or an existing raw
folder is reused with --raw. dbt builds into a fresh DuckDB file with its target and log paths
beside it, so the repository's warehouse/, target/ and logs/ are left alone. dbt's own output
goes to <logs>/build.out. The exit status is dbt's: non-zero when the build failed. Stopped
with Ctrl-C or `kill PID`, it stops dbt and prints the figures up to that moment.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from lead_funnel_tools.simulator import schema
from lead_funnel_tools.simulator.config import Manifest, Messiness, SimulationConfig
from lead_funnel_tools.simulator.generate import generate
from lead_funnel_tools.simulator.world import ArrivalCalendar

PROJECT_DIR = Path(__file__).resolve().parents[3]
MARTS_SCHEMA = "main_marts"
SLOWEST = 12
FAILED = {"error", "fail", "runtime error", "partial success"}


def dbt_command() -> list[str]:
    """The dbt of this interpreter's environment: the `dbt` script beside it, else its module."""
    script = Path(sys.executable).with_name("dbt")
    return [str(script)] if script.exists() else [sys.executable, "-m", "dbt.cli.main"]


def profile_threads(project_dir: Path) -> str:
    """The `threads` the profile's lines state (as written: it could be templated)."""
    text = (project_dir / "profiles.yml").read_text()
    found = re.findall(r"^\s*threads:\s*(.+?)\s*$", text, flags=re.MULTILINE)
    return ", ".join(found) or "not set (dbt's default, 1)"


def simulate(leads: int, days: int, seed: int, workers: int, raw_dir: Path, truth_dir: Path) -> SimulationConfig:
    """Write a dataset as the simulator benchmark does: `leads` prospects over `days` days from 2025-01-01."""
    start = date(2025, 1, 1)
    rate = leads / ArrivalCalendar(start, 1.0).weight_until(days)
    config = SimulationConfig(seed=seed, start_date=start, prospects_per_weight=rate, messiness=Messiness())
    generate(config, raw_dir, truth_dir, days, workers=workers, progress=True)
    return config


def run_dbt_build(project_dir: Path, raw_dir: Path, work: Path, threads: int | None) -> tuple[int, float, float, Path]:
    """Run `dbt build` in a child process; return its exit code, wall seconds, peak RSS in MiB and log file."""
    env = {
        **os.environ,
        "LEAD_FUNNEL_RAW_DIR": str(raw_dir),
        "LEAD_FUNNEL_DUCKDB_PATH": str(work / "lead_funnel.duckdb"),
        "DBT_PROFILES_DIR": str(project_dir),
        "DO_NOT_TRACK": "1",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    command = [
        *dbt_command(),
        "build",
        "--no-use-colors",
        "--project-dir",
        str(project_dir),
        "--target-path",
        str(work / "target"),
        "--log-path",
        str(work / "logs"),
    ]
    if threads is not None:
        command += ["--threads", str(threads)]
    (work / "logs").mkdir(parents=True, exist_ok=True)
    output = work / "logs" / "build.out"
    print(f"dbt build running (output: {output})", flush=True)
    with output.open("w") as out:
        began = time.monotonic()
        child = subprocess.Popen(command, cwd=project_dir, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            # wait4 gives this child's own resource usage, apart from the simulator's worker processes.
            _, status, usage = os.wait4(child.pid, 0)
        except KeyboardInterrupt:
            print("interrupted: stopping dbt; the figures below are up to this moment", flush=True)
            child.terminate()
            _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.monotonic() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, elapsed, usage.ru_maxrss / 1024, output


def node_label(unique_id: str) -> str:
    """`model.lead_funnel.dim_leads` -> `model dim_leads` (tests keep their hash-free name)."""
    kind, _, *rest = unique_id.split(".")
    if kind == "test" and len(rest) > 1 and re.fullmatch(r"[0-9a-f]{10}", rest[-1]):
        rest = rest[:-1]
    return f"{kind} {'.'.join(rest)}"


def raw_rows(con: duckdb.DuckDBPyConnection, raw_dir: Path) -> int:
    return sum(
        con.execute(f"select count(*) from read_parquet('{raw_dir}/{table.key}/*.parquet')").fetchone()[0]
        for table in schema.RAW_TABLES
    )


def print_results(results: dict[str, Any]) -> None:
    nodes = results["results"]
    counts = Counter(node["status"] for node in nodes)
    print(f"dbt's own run time {results['elapsed_time']:,.1f} s (the rest of the wall time is start-up and parsing)")
    print(f"nodes: {len(nodes)} ({', '.join(f'{status} {n}' for status, n in sorted(counts.items()))})")
    print(f"slowest {SLOWEST} nodes:")
    for node in sorted(nodes, key=lambda n: n["execution_time"], reverse=True)[:SLOWEST]:
        print(f"  {node['execution_time']:>9,.1f} s  {node['status']:<8} {node_label(node['unique_id'])}")
    failed = [node for node in nodes if node["status"] in FAILED]
    if failed:
        print(f"failing nodes ({len(failed)}):")
        for node in failed:
            message = (node.get("message") or "").strip().splitlines()
            print(f"  {node_label(node['unique_id'])}: {node['status']}: {message[0] if message else ''}")


def print_marts(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    names = [
        row[0]
        for row in con.execute(
            "select table_name from information_schema.tables where table_schema = ? order by table_name",
            [MARTS_SCHEMA],
        ).fetchall()
    ]
    print(f"rows in {MARTS_SCHEMA}:" if names else f"rows in {MARTS_SCHEMA}: no tables")
    for name in names:
        rows = con.execute(f'select count(*) from {MARTS_SCHEMA}."{name}"').fetchone()[0]
        print(f"  {name:<40} {rows:>14,}")
    con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--leads", type=int, help="prospects to simulate (default 20000)")
    parser.add_argument("--days", type=int, help="load days to simulate (default 180)")
    parser.add_argument("--workers", type=int, default=2, help="simulator processes")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--raw", type=Path, help="build on this existing raw folder instead of simulating one")
    parser.add_argument("--threads", type=int, help="dbt --threads (default: the profile's threads)")
    parser.add_argument("--keep", type=Path, help="keep data, warehouse, target and logs here (default: removed)")
    parser.add_argument("--project-dir", type=Path, default=PROJECT_DIR, help="the dbt project (default: this repo)")
    args = parser.parse_args(argv)
    # A kill by process id (a CI timeout, `kill PID`) then stops dbt too and removes the temporary folder.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    if args.raw is not None and (args.leads is not None or args.days is not None):
        parser.error("--raw builds on an existing dataset: its prospects and days come from its manifest")
    project_dir = args.project_dir.resolve()
    if not (project_dir / "dbt_project.yml").exists():
        parser.error(f"{project_dir} holds no dbt_project.yml: pass --project-dir")
    work = (args.keep or Path(tempfile.mkdtemp(prefix="lead-funnel-build-bench-"))).resolve()
    if (work / "lead_funnel.duckdb").exists():
        parser.error(f"{work} already holds a warehouse: remove it or choose another folder")

    try:
        if args.raw is None:
            leads, days = args.leads or 20_000, args.days or 180
            raw_dir = work / "raw"
            began = time.monotonic()
            config = simulate(leads, days, args.seed, args.workers, raw_dir, work / "truth")
            simulated = f"simulated in {time.monotonic() - began:,.1f} s with {args.workers} workers"
        else:
            raw_dir = args.raw.resolve()
            manifest = Manifest.load(raw_dir)
            days = manifest.days_written
            config = manifest.config
            leads = ArrivalCalendar(config.start_date, config.prospects_per_weight).prospects_before(days)
            simulated = f"reused {raw_dir}"
        print(f"prospects {leads:,}  days {days}  start {config.start_date}  seed {config.seed}  ({simulated})")
        print(f"raw rows {raw_rows(duckdb.connect(), raw_dir):,} in {len(schema.RAW_TABLES)} tables")
        load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
        print(f"machine: {os.cpu_count()} cores, load average {load} (1, 5, 15 min) before the build", flush=True)

        code, elapsed, peak, output = run_dbt_build(project_dir, raw_dir, work, args.threads)
        log = (work / "logs" / "dbt.log").read_text(errors="replace") if (work / "logs" / "dbt.log").exists() else ""
        used = re.findall(r"Concurrency: (\d+) threads", log)
        warehouse = work / "lead_funnel.duckdb"
        size = sum(p.stat().st_size for p in work.glob("lead_funnel.duckdb*"))
        source = "--threads" if args.threads is not None else f"profiles.yml threads: {profile_threads(project_dir)}"
        print(f"dbt threads {used[-1] if used else '?'} ({source})")
        print(f"dbt build wall time {elapsed:,.1f} s  exit code {code}")
        print(f"peak memory of dbt {peak:,.0f} MiB")
        print(f"warehouse {size / 2**20:,.1f} MiB")
        results_path = work / "target" / "run_results.json"
        if results_path.exists():
            print_results(json.loads(results_path.read_text()))
        else:
            print("no run_results.json (dbt writes it when the build ends); the end of dbt's output:")
            for line in output.read_text(errors="replace").splitlines()[-20:]:
                print(f"  {line}")
        if warehouse.exists():
            print_marts(warehouse)
        if code != 0:
            kept = f"its output: {output}" if args.keep else "rerun with --keep DIR to keep its output and logs"
            print(f"dbt build failed (exit code {code}); {kept}")
        return code if code >= 0 else 128 - code  # killed by a signal: the shell's convention
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
