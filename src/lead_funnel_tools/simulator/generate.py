"""Runs the simulation for a window of load days and writes one Parquet file per raw table per
load day. Prospects are simulated in independent units (in parallel when asked) that spill their
rows by load week; a merge step then writes the day files in a fixed order, so the bytes do not
depend on the number of workers or on how the days were split between runs."""

from __future__ import annotations

import multiprocessing
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from tqdm import tqdm

from . import schema
from .config import Manifest, SimulationConfig
from .feed import Feed, RowSink, crm_sync_after
from .person import SIDE_CHARACTER_LEAD_DAYS, ProspectLife, short_id, truth_row
from .schema import RawTable
from .timefmt import DAY, crm_timestamp, date_to_ts, to_micros, ts_to_date
from .world import MAX_LIFE_DAYS, World, rng_for

# rows can land this long after a prospect's life ends (late deliveries, duplicate deliveries)
LOAD_SLACK_DAYS = 12
WEEK = 7
PARQUET_OPTIONS: dict[str, Any] = {"compression": "zstd", "use_dictionary": True, "write_statistics": True}
HIDDEN = ("_load_day", "_source_key", "_seq")
REFERENCE_UNIT = -1
ACCOUNT_COLUMNS = schema.ACCOUNTS.column_names[:-1]

TRUTH_SCHEMA = pa.schema(
    [
        ("person_id", pa.string()),
        ("person_index", pa.int64()),
        ("kind", pa.string()),
        ("persona", pa.string()),
        ("account_id", pa.string()),
        ("is_icp", pa.bool_()),
        ("first_intent", pa.string()),
        ("peak_intent", pa.string()),
        ("first_touch_at", pa.timestamp("us")),
        ("first_touch_channel", pa.string()),
        ("identified_at", pa.timestamp("us")),
        ("emails", pa.list_(pa.string())),
        ("anonymous_ids", pa.list_(pa.string())),
        ("crm_record_ids", pa.list_(pa.string())),
        ("mql_at", pa.timestamp("us")),
        ("mql_count", pa.int64()),
        ("sql_at", pa.timestamp("us")),
        ("opportunity_at", pa.timestamp("us")),
        ("won_at", pa.timestamp("us")),
        ("lost_at", pa.timestamp("us")),
        ("disqualified_at", pa.timestamp("us")),
        ("nurture_count", pa.int64()),
    ]
)
TRUTH_MILESTONES = ("identified_at", "mql_at", "sql_at", "opportunity_at", "won_at", "lost_at", "disqualified_at")


@dataclass(frozen=True)
class Window:
    """Load days [start_day, end_day) counted from the dataset's start date."""

    start_day: int
    end_day: int


@dataclass(frozen=True)
class Unit:
    number: int
    first_prospect: int  # REFERENCE_UNIT for the users/accounts unit
    last_prospect: int  # exclusive


# -- the reference unit: users and accounts ---------------------------------------------------------
def simulate_reference(world: World, sink: RowSink) -> None:
    rng = rng_for(world.seed, "reference")
    feed = Feed(world.config.messiness, rng, sink)
    first_sync = crm_sync_after(world.start_ts)
    for user in world.users:
        created = crm_timestamp(user.created_ts)
        feed.land(
            schema.USERS, first_sync, [user.user_id, user.full_name, user.email, user.role, True, created, created]
        )
    for company in world.companies:
        created = crm_timestamp(company.account_created_ts)
        state = {
            "account_id": company.account_id,
            "account_name": company.name,
            "website_domain": company.domain if rng.random() > 0.03 else f"www.{company.domain}",
            "industry": company.industry,
            "employee_count": company.employees,
            "annual_revenue": company.revenue,
            "billing_country": company.country,
            "account_type": company.account_type,
            "owner_id": company.owner_id,
            "created_at": created,
            "updated_at": created,
            "is_deleted": False,
        }
        values = feed.optional("crm/accounts", [state[c] for c in ACCOUNT_COLUMNS])
        feed.land(schema.ACCOUNTS, first_sync, values)
        state = dict(zip(ACCOUNT_COLUMNS, values, strict=True))
        # firmographics drift: head counts change about once every three years
        company_rng = rng_for(world.seed, "account-updates", company.index)
        ts = world.start_ts
        while True:
            ts += company_rng.expovariate(1 / (3 * 365 * DAY))
            if ts > world.start_ts + 10 * 365 * DAY:
                break
            old = state["employee_count"]
            new = max(1, int((old or company.employees) * company_rng.uniform(0.8, 1.35)))
            changed = crm_timestamp(ts)
            feed.land(
                schema.FIELD_HISTORY,
                crm_sync_after(ts),
                [short_id(company_rng, "017"), "account", company.account_id, "employee_count",
                 None if old is None else str(old), str(new), "enrichment", changed],
            )  # fmt: skip
            state.update(employee_count=new, updated_at=changed)
            feed.land(schema.ACCOUNTS, crm_sync_after(ts), [state[c] for c in ACCOUNT_COLUMNS])


