"""The parts of the simulated market that every person shares: the arrival calendar, the
company pool behind the CRM accounts, the sales team and the e-mail programme."""

from __future__ import annotations

import bisect
import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from . import catalog
from .config import SimulationConfig
from .timefmt import DAY, HOUR, date_to_ts

# a person's life is simulated this many days past first touch; nothing happens later
MAX_LIFE_DAYS = 400
# the e-mail programme is scheduled this many years past its anchor
PROGRAMME_YEARS = 30
# the e-mail programme's calendar is anchored here so it does not depend on the dataset start
PROGRAMME_ANCHOR = date(2020, 1, 7)  # a Tuesday


def rng_for(seed: int, *parts: object) -> random.Random:
    """An independent, reproducible random stream for one named part of the world."""
    return random.Random("|".join([str(seed), *map(str, parts)]))


def day_weight(day: date) -> float:
    """Relative number of first touches on a calendar day: quiet weekends, holidays and August."""
    weight = 1.0
    if day.weekday() == 5:
        weight = 0.35
    elif day.weekday() == 6:
        weight = 0.30
    if (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 2):
        weight *= 0.5
    elif day.month == 8:
        weight *= 0.85
    return weight


class ArrivalCalendar:
    """Maps prospect number i to its arrival day, so that exactly N prospects arrive in D days
    and any window can be simulated without simulating the days before it."""

    def __init__(self, start: date, prospects_per_weight: float) -> None:
        self.start = start
        self.rate = prospects_per_weight
        self._cumulative: list[float] = [0.0]

    def _extend(self, days: int) -> None:
        while len(self._cumulative) <= days:
            day = self.start + timedelta(days=len(self._cumulative) - 1)
            self._cumulative.append(self._cumulative[-1] + day_weight(day))

    def weight_until(self, day_index: int) -> float:
        """Summed weight of days [0, day_index)."""
        if day_index <= 0:
            return 0.0
        self._extend(day_index)
        return self._cumulative[day_index]

    def prospects_before(self, day_index: int) -> int:
        """How many prospects arrive before day day_index (prospect i sits at (i + 0.5) / rate)."""
        if self.rate <= 0 or day_index <= 0:
            return 0
        return max(0, math.ceil(self.rate * self.weight_until(day_index) - 0.5))

    def arrival_day(self, index: int) -> int:
        position = (index + 0.5) / self.rate
        guess = int(position) + 1
        self._extend(guess * 4 + 8)
        while self._cumulative[-1] <= position:
            self._extend(len(self._cumulative) * 2)
        return bisect.bisect_right(self._cumulative, position) - 1


@dataclass(frozen=True)
class Company:
    index: int
    account_id: str
    name: str
    domain: str
    industry: str
    employees: int
    revenue: float
    country: str
    kind: str  # business | consulting | competitor
    is_icp: bool
    is_customer: bool
    account_type: str
    owner_id: str
    account_created_ts: float


@dataclass(frozen=True)
class User:
    user_id: str
    full_name: str
    email: str
    role: str
    created_ts: float


def _weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...] | list[tuple[str, float]]) -> str:
    total = sum(w for _, w in pairs)
    roll = rng.random() * total
    for value, weight in pairs:
        roll -= weight
        if roll < 0:
            return value
    return pairs[-1][0]


