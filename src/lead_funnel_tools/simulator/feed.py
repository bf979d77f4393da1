"""How rows reach the raw tables: load schedules, duplicate and late deliveries, and the
garbling a real feed adds (noisy addresses, empty optional fields, malformed rows)."""

from __future__ import annotations

import math
import random
from collections import defaultdict
from itertools import accumulate
from typing import Any

from . import schema
from .config import Messiness
from .schema import RawTable
from .timefmt import DAY, HOUR, MINUTE, crm_timestamp, format_event_time

# CRM syncs run every six hours at hh:20; the e-mail export every six hours at hh:40; web hourly
CRM_SYNC_PERIOD = 6 * HOUR
CRM_SYNC_OFFSET = 20 * MINUTE
EMAIL_EXPORT_PERIOD = 6 * HOUR
EMAIL_EXPORT_OFFSET = 40 * MINUTE

GARBLED_TIMESTAMPS = ("", "null", "NaN", "2025-02-30T25:61:00Z", "not a date", "0000-00-00 00:00:00", "13/45/2025")
GARBLED_EMAILS = ("john.smith@", "n/a", "@example", "jane doe at gmail.com", "test@@mail..com")
GARBLED_URLS = ("htp:/www.lumendata", "undefined", "/%E0%A4%A", "javascript:void(0)")
GARBLED_EVENT_TYPES = ("opne", "", "CLICKED!!", "unknown_event")

# table -> (column, how it is garbled) for malformed rows; one is picked per malformed row
MALFORMATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "web/pageviews": (("event_timestamp", "timestamp"), ("message_id", "null"), ("page_url", "url")),
    "web/form_submissions": (("event_timestamp", "timestamp"), ("message_id", "null"), ("email", "email")),
    "email/events": (("event_timestamp", "timestamp"), ("event_type", "enum"), ("recipient", "email")),
    "crm/leads": (("created_at", "timestamp"), ("email", "email")),
    "crm/accounts": (("employee_count", "negative"), ("created_at", "timestamp")),
    "crm/field_history": (("changed_at", "timestamp"),),
    "crm/activities": (("activity_at", "timestamp"), ("activity_id", "null")),
    "crm/lead_status_changes": (("changed_at", "timestamp"),),
    "crm/opportunities": (("amount", "negative"), ("close_date", "timestamp")),
    "crm/opportunity_history": (("changed_at", "timestamp"),),
    "crm/users": (),
}

# fields a form or a CRM user may leave empty although the value is known
OPTIONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "web/form_submissions": ("first_name", "last_name", "company_name", "job_title", "phone", "country"),
    "crm/leads": ("phone", "first_name"),
    "crm/accounts": ("industry", "employee_count", "annual_revenue", "billing_country"),
}

_COLUMN_INDEX = {table.key: {name: i for i, name in enumerate(table.column_names)} for table in schema.RAW_TABLES}


def crm_sync_after(ts: float) -> float:
    """The CRM sync that picks up a change made at ts."""
    return (math.floor((ts - CRM_SYNC_OFFSET) / CRM_SYNC_PERIOD) + 1) * CRM_SYNC_PERIOD + CRM_SYNC_OFFSET


def email_export_after(ts: float) -> float:
    return (
        math.floor((ts - EMAIL_EXPORT_OFFSET) / EMAIL_EXPORT_PERIOD) + 1
    ) * EMAIL_EXPORT_PERIOD + EMAIL_EXPORT_OFFSET


class RowSink:
    """The rows one unit of simulation lands, kept only when their load time falls in the window."""

    def __init__(self, source_key: int, window_start_ts: float, window_end_ts: float) -> None:
        self.source_key = source_key
        self.window_start_ts = window_start_ts
        self.window_end_ts = window_end_ts
        self.rows: dict[str, list[tuple[float, int, int, tuple[Any, ...]]]] = defaultdict(list)
        self._seq = 0

    def add(self, table: RawTable, load_ts: float, values: tuple[Any, ...]) -> None:
        self._seq += 1
        if self.window_start_ts <= load_ts < self.window_end_ts:
            self.rows[table.key].append((load_ts, self.source_key, self._seq, values))


