"""Settings of a simulated dataset: scale, seed, calendar and the rates of feed messiness."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

MANIFEST_NAME = "_manifest.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Messiness:
    """How messy the feed is. Every rate is a probability per unit named in its comment."""

    # per web or e-mail event: the loader delivers it a second time (same id, later load)
    duplicate_delivery_rate: float = 0.02
    # per e-mail address written into a raw row: mixed case and/or stray whitespace
    email_noise_rate: float = 0.10
    # per web or e-mail event: it is loaded 1..late_event_max_days days after it happened
    late_event_rate: float = 0.02
    late_event_max_days: int = 7
    # per human pageview: one extra pageview from a crawler or script
    bot_traffic_rate: float = 0.10
    # per human pageview: one extra pageview from an employee on the office network
    internal_traffic_rate: float = 0.03
    # per simulated prospect: one test lead typed into the CRM by an employee
    test_lead_rate: float = 0.01
    # per identified prospect: the person gets a second CRM record (other address or re-import)
    duplicate_person_rate: float = 0.04
    # per duplicate: sales operations merges it later; merge_chain_rate of merges chain a third record
    merge_rate: float = 0.6
    merge_chain_rate: float = 0.3
    # per CRM child row (activity, status change, opportunity): its reference points at nothing
    orphan_reference_rate: float = 0.01
    # per optional field (see OPTIONAL_FIELDS in README): left empty although the value was known
    optional_field_null_rate: float = 0.08
    # per raw row: one field is garbled (unparseable timestamp, broken address, negative number ...)
    malformed_row_rate: float = 0.002
    # how web trackers write event_timestamp: format name -> share
    web_timestamp_formats: tuple[tuple[str, float], ...] = (
        ("iso_utc", 0.70),
        ("iso_offset", 0.15),
        ("epoch_millis", 0.10),
        ("naive_utc", 0.05),
    )
    # how the e-mail service writes event_timestamp
    email_timestamp_formats: tuple[tuple[str, float], ...] = (
        ("epoch_seconds", 0.85),
        ("iso_utc", 0.15),
    )
    # per CRM timestamp: written in the local offset of the user who entered it instead of +0000
    crm_local_offset_rate: float = 0.20

    @classmethod
    def clean(cls) -> Messiness:
        """A perfectly clean feed: every rate zero, one timestamp format per source."""
        return cls(
            duplicate_delivery_rate=0.0,
            email_noise_rate=0.0,
            late_event_rate=0.0,
            bot_traffic_rate=0.0,
            internal_traffic_rate=0.0,
            test_lead_rate=0.0,
            duplicate_person_rate=0.0,
            merge_rate=0.0,
            merge_chain_rate=0.0,
            orphan_reference_rate=0.0,
            optional_field_null_rate=0.0,
            malformed_row_rate=0.0,
            web_timestamp_formats=(("iso_utc", 1.0),),
            email_timestamp_formats=(("iso_utc", 1.0),),
            crm_local_offset_rate=0.0,
        )

    @classmethod
    def from_dict(cls, values: dict[str, Any], base: Messiness | None = None) -> Messiness:
        base = base or cls()
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(
                f"unknown messiness setting(s) {', '.join(unknown)}; known settings: {', '.join(sorted(known))}"
            )
        cleaned: dict[str, Any] = {}
        for name, value in values.items():
            if name.endswith("_formats"):
                items = value.items() if isinstance(value, dict) else value
                cleaned[name] = tuple((str(k), float(v)) for k, v in items)
            elif name == "late_event_max_days":
                cleaned[name] = int(value)
            else:
                rate = float(value)
                if not 0.0 <= rate <= 1.0:
                    raise ValueError(f"messiness setting {name} must lie between 0 and 1, got {value}")
                cleaned[name] = rate
        result = replace(base, **cleaned)
        result.validate()
        return result

    def validate(self) -> None:
        if self.late_event_max_days < 1:
            raise ValueError("late_event_max_days must be at least 1")
        for name in ("web_timestamp_formats", "email_timestamp_formats"):
            weights = getattr(self, name)
            if not weights or any(w < 0 for _, w in weights) or sum(w for _, w in weights) <= 0:
                raise ValueError(f"{name} needs at least one format with a positive share")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in ("web_timestamp_formats", "email_timestamp_formats"):
            data[name] = dict(getattr(self, name))
        return data


@dataclass(frozen=True)
class SimulationConfig:
    """Everything that determines a dataset. Two runs with equal configs write equal bytes."""

    seed: int
    start_date: date
    # expected prospects arriving per weekday; weekends and holidays get fewer (see calendar)
    prospects_per_weight: float
    messiness: Messiness = field(default_factory=Messiness)
    # prospects per company in the account pool; fixes the pool size for the dataset's life
    prospects_per_company: float = 3.0
    # anonymous-only visitors (who never identify) per prospect
    anonymous_visitors_per_prospect: float = 1.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "format_version": FORMAT_VERSION,
            "seed": self.seed,
            "start_date": self.start_date.isoformat(),
            "prospects_per_weight": self.prospects_per_weight,
            "prospects_per_company": self.prospects_per_company,
            "anonymous_visitors_per_prospect": self.anonymous_visitors_per_prospect,
            "messiness": self.messiness.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SimulationConfig:
        if data.get("format_version") != FORMAT_VERSION:
            raise ValueError(
                f"dataset was written by format version {data.get('format_version')}, "
                f"this simulator writes version {FORMAT_VERSION}: generate it anew"
            )
        return cls(
            seed=int(data["seed"]),
            start_date=date.fromisoformat(data["start_date"]),
            prospects_per_weight=float(data["prospects_per_weight"]),
            prospects_per_company=float(data["prospects_per_company"]),
            anonymous_visitors_per_prospect=float(data["anonymous_visitors_per_prospect"]),
            messiness=Messiness.from_dict(data["messiness"], base=Messiness()),
        )


@dataclass(frozen=True)
class Manifest:
    """What has been written to a raw directory so far."""

    config: SimulationConfig
    days_written: int

    def save(self, raw_dir: Path) -> None:
        payload = {"days_written": self.days_written, **self.config.to_dict()}
        (raw_dir / MANIFEST_NAME).write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n")

    @classmethod
    def load(cls, raw_dir: Path) -> Manifest:
        path = raw_dir / MANIFEST_NAME
        if not path.exists():
            raise FileNotFoundError(f"{path} not found: generate a dataset before appending to it")
        data = json.loads(path.read_text())
        return cls(config=SimulationConfig.from_dict(data), days_written=int(data["days_written"]))