class World:
    def __init__(self, config: SimulationConfig) -> None:
        self.config = config
        self.seed = config.seed
        self.start_ts = date_to_ts(config.start_date)
        self._programme_cache: tuple[list[float], list[tuple[float, str, str, str, str]]] | None = None
        self.calendar = ArrivalCalendar(config.start_date, config.prospects_per_weight)
        countries = list(catalog.COUNTRIES.items())
        self._country_names = [name for name, _ in countries]
        self._country_cumulative = list(accumulate(spec[0] for _, spec in countries))
        self.users = self._build_users()
        self.sdrs = [u for u in self.users if u.role == "SDR"]
        self.aes = [u for u in self.users if u.role == "AE"]
        self.marketing = [u for u in self.users if u.role == "Marketing"]
        self.admins = [u for u in self.users if u.role == "Admin"]
        self.companies = self._build_companies()
        self.icp_businesses = [c for c in self.companies if c.kind == "business" and c.is_icp]
        self.other_businesses = [c for c in self.companies if c.kind == "business" and not c.is_icp]
        self.customers = [c for c in self.companies if c.is_customer]
        self.consultancies = [c for c in self.companies if c.kind == "consulting"]
        self.competitors = [c for c in self.companies if c.kind == "competitor"]

    # -- reference data ------------------------------------------------------------------------
    def _build_users(self) -> list[User]:
        rng = rng_for(self.seed, "users")
        users: list[User] = []
        number = 1
        for role, prospects_per_user, minimum, maximum in catalog.SALES_TEAM:
            count = min(maximum, max(minimum, math.ceil(self.config.prospects_per_weight / prospects_per_user)))
            for _ in range(count):
                first = rng.choice(catalog.FIRST_NAMES)
                last = rng.choice(catalog.LAST_NAMES)
                handle = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
                users.append(
                    User(
                        user_id=f"005{number:09d}",
                        full_name=f"{first} {last}",
                        email=f"{handle}{number}@{catalog.VENDOR_DOMAIN}",
                        role=role,
                        created_ts=self.start_ts - rng.uniform(30, 900) * DAY,
                    )
                )
                number += 1
        return users

    def pick_country(self, rng: random.Random) -> str:
        roll = rng.random() * self._country_cumulative[-1]
        return self._country_names[bisect.bisect_right(self._country_cumulative, roll)]

    def _build_companies(self) -> list[Company]:
        rng = rng_for(self.seed, "companies")
        size = max(40, math.ceil(self.config.prospects_per_weight * 365 / self.config.prospects_per_company))
        companies: list[Company] = []
        name_counts: dict[str, int] = {}
        industries = list(catalog.INDUSTRIES)
        for index in range(size):
            kind = "consulting" if rng.random() < 0.08 else "business"
            industry = "Professional Services" if kind == "consulting" else _weighted(rng, industries)
            employees = int(min(250_000, max(1, rng.lognormvariate(math.log(180), 1.6))))
            if kind == "consulting":
                employees = int(min(employees, rng.randint(2, 400)))
            country = self.pick_country(rng)
            is_icp = (
                kind == "business"
                and industry in catalog.ICP_INDUSTRIES
                and 200 <= employees <= 20_000
                and country in catalog.ICP_COUNTRIES
            )
            is_customer = kind == "business" and rng.random() < (0.20 if is_icp else 0.06)
            words = f"{rng.choice(catalog.COMPANY_WORDS_A)}{rng.choice(catalog.COMPANY_WORDS_B)}"
            seen = name_counts.get(words, 0)
            name_counts[words] = seen + 1
            if seen:
                words = f"{words} {catalog.COMPANY_WORDS_A[seen % len(catalog.COMPANY_WORDS_A)]}{seen}"
            domain = f"{words.lower().replace(' ', '-')}.com"
            name = f"{words} {rng.choice(catalog.COMPANY_SUFFIXES)}"
            revenue = round(employees * rng.uniform(80_000, 260_000), -3)
            account_type = "Customer" if is_customer else ("Partner" if kind == "consulting" else "Prospect")
            companies.append(
                Company(
                    index=index,
                    account_id=f"001{index:09d}",
                    name=name,
                    domain=domain,
                    industry=industry,
                    employees=employees,
                    revenue=revenue,
                    country=country,
                    kind=kind,
                    is_icp=is_icp,
                    is_customer=is_customer,
                    account_type=account_type,
                    owner_id=rng.choice(self.aes).user_id,
                    account_created_ts=self.start_ts - rng.uniform(1, 1500) * DAY,
                )
            )
        for offset, (name, domain) in enumerate(catalog.COMPETITORS):
            index = size + offset
            companies.append(
                Company(
                    index=index,
                    account_id=f"001{index:09d}",
                    name=name,
                    domain=domain,
                    industry="Software",
                    employees=rng.randint(300, 3000),
                    revenue=round(rng.uniform(50e6, 400e6), -3),
                    country="US",
                    kind="competitor",
                    is_icp=False,
                    is_customer=False,
                    account_type="Competitor",
                    owner_id=self.admins[0].user_id,
                    account_created_ts=self.start_ts - rng.uniform(100, 1500) * DAY,
                )
            )
        return companies

    # -- the e-mail programme ------------------------------------------------------------------
    def _programme(self) -> tuple[list[float], list[tuple[float, str, str, str, str]]]:
        """Every scheduled marketing send from the anchor on, in time order (built once)."""
        if self._programme_cache is None:
            anchor = date_to_ts(PROGRAMME_ANCHOR)
            sends: list[tuple[float, str, str, str, str]] = []
            blog = catalog.CONTENT["blog"][1]
            product = catalog.CONTENT["product"][1]
            for k in range(PROGRAMME_YEARS * 26):
                # newsletter: every other Tuesday at 15:00 UTC
                day = PROGRAMME_ANCHOR + timedelta(days=14 * k)
                sends.append((anchor + k * 14 * DAY + 15 * HOUR, f"nl-{day:%Y%m%d}", f"Newsletter {day:%d %b %Y}",
                              "blog", blog[k % len(blog)]))  # fmt: skip
                # webinar invitation: nine days before each webinar
                slug = self.webinar_path(k)
                sends.append((self.webinar_ts(k) - 9 * DAY - 2 * HOUR, f"wb-{k:04d}",
                              f"Webinar invitation: {slug.rsplit('/', 1)[-1]}", "webinar", slug))  # fmt: skip
            for k in range(PROGRAMME_YEARS * 13):
                # product update: every fourth Thursday at 16:00 UTC
                day = PROGRAMME_ANCHOR + timedelta(days=2 + 28 * k)
                sends.append((anchor + (2 + 28 * k) * DAY + 16 * HOUR, f"pu-{day:%Y%m%d}",
                              f"Product update {day:%B %Y}", "product", product[k % len(product)]))  # fmt: skip
            sends.sort()
            self._programme_cache = ([send[0] for send in sends], sends)
        return self._programme_cache

    def next_programme_send(self, after_ts: float) -> tuple[float, str, str, str, str] | None:
        """The next scheduled marketing send after a moment:
        (send time, campaign id, campaign name, linked content category, linked path)."""
        times, sends = self._programme()
        position = bisect.bisect_right(times, after_ts)
        return sends[position] if position < len(sends) else None

    @staticmethod
    def webinar_ts(number: int) -> float:
        """Webinar number k runs every other Wednesday at 16:00 UTC."""
        return date_to_ts(PROGRAMME_ANCHOR) + 1 * DAY + number * 14 * DAY + 16 * HOUR

    def next_webinar_number(self, after_ts: float) -> int:
        base = date_to_ts(PROGRAMME_ANCHOR) + 1 * DAY + 16 * HOUR
        return max(0, math.floor((after_ts - base) / (14 * DAY)) + 1)

    @staticmethod
    def webinar_path(number: int) -> str:
        paths = catalog.CONTENT["webinar"][1]
        return paths[number % len(paths)]
