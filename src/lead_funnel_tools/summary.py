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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
