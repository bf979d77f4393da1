"""Print where the build put things: `python -m lead_funnel_tools.summary WAREHOUSE`."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m lead_funnel_tools.summary WAREHOUSE.duckdb", file=sys.stderr)
        return 2
    path = Path(args[0])
    if not path.exists():
        print(f"no warehouse at {path}: run `make build` first", file=sys.stderr)
        return 1
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute(
        """
        select table_schema, table_type, string_agg(table_name, ', ' order by table_name), count(*)
        from information_schema.tables
        where table_catalog = current_database()
        group by table_schema, table_type order by table_schema, table_type
        """
    ).fetchall()
    print(f"Warehouse: {path.resolve()}")
    if not rows:
        print("  (no models built yet: the project so far defines only sources)")
    for schema, kind, names, count in rows:
        print(f"  {schema} ({count} {'view' if kind == 'VIEW' else 'table'}{'s' if count != 1 else ''}): {names}")
    marts = [r for r in rows if r[0].endswith("_marts")]
    print("Marts for BI: schema main_marts" if marts else "Marts for BI: none built yet")
    if any("dim_leads" in r[2].split(", ") for r in marts):
        print_funnel(con)
    return 0


def print_funnel(con: duckdb.DuckDBPyConnection) -> None:
    """The funnel in one line each: how many leads reached each stage, and where they stand now."""
    reached = con.execute(
        """
        select
            count(*),
            count(reached_mql_at),
            count(reached_sql_at),
            count(reached_opportunity_at),
            count(reached_customer_at),
            count(first_became_disqualified_at),
            max(as_of_at)
        from main_marts.dim_leads
        """
    ).fetchone()
    leads, mql, sql, opportunity, customer, disqualified, as_of = reached
    print(f"Funnel as of {as_of}: {leads} leads")
    print(f"  Reached: MQL {mql}, SQL {sql}, opportunity {opportunity}, customer {customer}")
    print(f"  Disqualified: {disqualified}")
    now = con.execute(
        "select current_stage, count(*) from main_marts.dim_leads group by 1 order by min(case current_stage "
        "when 'lead' then 1 when 'mql' then 2 when 'sql' then 3 when 'opportunity' then 4 when 'customer' then 5 "
        "when 'recycled' then 6 else 7 end)"
    ).fetchall()
    print("  Now: " + ", ".join(f"{stage} {count}" for stage, count in now))


if __name__ == "__main__":
    raise SystemExit(main())