# -- units ------------------------------------------------------------------------------------------------
_WORLD: World | None = None


def _init_worker(world: World) -> None:
    global _WORLD
    _WORLD = world


def _run_unit(args: tuple[Unit, Window, Path]) -> int:
    unit, window, spill_dir = args
    world = _WORLD
    assert world is not None
    start_ts = world.start_ts + window.start_day * DAY
    end_ts = world.start_ts + window.end_day * DAY
    truths: list[dict[str, Any]] = []
    if unit.first_prospect == REFERENCE_UNIT:
        sink = RowSink(REFERENCE_UNIT, start_ts, end_ts)
        simulate_reference(world, sink)
        _spill(sink, unit.number, spill_dir, world.start_ts)
        return 0
    sink = RowSink(0, start_ts, end_ts)
    for index in range(unit.first_prospect, unit.last_prospect):
        sink.source_key = index
        for truth in ProspectLife(world, index, sink).run():
            if truth.first_touch_ts < end_ts:
                truths.append(_cut_truth(truth_row(truth), to_micros(end_ts)))
    _spill(sink, unit.number, spill_dir, world.start_ts)
    if truths:
        table = pa.Table.from_pylist(truths, schema=TRUTH_SCHEMA)
        pq.write_table(table, spill_dir / "truth" / f"u{unit.number:06d}.parquet", **PARQUET_OPTIONS)
    return unit.last_prospect - unit.first_prospect


def _cut_truth(row: dict[str, Any], end_micros: int) -> dict[str, Any]:
    """Truth as of the end of the data: later milestones have not happened yet."""
    for name in TRUTH_MILESTONES:
        if row[name] is not None and row[name] >= end_micros:
            row[name] = None
    return row


