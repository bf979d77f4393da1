"""The simulated source system: determinism, append mode, layout, edge cases and the CLI."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path

import duckdb
import pytest

from conftest import START, Dataset, MakeDataset, make_config
from lead_funnel_tools.simulator import schema
from lead_funnel_tools.simulator.cli import main
from lead_funnel_tools.simulator.generate import append, generate


def fingerprints(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every Parquet file under a folder."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*.parquet"))
    }


def test_same_seed_writes_byte_identical_files(make_dataset: MakeDataset) -> None:
    first = make_dataset("same_seed_a", leads=150, days=30, seed=3)
    second = make_dataset("same_seed_b", leads=150, days=30, seed=3)
    other = make_dataset("other_seed", leads=150, days=30, seed=4)
    assert len(fingerprints(first.raw)) == 30 * len(schema.RAW_TABLES)
    assert fingerprints(first.raw) == fingerprints(second.raw)
    assert fingerprints(first.truth) == fingerprints(second.truth)
    assert fingerprints(first.raw) != fingerprints(other.raw)


def test_worker_count_and_unit_size_do_not_change_the_bytes(make_dataset: MakeDataset) -> None:
    serial = make_dataset("serial", leads=200, days=30, seed=9)
    parallel = make_dataset("parallel", leads=200, days=30, seed=9, workers=2, unit_size=37)
    assert fingerprints(serial.raw) == fingerprints(parallel.raw)
    assert fingerprints(serial.truth) == fingerprints(parallel.truth)


def test_append_writes_exactly_the_files_a_longer_first_run_writes(tmp_path: Path) -> None:
    config = make_config(leads=200, days=40, seed=21)
    generate(config, tmp_path / "once" / "raw", tmp_path / "once" / "truth", 40, progress=False)
    generate(config, tmp_path / "split" / "raw", tmp_path / "split" / "truth", 22, progress=False)
    before = set(fingerprints(tmp_path / "split" / "raw"))
    manifest = append(tmp_path / "split" / "raw", tmp_path / "split" / "truth", 18, progress=False)

    assert manifest.days_written == 40
    once, split = fingerprints(tmp_path / "once" / "raw"), fingerprints(tmp_path / "split" / "raw")
    assert once == split
    added = set(split) - before
    # no gap, no overlap: the append added exactly days 22..39 of every table
    expected_days = {f"{START + timedelta(days=d):%Y-%m-%d}.parquet" for d in range(22, 40)}
    for table in schema.RAW_TABLES:
        assert {Path(p).name for p in added if p.startswith(f"{table.key}/")} == expected_days
    assert fingerprints(tmp_path / "once" / "truth") == fingerprints(tmp_path / "split" / "truth")


def test_every_table_has_one_file_per_load_day_with_the_contract_schema(default_dataset: Dataset) -> None:
    for table in schema.RAW_TABLES:
        files = sorted((default_dataset.raw / table.key).glob("*.parquet"))
        expected = [f"{START + timedelta(days=d):%Y-%m-%d}.parquet" for d in range(default_dataset.days)]
        assert [f.name for f in files] == expected, table.key
        columns = duckdb.connect().execute(f"describe select * from {default_dataset.table(table.key)}").fetchall()
        assert [c[0] for c in columns] == table.column_names
        rows = default_dataset.scalar(f"select count(*) from {default_dataset.table(table.key)}")
        assert rows > 0, f"{table.key} is empty"


def test_each_file_holds_only_rows_loaded_on_its_day(default_dataset: Dataset) -> None:
    wrong = default_dataset.scalar(
        f"""
        select count(*) from read_parquet('{default_dataset.raw}/web/pageviews/*.parquet', filename = true)
        where strftime(loaded_at, '%Y-%m-%d') <> replace(parse_filename(filename), '.parquet', '')
        """
    )
    assert wrong == 0


def test_ground_truth_is_kept_out_of_the_raw_tables(default_dataset: Dataset) -> None:
    raw_columns = {name for table in schema.RAW_TABLES for name in table.column_names}
    assert not raw_columns & {"persona", "intent", "first_intent", "is_icp", "kind", "person_id"}
    assert not default_dataset.truth.is_relative_to(default_dataset.raw)
    personas = dict(default_dataset.query(f"select persona, count(*) from {default_dataset.persons()} group by 1"))
    for persona in ("decision_maker", "entry_level", "student", "job_seeker", "competitor", "existing_customer",
                    "consultant"):  # fmt: skip
        assert personas.get(persona, 0) > 0, persona


def test_every_channel_and_content_kind_appears(default_dataset: Dataset) -> None:
    channels = {row[0] for row in default_dataset.query(f"select first_touch_channel from {default_dataset.persons()}")}
    assert {"organic_search", "paid_search", "paid_social", "referral", "events", "direct"} <= channels
    email_clicks = default_dataset.scalar(
        f"select count(*) from {default_dataset.table('web/pageviews')} where utm_medium = 'email'"
    )
    assert email_clicks > 0
    path_sql = "regexp_extract(page_url, '^https?://[^/]+(/[^?]*)', 1)"
    pageviews = default_dataset.table("web/pageviews")
    paths = {row[0] for row in default_dataset.query(f"select distinct {path_sql} from {pageviews}")}
    for path in ("/pricing", "/blog/", "/resources/ebooks/", "/resources/whitepapers/", "/webinars/", "/customers/",
                 "/compare/", "/product", "/careers", "/demo", "/free-trial", "/contact-sales"):  # fmt: skip
        assert any(p and p.startswith(path) for p in paths), path
    forms = {
        row[0]
        for row in default_dataset.query(
            f"select distinct form_id from {default_dataset.table('web/form_submissions')}"
        )
    }
    assert {"ebook_download", "webinar_registration", "demo_request", "free_trial_signup", "contact_sales"} <= forms


def test_prospects_go_quiet_come_back_and_get_recycled(default_dataset: Dataset) -> None:
    recycled = default_dataset.scalar(f"select count(*) from {default_dataset.persons()} where nurture_count > 0")
    re_mql = default_dataset.scalar(f"select count(*) from {default_dataset.persons()} where mql_count > 1")
    assert recycled > 0 and re_mql > 0
    # a quiet spell: a prospect with 30+ days between two pageviews of the same browser
    quiet = default_dataset.scalar(
        f"""
        with views as (
            select anonymous_id, loaded_at,
                   lag(loaded_at) over (partition by anonymous_id order by loaded_at) as previous_at
            from {default_dataset.table("web/pageviews")}
        )
        select count(distinct anonymous_id) from views where loaded_at - previous_at > interval 30 day
        """
    )
    assert quiet > 0


@pytest.mark.parametrize(("leads", "days"), [(1, 1), (1, 5), (0, 3)])
def test_tiny_and_empty_configurations_write_a_complete_layout(tmp_path: Path, leads: int, days: int) -> None:
    config = make_config(leads=leads, days=days, seed=1)
    generate(config, tmp_path / "raw", tmp_path / "truth", days, progress=False)
    for table in schema.RAW_TABLES:
        assert len(list((tmp_path / "raw" / table.key).glob("*.parquet"))) == days
    con = duckdb.connect()
    prospects = con.execute(
        f"select count(*) from read_parquet('{tmp_path}/truth/persons.parquet') where kind = 'prospect'"
    ).fetchone()[0]
    assert prospects == leads
    if leads == 0:
        for key in ("web/pageviews", "web/form_submissions", "email/events", "crm/leads"):
            assert (
                con.execute(f"select count(*) from read_parquet('{tmp_path}/raw/{key}/*.parquet')").fetchone()[0] == 0
            )


def test_leads_option_gives_exactly_that_many_prospects(tmp_path: Path) -> None:
    code = main(["--out", str(tmp_path / "raw"), "--leads", "77", "--days", "9", "--start-date", "2025-03-01",
                 "--quiet"])  # fmt: skip
    assert code == 0
    count = (
        duckdb.connect()
        .execute(f"select count(*) from read_parquet('{tmp_path}/truth/persons.parquet') where kind = 'prospect'")
        .fetchone()[0]
    )
    assert count == 77


def test_cli_refuses_to_overwrite_and_to_append_to_nothing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    args = ["--out", str(tmp_path / "raw"), "--leads", "5", "--days", "2", "--start-date", "2025-03-01", "--quiet"]
    assert main(args) == 0
    assert main(args) == 2
    assert "already holds a dataset" in capsys.readouterr().err
    assert main(["--out", str(tmp_path / "elsewhere"), "--append", "--days", "2", "--quiet"]) == 2
    assert "generate a dataset before appending" in capsys.readouterr().err


def test_cli_append_continues_with_the_stored_settings(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    assert main(["--out", str(raw), "--leads", "30", "--days", "4", "--start-date", "2025-03-01", "--quiet"]) == 0
    assert main(["--out", str(raw), "--append", "--days", "3", "--quiet"]) == 0
    manifest = json.loads((raw / "_manifest.json").read_text())
    assert manifest["days_written"] == 7
    assert sorted(p.name for p in (raw / "web" / "pageviews").glob("*.parquet"))[-1] == "2025-03-07.parquet"


def test_cli_rejects_an_unknown_messiness_setting(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    settings = tmp_path / "messiness.json"
    settings.write_text(json.dumps({"duplicate_rate": 0.1}))
    code = main(["--out", str(tmp_path / "raw"), "--days", "2", "--messiness", str(settings), "--quiet"])
    assert code == 2
    err = capsys.readouterr().err
    assert "unknown messiness setting(s) duplicate_rate" in err and "duplicate_delivery_rate" in err


def test_cli_rejects_a_rate_outside_zero_to_one(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    settings = tmp_path / "messiness.json"
    settings.write_text(json.dumps({"late_event_rate": 1.5}))
    assert main(["--out", str(tmp_path / "raw"), "--days", "2", "--messiness", str(settings), "--quiet"]) == 2
    assert "late_event_rate must lie between 0 and 1" in capsys.readouterr().err