class Feed:
    """Applies the configured messiness while rows are landed."""

    def __init__(self, messiness: Messiness, rng: random.Random, sink: RowSink) -> None:
        self.m = messiness
        self.rng = rng
        self.sink = sink
        # formats in name order, so a manifest's (sorted) copy of the settings draws the same formats
        web = sorted(messiness.web_timestamp_formats)
        email = sorted(messiness.email_timestamp_formats)
        self._web_formats = [name for name, _ in web]
        self._web_weights = list(accumulate(w for _, w in web))
        self._email_formats = [name for name, _ in email]
        self._email_weights = list(accumulate(w for _, w in email))

    # -- values --------------------------------------------------------------------------------
    def address(self, email: str | None) -> str | None:
        """An e-mail address as a person or system typed it: sometimes mixed case or padded."""
        if email is None or self.rng.random() >= self.m.email_noise_rate:
            return email
        return self.noisy_address(email)

    def noisy_address(self, email: str) -> str:
        rng = self.rng
        local, _, domain = email.partition("@")
        style = rng.randrange(5)
        if style == 0:
            noisy = email.upper()
        elif style == 1:
            noisy = f"{local.capitalize()}@{domain}"
        elif style == 2:
            noisy = f"{local.title()}@{domain.capitalize()}"
        elif style == 3:
            noisy = f" {email}"
        else:
            noisy = f"{email}\t" if rng.random() < 0.3 else f"{email}  "
        if rng.random() < 0.3 and not noisy.endswith((" ", "\t")):
            noisy = f"{noisy} "
        return noisy if noisy != email else f"{email} "

    def optional(self, table_key: str, values: list[Any]) -> list[Any]:
        rate = self.m.optional_field_null_rate
        if rate <= 0:
            return values
        index = _COLUMN_INDEX[table_key]
        for column in OPTIONAL_FIELDS.get(table_key, ()):
            if self.rng.random() < rate:
                values[index[column]] = None
        return values

    def web_time(self, ts: float, offset_hours: int) -> str:
        fmt = self.rng.choices(self._web_formats, cum_weights=self._web_weights)[0]
        return format_event_time(fmt, ts, offset_hours)

    def email_time(self, ts: float) -> str:
        fmt = self.rng.choices(self._email_formats, cum_weights=self._email_weights)[0]
        return format_event_time(fmt, ts, 0)

    def crm_time(self, ts: float, local_offset_hours: int) -> str:
        if local_offset_hours and self.rng.random() < self.m.crm_local_offset_rate:
            return crm_timestamp(ts, local_offset_hours)
        return crm_timestamp(ts)

    # -- load times ------------------------------------------------------------------------------
    def _late(self) -> float:
        if self.rng.random() < self.m.late_event_rate:
            return self.rng.randint(1, self.m.late_event_max_days) * DAY + self.rng.uniform(0, 3 * HOUR)
        return 0.0

    def web_load(self, ts: float) -> float:
        """Web events land in hourly batches a few minutes past the hour."""
        return (math.floor(ts / HOUR) + 1) * HOUR + self.rng.uniform(3 * MINUTE, 14 * MINUTE) + self._late()

    def email_load(self, ts: float) -> float:
        return email_export_after(ts) + self.rng.uniform(0, 5 * MINUTE) + self._late()

    # -- landing rows --------------------------------------------------------------------------------
    def land(self, table: RawTable, load_ts: float, values: list[Any]) -> None:
        """Land one row of a table (CRM and reference rows: no redelivery)."""
        if self.rng.random() < self.m.malformed_row_rate:
            values = self.malform(table.key, values)
        self.sink.add(table, load_ts, tuple(values))

    def deliver(self, table: RawTable, load_ts: float, values: list[Any]) -> None:
        """Land one tracked event; the delivery pipeline sometimes lands it twice."""
        if self.rng.random() < self.m.malformed_row_rate:
            values = self.malform(table.key, values)
        row = tuple(values)
        self.sink.add(table, load_ts, row)
        if self.rng.random() < self.m.duplicate_delivery_rate:
            self.sink.add(table, load_ts + self.rng.uniform(5 * MINUTE, 30 * HOUR), row)

    def malform(self, table_key: str, values: list[Any]) -> list[Any]:
        options = MALFORMATIONS.get(table_key, ())
        if not options:
            return values
        column, kind = self.rng.choice(options)
        index = _COLUMN_INDEX[table_key][column]
        values = list(values)
        if kind == "timestamp":
            values[index] = self.rng.choice(GARBLED_TIMESTAMPS)
        elif kind == "null":
            values[index] = None
        elif kind == "email":
            values[index] = self.rng.choice(GARBLED_EMAILS)
        elif kind == "url":
            values[index] = self.rng.choice(GARBLED_URLS)
        elif kind == "enum":
            values[index] = self.rng.choice(GARBLED_EVENT_TYPES)
        elif kind == "negative":
            current = values[index]
            values[index] = -abs(current) if current else -1
        return values