def _rows_to_table(table: RawTable, rows: list[tuple[float, int, int, tuple[Any, ...]]], start_ts: float) -> pa.Table:
    columns = list(zip(*(values for _, _, _, values in rows), strict=True)) if rows else []
    arrays = []
    for position, (_, dtype) in enumerate(table.columns[:-1]):
        arrays.append(pa.array(columns[position] if rows else [], type=dtype))
    arrays.append(pa.array([to_micros(load) for load, _, _, _ in rows], type=schema.TIMESTAMP))
    arrays.append(pa.array([int((load - start_ts) // DAY) for load, _, _, _ in rows], type=pa.int32()))
    arrays.append(pa.array([source for _, source, _, _ in rows], type=pa.int64()))
    arrays.append(pa.array([seq for _, _, seq, _ in rows], type=pa.int64()))
    names = [*table.column_names, *HIDDEN]
    return pa.Table.from_arrays(arrays, names=names)


def _spill(sink: RowSink, unit_number: int, spill_dir: Path, start_ts: float) -> None:
    for table in schema.RAW_TABLES:
        rows = sink.rows.get(table.key)
        if not rows:
            continue
        data = _rows_to_table(table, rows, start_ts)
        weeks = pc.divide(data["_load_day"], WEEK)
        for week in sorted(set(weeks.to_pylist())):
            part = data.filter(pc.equal(weeks, week))
            folder = spill_dir / table.key / f"w{week:05d}"
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(part, folder / f"u{unit_number:06d}.parquet", compression="lz4")


# -- planning --------------------------------------------------------------------------------------------
def prospect_range(world: World, window: Window) -> tuple[int, int]:
    """Prospects whose life (or whose side characters) can land rows in the window."""
    earliest_day = window.start_day - MAX_LIFE_DAYS - LOAD_SLACK_DAYS
    latest_day = window.end_day + SIDE_CHARACTER_LEAD_DAYS + 1
    return world.calendar.prospects_before(earliest_day), world.calendar.prospects_before(latest_day)


def plan_units(world: World, window: Window, unit_size: int) -> list[Unit]:
    first, last = prospect_range(world, window)
    units = [Unit(0, REFERENCE_UNIT, REFERENCE_UNIT)]
    for number, begin in enumerate(range(first, last, unit_size), start=1):
        units.append(Unit(number, begin, min(last, begin + unit_size)))
    return units


# -- merging ---------------------------------------------------------------------------------------------
def _day_path(raw_dir: Path, table: RawTable, world: World, day: int) -> Path:
    return raw_dir / table.source / table.name / f"{world.config.start_date + timedelta(days=day):%Y-%m-%d}.parquet"


def _merge_table(table: RawTable, world: World, window: Window, spill_dir: Path, raw_dir: Path) -> None:
    folder = raw_dir / table.source / table.name
    folder.mkdir(parents=True, exist_ok=True)
    empty = table.arrow_schema.empty_table()
    first_week, last_week = window.start_day // WEEK, (window.end_day - 1) // WEEK
    for week in range(first_week, last_week + 1):
        files = sorted((spill_dir / table.key / f"w{week:05d}").glob("*.parquet"))
        data = pa.concat_tables([pq.read_table(f) for f in files]) if files else None
        if data is not None:
            data = data.sort_by([("_load_day", "ascending"), ("loaded_at", "ascending"),
                                 ("_source_key", "ascending"), ("_seq", "ascending")])  # fmt: skip
        for day in range(max(window.start_day, week * WEEK), min(window.end_day, (week + 1) * WEEK)):
            if data is None:
                day_table = empty
            else:
                day_table = data.filter(pc.equal(data["_load_day"], day)).drop_columns(list(HIDDEN))
                day_table = day_table.cast(table.arrow_schema)
            pq.write_table(day_table, _day_path(raw_dir, table, world, day), **PARQUET_OPTIONS)


def _write_truth(world: World, spill_dir: Path, truth_dir: Path, first_prospect: int) -> None:
    truth_dir.mkdir(parents=True, exist_ok=True)
    parts = [pq.read_table(f) for f in sorted((spill_dir / "truth").glob("*.parquet"))]
    path = truth_dir / "persons.parquet"
    if path.exists():
        old = pq.read_table(path)
        parts.insert(0, old.filter(pc.less(old["person_index"], first_prospect)))
    persons = pa.concat_tables(parts) if parts else TRUTH_SCHEMA.empty_table()
    persons = persons.cast(TRUTH_SCHEMA).sort_by([("person_index", "ascending"), ("person_id", "ascending")])
    pq.write_table(persons, path, **PARQUET_OPTIONS)
    companies = pa.Table.from_pylist(
        [
            {
                "account_id": c.account_id,
                "name": c.name,
                "domain": c.domain,
                "kind": c.kind,
                "industry": c.industry,
                "employees": c.employees,
                "country": c.country,
                "is_icp": c.is_icp,
                "is_customer": c.is_customer,
            }
            for c in world.companies
        ]
    )
    pq.write_table(companies, truth_dir / "companies.parquet", **PARQUET_OPTIONS)


# -- entry points --------------------------------------------------------------------------------------------
def simulate_window(
    config: SimulationConfig,
    raw_dir: Path,
    truth_dir: Path,
    window: Window,
    workers: int = 1,
    unit_size: int = 5000,
    progress: bool = True,
) -> None:
    world = World(config)
    spill_dir = raw_dir.parent / f".{raw_dir.name}-spill"
    shutil.rmtree(spill_dir, ignore_errors=True)
    (spill_dir / "truth").mkdir(parents=True)
    units = plan_units(world, window, unit_size)
    first_prospect = units[1].first_prospect if len(units) > 1 else 0
    total = sum(max(0, u.last_prospect - u.first_prospect) for u in units)
    jobs: Iterable[int]
    bar = tqdm(total=total, unit="prospect", desc="simulating", disable=not progress, file=sys.stderr)
    try:
        if workers > 1 and len(units) > 2:
            context = multiprocessing.get_context("fork")
            with context.Pool(workers, initializer=_init_worker, initargs=(world,)) as pool:
                jobs = pool.imap_unordered(_run_unit, [(u, window, spill_dir) for u in units])
                for done in jobs:
                    bar.update(done)
        else:
            _init_worker(world)
            for unit in units:
                bar.update(_run_unit((unit, window, spill_dir)))
    finally:
        bar.close()
    tables = tqdm(schema.RAW_TABLES, desc="writing days", unit="table", disable=not progress, file=sys.stderr)
    for table in tables:
        _merge_table(table, world, window, spill_dir, raw_dir)
    _write_truth(world, spill_dir, truth_dir, first_prospect)
    shutil.rmtree(spill_dir, ignore_errors=True)


def generate(
    config: SimulationConfig,
    raw_dir: Path,
    truth_dir: Path,
    days: int,
    workers: int = 1,
    progress: bool = True,
    unit_size: int = 5000,
) -> Manifest:
    """Write a new dataset of `days` load days."""
    if (raw_dir / "_manifest.json").exists():
        raise FileExistsError(f"{raw_dir} already holds a dataset: remove it, or add days with --append")
    if raw_dir.exists() and any(raw_dir.iterdir()):
        raise FileExistsError(f"{raw_dir} is not empty and holds no simulated dataset: choose an empty folder")
    raw_dir.mkdir(parents=True, exist_ok=True)
    simulate_window(config, raw_dir, truth_dir, Window(0, days), workers, unit_size, progress)
    manifest = Manifest(config=config, days_written=days)
    manifest.save(raw_dir)
    return manifest


def append(
    raw_dir: Path, truth_dir: Path, days: int, workers: int = 1, progress: bool = True, unit_size: int = 5000
) -> Manifest:
    """Continue a dataset with its next `days` load days: the files a longer first run would have written."""
    manifest = Manifest.load(raw_dir)
    window = Window(manifest.days_written, manifest.days_written + days)
    simulate_window(manifest.config, raw_dir, truth_dir, window, workers, unit_size, progress)
    manifest = Manifest(config=manifest.config, days_written=window.end_day)
    manifest.save(raw_dir)
    return manifest


def last_day(manifest: Manifest) -> str:
    return ts_to_date(date_to_ts(manifest.config.start_date) + (manifest.days_written - 1) * DAY).isoformat()
