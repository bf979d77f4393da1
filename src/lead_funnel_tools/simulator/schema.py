"""Physical layout of the raw tables the simulator lands.

The meaning of every column is documented in the dbt sources YAML
(``models/staging/<source>/_<source>__sources.yml``), which is the raw data
contract; a test checks that the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

STRING = pa.string()
INT = pa.int64()
FLOAT = pa.float64()
BOOL = pa.bool_()
TIMESTAMP = pa.timestamp("us")


@dataclass(frozen=True)
class RawTable:
    source: str
    name: str
    columns: tuple[tuple[str, pa.DataType], ...]

    @property
    def key(self) -> str:
        return f"{self.source}/{self.name}"

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]

    @property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(name, dtype) for name, dtype in self.columns])


PAGEVIEWS = RawTable(
    "web",
    "pageviews",
    (
        ("message_id", STRING),
        ("anonymous_id", STRING),
        ("page_url", STRING),
        ("page_title", STRING),
        ("referrer_url", STRING),
        ("utm_source", STRING),
        ("utm_medium", STRING),
        ("utm_campaign", STRING),
        ("utm_term", STRING),
        ("utm_content", STRING),
        ("user_agent", STRING),
        ("ip_address", STRING),
        ("event_timestamp", STRING),
        ("loaded_at", TIMESTAMP),
    ),
)

FORM_SUBMISSIONS = RawTable(
    "web",
    "form_submissions",
    (
        ("message_id", STRING),
        ("anonymous_id", STRING),
        ("form_id", STRING),
        ("page_url", STRING),
        ("email", STRING),
        ("first_name", STRING),
        ("last_name", STRING),
        ("company_name", STRING),
        ("job_title", STRING),
        ("phone", STRING),
        ("country", STRING),
        ("marketing_consent", BOOL),
        ("user_agent", STRING),
        ("ip_address", STRING),
        ("event_timestamp", STRING),
        ("loaded_at", TIMESTAMP),
    ),
)

EMAIL_EVENTS = RawTable(
    "email",
    "events",
    (
        ("event_id", STRING),
        ("send_id", STRING),
        ("event_type", STRING),
        ("recipient", STRING),
        ("campaign_id", STRING),
        ("campaign_name", STRING),
        ("link_url", STRING),
        ("bounce_type", STRING),
        ("user_agent", STRING),
        ("event_timestamp", STRING),
        ("loaded_at", TIMESTAMP),
    ),
)

USERS = RawTable(
    "crm",
    "users",
    (
        ("user_id", STRING),
        ("full_name", STRING),
        ("email", STRING),
        ("role", STRING),
        ("is_active", BOOL),
        ("created_at", STRING),
        ("updated_at", STRING),
        ("loaded_at", TIMESTAMP),
    ),
)

ACCOUNTS = RawTable(
    "crm",
    "accounts",
    (
        ("account_id", STRING),
        ("account_name", STRING),
        ("website_domain", STRING),
        ("industry", STRING),
        ("employee_count", INT),
        ("annual_revenue", FLOAT),
        ("billing_country", STRING),
        ("account_type", STRING),
        ("owner_id", STRING),
        ("created_at", STRING),
        ("updated_at", STRING),
        ("is_deleted", BOOL),
        ("loaded_at", TIMESTAMP),
    ),
)

LEADS = RawTable(
    "crm",
    "leads",
    (
        ("record_id", STRING),
        ("record_type", STRING),
        ("email", STRING),
        ("first_name", STRING),
        ("last_name", STRING),
        ("phone", STRING),
        ("title", STRING),
        ("seniority", STRING),
        ("company_name", STRING),
        ("account_id", STRING),
        ("country", STRING),
        ("lead_source", STRING),
        ("status", STRING),
        ("owner_id", STRING),
        ("created_at", STRING),
        ("updated_at", STRING),
        ("is_deleted", BOOL),
        ("merged_into_record_id", STRING),
        ("loaded_at", TIMESTAMP),
    ),
)

FIELD_HISTORY = RawTable(
    "crm",
    "field_history",
    (
        ("history_id", STRING),
        ("object_type", STRING),
        ("record_id", STRING),
        ("field_name", STRING),
        ("old_value", STRING),
        ("new_value", STRING),
        ("changed_by", STRING),
        ("changed_at", STRING),
        ("loaded_at", TIMESTAMP),
    ),
)

ACTIVITIES = RawTable(
    "crm",
    "activities",
    (
        ("activity_id", STRING),
        ("activity_type", STRING),
        ("subject", STRING),
        ("lead_record_id", STRING),
        ("owner_id", STRING),
        ("outcome", STRING),
        ("activity_at", STRING),
        ("created_at", STRING),
        ("loaded_at", TIMESTAMP),
    ),
)

LEAD_STATUS_CHANGES = RawTable(
    "crm",
    "lead_status_changes",
    (
        ("status_change_id", STRING),
        ("lead_record_id", STRING),
        ("status", STRING),
        ("reason", STRING),
        ("budget", STRING),
        ("authority", STRING),
        ("need", STRING),
        ("timeline", STRING),
        ("changed_by", STRING),
        ("changed_at", STRING),
        ("loaded_at", TIMESTAMP),
    ),
)

OPPORTUNITIES = RawTable(
    "crm",
    "opportunities",
    (
        ("opportunity_id", STRING),
        ("opportunity_name", STRING),
        ("account_id", STRING),
        ("primary_contact_record_id", STRING),
        ("owner_id", STRING),
        ("stage", STRING),
        ("amount", FLOAT),
        ("currency_code", STRING),
        ("close_date", STRING),
        ("is_closed", BOOL),
        ("is_won", BOOL),
        ("lost_reason", STRING),
        ("created_at", STRING),
        ("updated_at", STRING),
        ("is_deleted", BOOL),
        ("loaded_at", TIMESTAMP),
    ),
)

OPPORTUNITY_HISTORY = RawTable(
    "crm",
    "opportunity_history",
    (
        ("history_id", STRING),
        ("opportunity_id", STRING),
        ("stage", STRING),
        ("amount", FLOAT),
        ("close_date", STRING),
        ("changed_by", STRING),
        ("changed_at", STRING),
        ("loaded_at", TIMESTAMP),
    ),
)

RAW_TABLES: tuple[RawTable, ...] = (
    PAGEVIEWS,
    FORM_SUBMISSIONS,
    EMAIL_EVENTS,
    USERS,
    ACCOUNTS,
    LEADS,
    FIELD_HISTORY,
    ACTIVITIES,
    LEAD_STATUS_CHANGES,
    OPPORTUNITIES,
    OPPORTUNITY_HISTORY,
)

TABLES_BY_KEY = {table.key: table for table in RAW_TABLES}
