"""Times are float seconds since the Unix epoch (UTC) inside the simulator; these helpers write
them the ways real systems deliver them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

DAY = 86_400.0
HOUR = 3_600.0
MINUTE = 60.0


def date_to_ts(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def ts_to_date(ts: float) -> date:
    return datetime.fromtimestamp(ts, UTC).date()


def _utc(ts: float) -> datetime:
    return datetime.fromtimestamp(round(ts, 3), UTC)


def iso_utc(ts: float) -> str:
    """2025-03-04T10:22:11.123Z, the tracker's default."""
    dt = _utc(ts)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def iso_offset(ts: float, offset_hours: int) -> str:
    """2025-03-04T12:22:11+02:00: the visitor's local clock with its offset."""
    dt = _utc(ts).astimezone(timezone(timedelta(hours=offset_hours)))
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + dt.strftime("%z")[:3] + ":" + dt.strftime("%z")[3:]


def naive_utc(ts: float) -> str:
    """2025-03-04 10:22:11: UTC without saying so."""
    return _utc(ts).strftime("%Y-%m-%d %H:%M:%S")


def epoch_millis(ts: float) -> str:
    return str(round(ts * 1000))


def epoch_seconds(ts: float) -> str:
    return str(int(ts))


def crm_timestamp(ts: float, offset_hours: int = 0) -> str:
    """2025-03-04T10:22:11.000+0000, as CRM APIs export; a user's local offset when entered by hand."""
    dt = _utc(ts).astimezone(timezone(timedelta(hours=offset_hours)))
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}" + dt.strftime("%z")


def format_event_time(fmt: str, ts: float, offset_hours: int) -> str:
    if fmt == "iso_utc":
        return iso_utc(ts)
    if fmt == "iso_offset":
        return iso_offset(ts, offset_hours)
    if fmt == "epoch_millis":
        return epoch_millis(ts)
    if fmt == "epoch_seconds":
        return epoch_seconds(ts)
    if fmt == "naive_utc":
        return naive_utc(ts)
    raise ValueError(f"unknown timestamp format {fmt!r}")


TIMESTAMP_FORMATS = ("iso_utc", "iso_offset", "epoch_millis", "epoch_seconds", "naive_utc")


def to_micros(ts: float) -> int:
    return round(ts * 1_000_000)
