"""One prospect's life: anonymous visits, identification, e-mail engagement, sales follow-up,
opportunities and outcomes. Every prospect draws from its own random stream, so its rows do not
depend on which other prospects or which days are simulated in the same run."""

from __future__ import annotations

import heapq
import math
import random
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from . import catalog, schema
from .catalog import Persona
from .feed import Feed, RowSink, crm_sync_after
from .timefmt import DAY, HOUR, MINUTE, to_micros
from .world import MAX_LIFE_DAYS, Company, World, rng_for

INTENTS = ("low", "medium", "high")
SESSIONS_PER_PHASE = {"low": 1.3, "medium": 2.6, "high": 4.5}
PAGES_PER_SESSION = {"low": 1.0, "medium": 1.8, "high": 2.6}
PHASE_DAYS = {"low": (20, 90), "medium": (10, 45), "high": (5, 25)}
# how intent shifts the appetite for content of each intent level (-1 .. 5)
INTENT_APPETITE = {
    "low": {-1: 1.0, 0: 1.5, 1: 1.5, 2: 1.0, 3: 0.5, 4: 0.25, 5: 0.03},
    "medium": {-1: 1.0, 0: 1.0, 1: 1.0, 2: 1.2, 3: 1.3, 4: 0.9, 5: 0.15},
    "high": {-1: 1.0, 0: 0.6, 1: 0.6, 2: 1.0, 3: 1.8, 4: 2.4, 5: 0.8},
}
FORM_CHANCE = {
    "ebook_download": 0.35,
    "whitepaper_download": 0.30,
    "webinar_registration": 0.30,
    "newsletter_signup": 0.03,
    "demo_request": 0.45,
    "free_trial_signup": 0.40,
    "contact_sales": 0.50,
    "job_application": 0.35,
}
HAND_RAISE_BY_INTENT = {"low": 0.12, "medium": 0.5, "high": 1.1}
ENGAGEMENT_BY_INTENT = {"low": 0.7, "medium": 1.0, "high": 1.5}
LANDING_BY_CHANNEL: dict[str, dict[str, float]] = {
    "organic_search": {"blog": 0.5, "home": 0.15, "product": 0.12, "comparison": 0.08, "pricing": 0.05,
                       "careers": 0.05, "ebook": 0.05, "docs": 0.05},
    "paid_search": {"product": 0.35, "pricing": 0.2, "home": 0.15, "demo": 0.1, "comparison": 0.1, "ebook": 0.1},
    "paid_social": {"ebook": 0.4, "webinar": 0.25, "blog": 0.2, "case_study": 0.15, "careers": 0.03},
    "referral": {"home": 0.4, "product": 0.25, "case_study": 0.2, "pricing": 0.15, "partners": 0.05},
    "direct": {"home": 0.7, "pricing": 0.1, "product": 0.1, "login": 0.1, "careers": 0.02},
    "events": {"home": 0.5, "demo": 0.2, "product": 0.3},
}  # fmt: skip
RETURN_CHANNELS = (
    ("direct", 0.38), ("organic_search", 0.28), ("paid_search", 0.12), ("paid_social", 0.12), ("referral", 0.10),
)  # fmt: skip
CATEGORY_PATHS = {category: spec[1] for category, spec in catalog.CONTENT.items()}
CATEGORY_LEVEL = {category: spec[0] for category, spec in catalog.CONTENT.items()}
FORM_BY_CATEGORY = {category: form for form, category in catalog.FORMS.items()}
# (persona, intent) -> content categories and cumulative weights of the next page
_NEXT_PAGE_WEIGHTS: dict[tuple[str, str], tuple[list[str], list[float]]] = {}
ROUTING_WINDOW = 30 * DAY
ROUTING_MIN_HIGH_INTENT_VIEWS = 5
RECYCLE_COOLDOWN = 21 * DAY
SDR_OFFSET_HOURS = -5  # the sales team sits on US Eastern time
SUNSET_AFTER_UNOPENED = 10
HISTORY_FIELDS = ("title", "seniority", "company_name", "account_id", "country", "status", "owner_id",
                  "record_type", "phone", "email")  # fmt: skip
LEAD_COLUMNS = schema.LEADS.column_names[:-1]
OPPORTUNITY_COLUMNS = schema.OPPORTUNITIES.column_names[:-1]
INTEGRATION_USER = "integration"
# anonymous visitors drawn beside a prospect show up to this many days before or after its arrival
SIDE_CHARACTER_LEAD_DAYS = 20
ENRICHMENT_USER = "enrichment"


def new_id(rng: random.Random) -> str:
    value = f"{rng.getrandbits(128):032x}"
    return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def short_id(rng: random.Random, prefix: str) -> str:
    return f"{prefix}{rng.getrandbits(60):015X}"


def poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def public_ip(rng: random.Random) -> str:
    first = rng.choice((23, 31, 45, 62, 78, 81, 84, 91, 104, 109, 142, 151, 176, 185, 188, 212))
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def business_hours(ts: float, offset_hours: int, rng: random.Random) -> float:
    """Move a moment into the next working hours (09-18 local, Monday to Friday) of a team."""
    local = ts + offset_hours * HOUR
    day_start = math.floor(local / DAY) * DAY
    hour = (local - day_start) / HOUR
    if hour >= 18:
        day_start += DAY
        local = day_start + rng.uniform(9, 11) * HOUR
    elif hour < 9:
        local = day_start + rng.uniform(9, 11) * HOUR
    weekday = (int(day_start / DAY) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    if weekday >= 5:
        local += (7 - weekday) * DAY
    return local - offset_hours * HOUR


@dataclass
class CrmRecord:
    """A CRM record (lead/contact or opportunity) and every state it passed through."""

    record_id: str
    created_ts: float
    state: dict[str, Any]
    snapshots: list[tuple[float, dict[str, Any]]] = field(default_factory=list)


@dataclass
class Truth:
    person_id: str
    person_index: int
    kind: str
    persona: str | None
    account_id: str | None
    is_icp: bool
    first_intent: str | None
    peak_intent: str | None
    first_touch_ts: float
    first_touch_channel: str | None
    identified_ts: float | None = None
    emails: list[str] = field(default_factory=list)
    anonymous_ids: list[str] = field(default_factory=list)
    crm_record_ids: list[str] = field(default_factory=list)
    mql_ts: float | None = None
    mql_count: int = 0
    sql_ts: float | None = None
    opportunity_ts: float | None = None
    won_ts: float | None = None
    lost_ts: float | None = None
    disqualified_ts: float | None = None
    nurture_count: int = 0


class ProspectLife:
    """Simulates prospect number `index` and lands its rows into `sink`."""

    def __init__(self, world: World, index: int, sink: RowSink) -> None:
        self.world = world
        self.index = index
        self.rng = rng_for(world.seed, "prospect", index)
        self.feed = Feed(world.config.messiness, self.rng, sink)
        self.m = world.config.messiness
        self._heap: list[tuple[float, int, str, tuple[Any, ...]]] = []
        self._heap_seq = 0
        self.truths: list[Truth] = []

    # -- the event queue ---------------------------------------------------------------------------
    def schedule(self, ts: float, kind: str, *payload: Any) -> None:
        self._heap_seq += 1
        heapq.heappush(self._heap, (ts, self._heap_seq, kind, payload))

    # -- set-up ---------------------------------------------------------------------------------------
    def _choose_company(self, persona: Persona) -> Company | None:
        rng, world = self.rng, self.world
        if persona.company_kind == "business":
            pool = world.icp_businesses if rng.random() < persona.icp_share else world.other_businesses
            return rng.choice(pool or world.companies)
        if persona.company_kind == "customer":
            return rng.choice(world.customers or world.companies)
        if persona.company_kind == "consulting":
            return rng.choice(world.consultancies or world.companies)
        if persona.company_kind == "competitor":
            return rng.choice(world.competitors)
        return None

    def _choose_email(self, first: str, last: str, domain: str) -> str:
        rng = self.rng
        clean_first = first.lower().replace(" ", "")
        clean_last = last.lower().replace(" ", "").replace("'", "")
        style = rng.randrange(4)
        if style == 0:
            local = f"{clean_first}.{clean_last}"
        elif style == 1:
            local = f"{clean_first[0]}{clean_last}"
        elif style == 2:
            local = f"{clean_first}"
        else:
            local = f"{clean_first}.{clean_last}{rng.randint(1, 99)}"
        local = local.encode("ascii", "ignore").decode() or f"user{rng.randint(100, 999)}"
        if domain in catalog.FREE_EMAIL_DOMAINS or style == 0:
            return f"{local}{self.index % 97}@{domain}"
        return f"{local}@{domain}"

    def _setup(self) -> None:
        rng, world = self.rng, self.world
        self.persona = rng.choices(catalog.PERSONAS, [p.weight for p in catalog.PERSONAS])[0]
        persona = self.persona
        self.company = self._choose_company(persona)
        self.country = self.company.country if self.company else world.pick_country(rng)
        self.offset_hours = catalog.COUNTRIES[self.country][1]
        self.seniority = pick(rng, dict(persona.seniorities))
        self.title = rng.choice(catalog.TITLES[self.seniority])
        self.first_name = rng.choice(catalog.FIRST_NAMES)
        self.last_name = rng.choice(catalog.LAST_NAMES)
        if persona.company_kind == "university":
            domain = rng.choice(catalog.UNIVERSITY_DOMAINS)
        elif self.company is None or rng.random() < persona.free_email_share:
            domain = rng.choice(catalog.FREE_EMAIL_DOMAINS)
        else:
            domain = self.company.domain
        self.email = self._choose_email(self.first_name, self.last_name, domain)
        self.has_work_email = self.company is not None and domain == self.company.domain
        self.bad_address = rng.random() < persona.bad_address_share
        self.phone = f"{catalog.COUNTRIES[self.country][2]} {rng.randint(100, 999)} {rng.randint(1000000, 9999999)}"
        self.intent = INTENTS[rng.choices(range(3), persona.intent)[0]]
        self.peak_intent = self.intent
        self.arrival_ts = (
            world.start_ts + world.calendar.arrival_day(self.index) * DAY + self._local_time_of_day(persona_hours=True)
        )
        self.horizon_ts = self.arrival_ts + MAX_LIFE_DAYS * DAY
        self.channel = pick(rng, dict(persona.channels))
        self.devices: list[tuple[str, str, str]] = [
            (new_id(rng), rng.choice(catalog.HUMAN_USER_AGENTS), public_ip(rng))
        ]
        self.second_device_share = 0.25 if rng.random() < 0.3 else 0.0
        self.duplicate_mode: str | None = None
        if rng.random() < self.m.duplicate_person_rate:
            self.duplicate_mode = "other_address" if rng.random() < 0.5 else "reimport"
        self.truth = Truth(
            person_id=f"P{self.index:09d}",
            person_index=self.index,
            kind="prospect",
            persona=persona.name,
            account_id=self.company.account_id if self.company else None,
            is_icp=bool(self.company and self.company.is_icp),
            first_intent=self.intent,
            peak_intent=self.intent,
            first_touch_ts=self.arrival_ts,
            first_touch_channel=self.channel,
        )
        self.truths.append(self.truth)
        # state
        self.identified_ts: float | None = None
        self.records: list[CrmRecord] = []
        self.active: CrmRecord | None = None
        self.subscribed = False
        self.unopened_streak = 0
        self.next_programme_ts: float | None = None
        self.forms_done: set[str] = set()
        self.high_intent_views: list[float] = []
        self.sales_state = "none"  # none | routed | working | qualified | opportunity | nurture | closed
        self.last_decision_ts = -1e18
        self.disqualified = False
        self.customer = False
        self.opportunities: list[CrmRecord] = []
        self.sdr_id: str | None = None
        self.ae_id: str | None = None
        self.sales_cycle = 0

    def _local_time_of_day(self, persona_hours: bool) -> float:
        """Seconds after UTC midnight of a moment in this person's working day."""
        rng = self.rng
        local_hour = rng.gauss(13.0, 3.2) if persona_hours else rng.uniform(0, 24)
        local_hour = min(23.9, max(0.1, local_hour))
        return ((local_hour - self.offset_hours) % 24) * HOUR

    # -- the life ---------------------------------------------------------------------------------------
    def run(self) -> list[Truth]:
        self._setup()
        rng = self.rng
        self._plan_phases()
        self._plan_side_characters()
        while self._heap:
            ts, _, kind, payload = heapq.heappop(self._heap)
            if ts > self.horizon_ts:
                break
            getattr(self, f"on_{kind}")(ts, *payload)
        self._finish()
        del rng
        return self.truths

    def _plan_phases(self) -> None:
        rng = self.rng
        start = self.arrival_ts
        intent = self.intent
        phases = 1
        while phases < 4 and rng.random() < 0.5:
            phases += 1
        for phase in range(phases):
            low, high = PHASE_DAYS[intent]
            duration = rng.uniform(low, high) * DAY
            mean = SESSIONS_PER_PHASE[intent] * self.persona.activity
            count = max(1, poisson(rng, mean)) if phase == 0 else poisson(rng, mean)
            times = sorted(start + rng.uniform(0, duration) for _ in range(count))
            if phase == 0:
                times[0] = start
            for n, ts in enumerate(times):
                day_start = math.floor(ts / DAY) * DAY
                when = ts if (phase == 0 and n == 0) else day_start + self._local_time_of_day(True)
                if phase == 0 and n == 0 and self.channel == "events":
                    self.schedule(when, "event_scan", intent)
                    continue
                channel = self.channel if (phase == 0 and n == 0) else pick(rng, dict(RETURN_CHANNELS))
                last_of_first = phase == 0 and n == len(times) - 1
                self.schedule(max(when, start), "session", channel, intent, None, None, last_of_first)
            start = start + duration + rng.uniform(30, 150) * DAY
            roll = rng.random()
            if roll < 0.35:
                intent = INTENTS[min(2, INTENTS.index(intent) + 1)]
            elif roll > 0.75:
                intent = INTENTS[max(0, INTENTS.index(intent) - 1)]
        if rng.random() < 0.08:
            self.schedule(self.arrival_ts + rng.uniform(30, 360) * DAY, "job_change")

    def _plan_side_characters(self) -> None:
        """Visitors who never identify and test leads, landed beside this prospect's traffic."""
        rng = self.rng
        for number in range(poisson(rng, self.world.config.anonymous_visitors_per_prospect)):
            AnonymousVisitor(self, number).run()
        if rng.random() < self.m.test_lead_rate:
            TestLead(self).run()

    # -- web ------------------------------------------------------------------------------------------------
    def _device(self) -> int:
        rng = self.rng
        if self.second_device_share and rng.random() < self.second_device_share:
            if len(self.devices) == 1:
                self.devices.append((new_id(rng), rng.choice(catalog.HUMAN_USER_AGENTS[3:5]), public_ip(rng)))
            return 1
        return 0

    def _tags(self, channel: str, campaign_id: str | None, send_id: str | None) -> tuple[Any, ...]:
        """(referrer, utm_source, utm_medium, utm_campaign, utm_term, utm_content, query string)."""
        rng = self.rng
        if channel == "organic_search":
            return rng.choice(catalog.SEARCH_REFERRERS), None, None, None, None, None, ""
        if channel == "paid_search":
            source = rng.choice(catalog.PAID_SEARCH_TAGS[0])
            medium = rng.choice(catalog.PAID_SEARCH_TAGS[1])
            campaign = rng.choice(catalog.PAID_CAMPAIGNS)
            term = rng.choice(catalog.PAID_TERMS)
            query = (
                f"?utm_source={source}&utm_medium={medium}&utm_campaign={campaign}"
                f"&utm_term={term.replace(' ', '+')}&gclid={rng.getrandbits(48):012x}"
            )
            return rng.choice(catalog.SEARCH_REFERRERS[:2]), source, medium, campaign, term, None, query
        if channel == "paid_social":
            source = rng.choice(catalog.PAID_SOCIAL_TAGS[0])
            medium = rng.choice(catalog.PAID_SOCIAL_TAGS[1])
            campaign = rng.choice(catalog.PAID_CAMPAIGNS)
            content = rng.choice(("carousel", "video", "single-image"))
            query = f"?utm_source={source}&utm_medium={medium}&utm_campaign={campaign}&utm_content={content}"
            referrer = rng.choice(catalog.SOCIAL_REFERRERS) if rng.random() < 0.6 else None
            return referrer, source, medium, campaign, None, content, query
        if channel == "email":
            source = "newsletter" if (campaign_id or "").startswith("nl-") else "lumen-marketing"
            query = f"?utm_source={source}&utm_medium=email&utm_campaign={campaign_id}&esp_sid={send_id}"
            return None, source, "email", campaign_id, None, None, query
        if channel == "referral":
            referrer = rng.choice(catalog.REFERRAL_SITES)
            if rng.random() < 0.3:
                source = referrer.split("/")[2].replace("www.", "")
                return referrer, source, "referral", None, None, None, f"?utm_source={source}&utm_medium=referral"
            return referrer, None, None, None, None, None, ""
        if channel == "events":
            event = rng.choice(catalog.EVENT_NAMES)
            query = f"?utm_source={event}&utm_medium=event&utm_campaign={event}"
            return None, event, "event", event, None, None, query
        return None, None, None, None, None, None, ""

    def _next_category(self, intent: str) -> str:
        key = (self.persona.name, intent)
        if key not in _NEXT_PAGE_WEIGHTS:
            appetite = INTENT_APPETITE[intent]
            categories = list(catalog.CONTENT)
            weights = [self.persona.affinity.get(c, 0.0) * appetite[CATEGORY_LEVEL[c]] for c in categories]
            _NEXT_PAGE_WEIGHTS[key] = (categories, list(accumulate(weights)))
        categories, cumulative = _NEXT_PAGE_WEIGHTS[key]
        return self.rng.choices(categories, cum_weights=cumulative)[0]

    def pageview(
        self,
        ts: float,
        device: tuple[str, str, str],
        path: str,
        title: str,
        referrer: str | None,
        tags: tuple[Any, ...],
        query: str,
        offset_hours: int,
    ) -> str:
        """Land one pageview; returns its URL."""
        url = f"{catalog.SITE}{path}{query}"
        self.feed.deliver(
            schema.PAGEVIEWS,
            self.feed.web_load(ts),
            [new_id(self.rng), device[0], url, title, referrer, *tags, device[1], device[2],
             self.feed.web_time(ts, offset_hours)],
        )  # fmt: skip
        return url

    def on_session(
        self,
        ts: float,
        channel: str,
        intent: str,
        landing: str | None,
        email_send: tuple[str, str] | None,
        must_identify: bool,
    ) -> None:
        rng = self.rng
        if self.customer and rng.random() < 0.5:
            return  # customers keep coming, but mostly to the product itself (not tracked here)
        if email_send is None:
            self.intent = intent
            if INTENTS.index(intent) > INTENTS.index(self.peak_intent):
                self.peak_intent = intent
        intent = self.intent
        device = self.devices[self._device()]
        campaign_id, send_id = email_send if email_send else (None, None)
        referrer, *utm, query = self._tags(channel, campaign_id, send_id)
        if landing is None:
            weights = {
                category: weight * max(0.05, self.persona.affinity.get(category, 0.0))
                for category, weight in LANDING_BY_CHANNEL[channel].items()
            }
            category = pick(rng, weights)
            path = rng.choice(CATEGORY_PATHS[category])
        else:
            category, path = landing
        pages = 1 + poisson(rng, PAGES_PER_SESSION[intent])
        if email_send:
            self._stitch_click(device)
        previous_url = referrer
        for page in range(pages):
            title = catalog.CONTENT[category][2].format(slug=path.rsplit("/", 1)[-1].replace("-", " "))
            url = self.pageview(
                ts, device, path, title, previous_url,
                tuple(utm) if page == 0 else (None,) * 5, query if page == 0 else "", self.offset_hours,
            )  # fmt: skip
            self._side_traffic(ts, path)
            self._note_view(ts, category)
            form = FORM_BY_CATEGORY.get(category)
            if form and self._wants_form(form, intent, path):
                ts += rng.uniform(20, 200)
                self.submit_form(ts, device, form, url)
            previous_url = url
            ts += rng.uniform(15, 240)
            category = self._next_category(intent)
            path = rng.choice(CATEGORY_PATHS[category])
        if must_identify and self.identified_ts is None:
            form = "ebook_download" if rng.random() < 0.7 else "newsletter_signup"
            category = catalog.FORMS[form]
            path = rng.choice(CATEGORY_PATHS[category])
            title = catalog.CONTENT[category][2].format(slug=path.rsplit("/", 1)[-1].replace("-", " "))
            url = self.pageview(ts, device, path, title, previous_url, (None,) * 5, "", self.offset_hours)
            self._note_view(ts, category)
            self.submit_form(ts + rng.uniform(20, 200), device, form, url)
        self._check_routing(ts)

    def _wants_form(self, form: str, intent: str, path: str) -> bool:
        key = f"{form}:{path}"
        if key in self.forms_done:
            return False
        if form == "job_application" and path == "/careers":
            return False
        chance = FORM_CHANCE[form] * self.persona.form_propensity
        if form in catalog.HAND_RAISE_FORMS:
            chance *= HAND_RAISE_BY_INTENT[intent]
        if self.rng.random() < min(0.95, chance):
            self.forms_done.add(key)
            return True
        return False

    def _note_view(self, ts: float, category: str) -> None:
        if category in catalog.HIGH_INTENT_CATEGORIES:
            self.high_intent_views.append(ts)

    def _side_traffic(self, ts: float, path: str) -> None:
        """Crawlers and employees browse the same site, in proportion to human traffic."""
        rng = self.rng
        if rng.random() < self.m.bot_traffic_rate:
            when = ts + rng.uniform(-6 * HOUR, 6 * HOUR)
            bot_path = path if rng.random() < 0.5 else rng.choice(CATEGORY_PATHS[rng.choice(list(CATEGORY_PATHS))])
            device = (new_id(rng), rng.choice(catalog.BOT_USER_AGENTS), public_ip(rng))
            self.pageview(when, device, bot_path, "", None, (None,) * 5, "", 0)
            if catalog.FORMS.get("newsletter_signup") and rng.random() < 0.02:
                self._bot_form(when + rng.uniform(1, 10), device)
        if rng.random() < self.m.internal_traffic_rate:
            when = ts + rng.uniform(-4 * HOUR, 4 * HOUR)
            employee = rng.randrange(40)
            device = (
                new_id(rng_for(self.world.seed, "employee-device", employee)),
                catalog.HUMAN_USER_AGENTS[employee % 3],
                f"{catalog.OFFICE_NETWORK}{10 + employee}",
            )
            internal_path = rng.choice(CATEGORY_PATHS[rng.choice(("pricing", "product", "blog", "docs", "home"))])
            self.pageview(when, device, internal_path, "", None, (None,) * 5, "", 1)

    def _bot_form(self, ts: float, device: tuple[str, str, str]) -> None:
        rng = self.rng
        junk = f"{rng.getrandbits(40):010x}@{rng.choice(('mail.ru', 'yopmail.com', 'example.com'))}"
        self.feed.deliver(
            schema.FORM_SUBMISSIONS,
            self.feed.web_load(ts),
            [new_id(rng), device[0], "newsletter_signup", f"{catalog.SITE}/blog", junk,
             "asdf", "asdf", None, None, None, None, True, device[1], device[2], self.feed.web_time(ts, 0)],
        )  # fmt: skip

    def submit_form(
        self, ts: float, device: tuple[str, str, str], form: str, page_url: str, email: str | None = None
    ) -> None:
        rng = self.rng
        asked = catalog.FORM_FIELDS[form]
        email = email or self.email
        company_name = None
        if "company_name" in asked:
            if self.company:
                base = self.company.name
                company_name = rng.choice((base, base.rsplit(" ", 1)[0], base.lower(), base.upper()))
            elif self.persona.company_kind == "university":
                company_name = rng.choice(("University", "student", "-", "n/a"))
        job_title = self.title if "job_title" in asked else None
        if job_title and self.persona.name == "student" and rng.random() < 0.3:
            job_title = "Data Analyst"
        values = [
            new_id(rng),
            device[0],
            form,
            page_url,
            self.feed.address(email),
            self.first_name if "first_name" in asked else None,
            self.last_name if "last_name" in asked else None,
            company_name,
            job_title,
            self.phone if "phone" in asked else None,
            rng.choice(catalog.COUNTRY_SPELLINGS[self.country]) if "country" in asked else None,
            None if form == "job_application" else rng.random() < 0.85,
            device[1],
            device[2],
            self.feed.web_time(ts, self.offset_hours),
        ]
        self.feed.deliver(
            schema.FORM_SUBMISSIONS, self.feed.web_load(ts), self.feed.optional("web/form_submissions", values)
        )
        self._remember_device(device[0])
        if email not in self.truth.emails:
            self.truth.emails.append(email)
        sync_ts = ts + rng.uniform(1, 10) * MINUTE
        if self.identified_ts is None:
            self._identify(ts)
            self._create_record(sync_ts, email, self._lead_source(), form_fields=asked, typed_title=job_title)
        elif email != self.email and len(self.records) == 1:
            self._create_record(sync_ts, email, self._lead_source(), form_fields=asked, typed_title=job_title)
            self._plan_merge(sync_ts)
        elif self.active and job_title and self.active.state["title"] is None:
            self._change(self.active, sync_ts, {"title": job_title}, INTEGRATION_USER)
        if form in ("ebook_download", "whitepaper_download", "webinar_registration"):
            self._start_nurture(ts, form)
        if form == "webinar_registration":
            self._plan_webinar(ts, page_url)
        if form in catalog.HAND_RAISE_FORMS:
            self._route(sync_ts, "hand_raise")
        if form == "newsletter_signup" or values[11]:
            self._subscribe(ts)

    def _remember_device(self, anonymous_id: str) -> None:
        if anonymous_id not in self.truth.anonymous_ids:
            self.truth.anonymous_ids.append(anonymous_id)

    def _stitch_click(self, device: tuple[str, str, str]) -> None:
        self._remember_device(device[0])

    def _lead_source(self) -> str:
        return self.rng.choice(catalog.LEAD_SOURCE_PICKLIST[self.channel])

    def _identify(self, ts: float) -> None:
        self.identified_ts = ts
        self.truth.identified_ts = ts
        if self.duplicate_mode:
            self.schedule(ts + self.rng.uniform(7, 60) * DAY, "duplicate")
        if self.email not in self.truth.emails:
            self.truth.emails.append(self.email)

    def _plan_webinar(self, ts: float, page_url: str) -> None:
        rng = self.rng
        path = page_url.replace(catalog.SITE, "").split("?")[0]
        number = self.world.next_webinar_number(ts)
        for candidate in range(number, number + 3):
            if self.world.webinar_path(candidate) == path:
                number = candidate
                break
        if rng.random() < 0.45 * ENGAGEMENT_BY_INTENT[self.intent]:
            live = self.world.webinar_ts(number) + rng.uniform(0, 10) * MINUTE
            self.schedule(live, "session", "direct", self.intent, ("webinar_watch", f"{path}/watch"), None, False)

    # -- events channel ---------------------------------------------------------------------------------
    def on_event_scan(self, ts: float, intent: str) -> None:
        """A badge scan at a trade show: sales ops imports the list into the CRM a few days later."""
        rng = self.rng
        import_ts = business_hours(ts + rng.uniform(1, 6) * DAY, SDR_OFFSET_HOURS, rng)
        self._identify(ts)
        fields = catalog.FORM_FIELDS["contact_sales"]
        self._create_record(import_ts, self.email, self._lead_source(), form_fields=fields, typed_title=self.title)
        if rng.random() < 0.6:
            self._subscribe(import_ts)
        if intent == "high" and rng.random() < 0.5:
            self._route(import_ts + HOUR, "event_conversation")

    # -- CRM records ------------------------------------------------------------------------------------
    def _new_record_id(self) -> str:
        return f"00Q{self.index * 4 + len(self.records):09d}"

    def _create_record(
        self, ts: float, email: str, lead_source: str, form_fields: frozenset[str], typed_title: str | None
    ) -> CrmRecord:
        rng = self.rng
        company = self.company
        work_address = company is not None and self.has_work_email and email == self.email
        account_id = company.account_id if company and work_address else None
        asked_company = "company_name" in form_fields or self.has_work_email
        company_name = company.name if company and asked_company else "[not provided]"
        owner = rng.choice(self.world.marketing).user_id
        state = {
            "record_id": self._new_record_id(),
            "record_type": "lead",
            "email": self.feed.address(email),
            "first_name": self.first_name if "first_name" in form_fields else None,
            "last_name": self.last_name if "last_name" in form_fields else "[not provided]",
            "phone": self.phone if "phone" in form_fields else None,
            "title": typed_title,
            "seniority": None,
            "company_name": company_name,
            "account_id": account_id,
            "country": self.country if "country" in form_fields else None,
            "lead_source": lead_source,
            "status": "New",
            "owner_id": owner,
            "created_at": ts,
            "updated_at": ts,
            "is_deleted": False,
            "merged_into_record_id": None,
        }
        values = self.feed.optional("crm/leads", [state[c] for c in LEAD_COLUMNS])
        state.update(dict(zip(LEAD_COLUMNS, values, strict=True)))
        record = CrmRecord(state["record_id"], ts, state)
        record.snapshots.append((ts, dict(state)))
        self.records.append(record)
        self.truth.crm_record_ids.append(record.record_id)
        if self.active is None:
            self.active = record
            self._status(ts, "New", None, INTEGRATION_USER)
        enrich_share = 0.85 if self.has_work_email else 0.35
        if rng.random() < enrich_share:
            self.schedule(ts + rng.uniform(2 * HOUR, 3 * DAY), "enrich", record.record_id)
        return record

    def _record(self, record_id: str) -> CrmRecord:
        return next(r for r in self.records if r.record_id == record_id)

    def _change(self, record: CrmRecord, ts: float, changes: dict[str, Any], by: str) -> None:
        for name, value in changes.items():
            old = record.state.get(name)
            if old == value:
                continue
            if name in HISTORY_FIELDS:
                self.feed.land(
                    schema.FIELD_HISTORY,
                    crm_sync_after(ts),
                    [short_id(self.rng, "017"), "lead", record.record_id, name,
                     None if old is None else str(old), None if value is None else str(value),
                     by, self.feed.crm_time(ts, SDR_OFFSET_HOURS)],
                )  # fmt: skip
            record.state[name] = value
        record.state["updated_at"] = ts
        record.snapshots.append((ts, dict(record.state)))

    def on_enrich(self, ts: float, record_id: str) -> None:
        record = self._record(record_id)
        if record.state["is_deleted"]:
            return
        rng = self.rng
        seniority = None if self.seniority == "Unemployed" else self.seniority
        if seniority and rng.random() < 0.1:
            seniority = rng.choice(list(catalog.TITLES)[:6])
        changes: dict[str, Any] = {"seniority": seniority, "title": record.state["title"] or self.title}
        matchable = self.company is not None and self.company.kind != "competitor"
        if matchable and record.state["account_id"] is None and rng.random() < 0.5:
            changes["account_id"] = self.company.account_id
            changes["company_name"] = self.company.name
        if record.state["country"] is None:
            changes["country"] = self.country
        if record.state["phone"] is None and rng.random() < 0.6:
            changes["phone"] = self.phone
        self._change(record, ts, changes, ENRICHMENT_USER)

    def on_job_change(self, ts: float) -> None:
        """A promotion: the title and seniority the CRM knows change from this moment."""
        order = ["Entry", "Individual Contributor", "Manager", "Director", "VP", "C-Level"]
        if self.seniority not in order or self.active is None:
            return
        self.seniority = order[min(len(order) - 1, order.index(self.seniority) + 1)]
        self.title = self.rng.choice(catalog.TITLES[self.seniority])
        self._change(self.active, ts, {"title": self.title, "seniority": self.seniority}, ENRICHMENT_USER)

    def on_duplicate(self, ts: float) -> None:
        """The person lands in the CRM a second time: either they register with another address,
        or a purchased or event list brings them in again with the address typed differently,
        so the CRM's exact-match duplicate rule lets it through."""
        if len(self.records) != 1:
            return
        rng = self.rng
        if self.duplicate_mode == "other_address":
            local = self.first_name.lower().encode("ascii", "ignore").decode() or "me"
            domain = rng.choice(("gmail.com", "icloud.com"))
            other = f"{local}.{self.last_name[:3].lower()}{self.index % 1000}@{domain}"
            other = other.replace(" ", "").replace("'", "")
            path = rng.choice(CATEGORY_PATHS["webinar"])
            device = self.devices[0]
            title = catalog.CONTENT["webinar"][2].format(slug=path.rsplit("/", 1)[-1].replace("-", " "))
            url = self.pageview(ts, device, path, title, None, (None,) * 5, "", self.offset_hours)
            self.submit_form(ts + rng.uniform(30, 200), device, "webinar_registration", url, email=other)
            return
        import_ts = business_hours(ts, SDR_OFFSET_HOURS, rng)
        record = self._create_record(
            import_ts, self.email, rng.choice(("List Import", "Trade Show")),
            form_fields=frozenset({"first_name", "last_name", "company_name", "country"}), typed_title=self.title,
        )  # fmt: skip
        record.state["email"] = self.feed.noisy_address(self.email)
        record.snapshots[-1] = (import_ts, dict(record.state))
        self._plan_merge(import_ts)

    def _plan_merge(self, ts: float) -> None:
        rng = self.rng
        if rng.random() < self.m.merge_rate:
            self.schedule(ts + rng.uniform(3, 60) * DAY, "merge", rng.random() < self.m.merge_chain_rate)

    def on_merge(self, ts: float, chain: bool) -> None:
        """Sales operations merges duplicates; a chain merges the survivor into a third record later."""
        rng = self.rng
        live = [r for r in self.records if not r.state["is_deleted"]]
        if len(live) < 2:
            return
        admin = rng.choice(self.world.admins).user_id
        loser, winner = (live[0], live[1]) if rng.random() < 0.5 or chain else (live[1], live[0])
        self._merge(ts, loser, winner, admin)
        if chain:
            self.schedule(ts + rng.uniform(5, 40) * DAY, "chain_reimport")

    def on_chain_reimport(self, ts: float) -> None:
        rng = self.rng
        import_ts = business_hours(ts, SDR_OFFSET_HOURS, rng)
        survivor = next(r for r in self.records if not r.state["is_deleted"])
        third = self._create_record(
            import_ts, self.email, "List Import", form_fields=frozenset({"first_name", "last_name"}),
            typed_title=None,
        )  # fmt: skip
        third.state["email"] = self.feed.noisy_address(self.email)
        third.snapshots[-1] = (import_ts, dict(third.state))
        merge_ts = import_ts + rng.uniform(2, 30) * DAY
        self.schedule(merge_ts, "merge_into", survivor.record_id, third.record_id)

    def on_merge_into(self, ts: float, loser_id: str, winner_id: str) -> None:
        self._merge(ts, self._record(loser_id), self._record(winner_id), self.rng.choice(self.world.admins).user_id)

    def _merge(self, ts: float, loser: CrmRecord, winner: CrmRecord, admin: str) -> None:
        fill = {
            name: loser.state[name]
            for name in ("title", "seniority", "phone", "country", "account_id", "first_name")
            if winner.state.get(name) is None and loser.state.get(name) is not None
        }
        if fill:
            self._change(winner, ts, fill, admin)
        if loser.state["status"] != winner.state["status"] and self.active is loser:
            self._change(winner, ts, {"status": loser.state["status"], "owner_id": loser.state["owner_id"]}, admin)
        loser.state["merged_into_record_id"] = winner.record_id
        self._change(loser, ts, {"is_deleted": True}, admin)
        if self.active is loser:
            self.active = winner

    # -- e-mail ---------------------------------------------------------------------------------------
    def _subscribe(self, ts: float) -> None:
        if self.subscribed or self.unsubscribed_for_good():
            return
        self.subscribed = True
        self._consented = True
        self.unopened_streak = 0
        self._schedule_programme(ts)

    def _schedule_programme(self, after_ts: float) -> None:
        send = self.world.next_programme_send(after_ts)
        if send is None:
            return
        send_ts, campaign_id, name, category, path = send
        self.schedule(send_ts + self.rng.uniform(0, 20) * MINUTE, "programme_send", campaign_id, name, category, path)

    def on_programme_send(self, ts: float, campaign_id: str, name: str, category: str, path: str) -> None:
        if not self.subscribed:
            return
        self.send_email(ts, campaign_id, name, category, path)
        if self.subscribed:
            self._schedule_programme(ts + HOUR)

    def _start_nurture(self, ts: float, form: str) -> None:
        key = f"nurture:{form}"
        if key in self.forms_done:
            return
        self.forms_done.add(key)
        steps = (("case_study", 2), ("webinar", 6), ("pricing", 13))
        for step, (category, days) in enumerate(steps, start=1):
            path = self.rng.choice(CATEGORY_PATHS[category])
            campaign_id = f"nurture-{form.split('_')[0]}-{step}"
            name = f"Nurture: {form.replace('_', ' ')} step {step}"
            self.schedule(
                ts + days * DAY + self.rng.uniform(0, 2 * HOUR), "nurture_send", campaign_id, name, category, path
            )

    def on_nurture_send(self, ts: float, campaign_id: str, name: str, category: str, path: str) -> None:
        if getattr(self, "_consented", False) and not self.unsubscribed_for_good():
            self.send_email(ts, campaign_id, name, category, path)

    def unsubscribed_for_good(self) -> bool:
        return getattr(self, "_gone", False)

    def send_email(self, ts: float, campaign_id: str, name: str, category: str, path: str) -> None:
        """One marketing message and whatever the recipient (or their mail client) does with it."""
        rng, feed, persona = self.rng, self.feed, self.persona
        if self.unsubscribed_for_good():
            return
        send_id = new_id(rng)
        recipient = feed.address(self.email)
        link = f"{catalog.SITE}{path}"

        def event(when: float, event_type: str, link_url: str | None = None, bounce: str | None = None,
                  agent: str | None = None) -> None:  # fmt: skip
            feed.deliver(
                schema.EMAIL_EVENTS,
                feed.email_load(when),
                [new_id(rng), send_id, event_type, recipient, campaign_id, name, link_url, bounce, agent,
                 feed.email_time(when)],
            )  # fmt: skip

        event(ts, "processed")
        if self.bad_address:
            event(ts + rng.uniform(2, 60), "bounce", bounce="hard")
            self._gone = True
            self.subscribed = False
            return
        if rng.random() < 0.01:
            event(ts + rng.uniform(2, 600), "bounce", bounce="soft")
            return
        delivered = ts + rng.uniform(1, 90)
        event(delivered, "delivered")
        if self._machine_opens():
            event(delivered + rng.uniform(20, 900), "open", agent=catalog.MACHINE_OPEN_USER_AGENT)
        engagement = ENGAGEMENT_BY_INTENT[self.intent] * (0.6 if self.sales_state == "closed" else 1.0)
        opened = rng.random() < min(0.95, persona.open_rate * engagement)
        if opened:
            self.unopened_streak = 0
            open_ts = delivered + min(5 * DAY, rng.lognormvariate(math.log(3 * HOUR), 1.3))
            event(open_ts, "open", agent=rng.choice(catalog.EMAIL_CLIENT_USER_AGENTS))
            if rng.random() < min(0.9, persona.click_rate * engagement):
                click_ts = open_ts + rng.uniform(5, 180)
                event(click_ts, "click", link_url=f"{link}?utm_campaign={campaign_id}")
                self.schedule(click_ts + rng.uniform(1, 5), "session", "email", self.intent, (category, path),
                              (campaign_id, send_id), False)  # fmt: skip
        else:
            self.unopened_streak += 1
        if rng.random() < persona.unsubscribe_rate * (3 if not opened else 1):
            event(delivered + rng.uniform(60, 2 * DAY), "unsubscribe")
            self.subscribed = False
            self._gone = True
        elif rng.random() < 0.0004:
            event(delivered + rng.uniform(60, DAY), "spamreport")
            self.subscribed = False
            self._gone = True
        elif self.unopened_streak >= SUNSET_AFTER_UNOPENED:
            self.subscribed = False  # the sunset policy stops programme mail to the unengaged

    def _machine_opens(self) -> bool:
        if not hasattr(self, "_mpp"):
            self._mpp = self.rng.random() < 0.2
        return self._mpp

    # -- sales ------------------------------------------------------------------------------------------
    def _check_routing(self, ts: float) -> None:
        if self.identified_ts is None:
            return
        recent = [t for t in self.high_intent_views if ts - t <= ROUTING_WINDOW]
        self.high_intent_views = recent
        if len(recent) >= ROUTING_MIN_HIGH_INTENT_VIEWS and len({int(t // DAY) for t in recent}) >= 2:
            self._route(ts + self.rng.uniform(5, 60) * MINUTE, "engagement")

    def _status(self, ts: float, status: str, reason: str | None, by: str, bant: tuple[Any, ...] = ()) -> None:
        record = self.active
        if record is None:
            return
        rng = self.rng
        lead_ref = record.record_id
        if rng.random() < self.m.orphan_reference_rate:
            lead_ref = f"00Q{rng.randrange(900_000_000, 999_999_999)}"
        budget, authority, need, timeline = bant if bant else (None, None, None, None)
        self.feed.land(
            schema.LEAD_STATUS_CHANGES,
            crm_sync_after(ts),
            [short_id(rng, "LSC"), lead_ref, status, reason, budget, authority, need, timeline, by,
             self.feed.crm_time(ts, SDR_OFFSET_HOURS)],
        )  # fmt: skip
        self._change(record, ts, {"status": status}, by)

    def _activity(self, ts: float, kind: str, subject: str, outcome: str, owner: str) -> None:
        rng = self.rng
        if self.active is None:
            return
        lead_ref, owner_ref = self.active.record_id, owner
        if rng.random() < self.m.orphan_reference_rate:
            if rng.random() < 0.7:
                lead_ref = f"00Q{rng.randrange(900_000_000, 999_999_999)}"
            else:
                owner_ref = f"005{rng.randrange(900_000_000, 999_999_999)}"
        logged = ts + (rng.uniform(1, 5) * DAY if rng.random() < 0.1 else rng.uniform(1, 120) * MINUTE)
        self.feed.land(
            schema.ACTIVITIES,
            crm_sync_after(logged),
            [short_id(rng, "00T"), kind, subject, lead_ref, owner_ref, outcome,
             self.feed.crm_time(ts, SDR_OFFSET_HOURS), self.feed.crm_time(logged, 0)],
        )  # fmt: skip

    def _route(self, ts: float, why: str) -> None:
        """Marketing hands the lead to sales (the world's own MQL, whatever our scoring will say)."""
        if self.active is None or self.disqualified or self.customer:
            return
        if self.sales_state not in ("none", "nurture"):
            return
        if self.sales_state == "nurture" and ts - self.last_decision_ts < RECYCLE_COOLDOWN:
            return
        rng = self.rng
        self.sales_state = "routed"
        self.sales_cycle += 1
        self.truth.mql_count += 1
        if self.truth.mql_ts is None:
            self.truth.mql_ts = ts
        self.sdr_id = rng.choice(self.world.sdrs).user_id
        self._change(self.active, ts, {"owner_id": self.sdr_id}, INTEGRATION_USER)
        if rng.random() < 0.07:
            # nobody picks it up; a clean-up a month later parks it
            self.schedule(ts + rng.uniform(25, 45) * DAY, "cleanup", self.sales_cycle)
            return
        hand_raise = why in ("hand_raise", "event_conversation")
        median = 3 * HOUR if hand_raise else 30 * HOUR
        first_touch = business_hours(ts + rng.lognormvariate(math.log(median), 0.9), SDR_OFFSET_HOURS, rng)
        self.schedule(first_touch, "sales_touch", self.sales_cycle, 1, hand_raise)

    def on_cleanup(self, ts: float, cycle: int) -> None:
        if cycle != self.sales_cycle or self.sales_state != "routed":
            return
        self._park(ts, "No response", rng_user=self.rng.choice(self.world.admins).user_id)

    def _park(self, ts: float, reason: str, rng_user: str) -> None:
        self.sales_state = "nurture"
        self.last_decision_ts = ts
        self.truth.nurture_count += 1
        self._status(ts, "Nurture", reason, rng_user)

    def on_sales_touch(self, ts: float, cycle: int, attempt: int, hand_raise: bool) -> None:
        if cycle != self.sales_cycle or self.sales_state not in ("routed", "working"):
            return
        rng, sdr = self.rng, self.sdr_id or self.world.sdrs[0].user_id
        if self.sales_state == "routed":
            self.sales_state = "working"
            self._status(ts, "Working", None, sdr)
        connect = self.persona.connect_rate * (1.3 if hand_raise else 1.0)
        if self.bad_address and rng.random() < 0.5:
            connect *= 0.3
        if rng.random() < connect:
            self._activity(ts, "Call", "Intro call", "Connected", sdr)
            self.schedule(ts + rng.uniform(0.1, 2) * DAY, "sales_decision", cycle, hand_raise)
            return
        self._activity(ts, "Call", f"Call attempt {attempt}", rng.choice(catalog.CALL_OUTCOMES_MISSED), sdr)
        if rng.random() < 0.5:
            self._activity(ts + 10 * MINUTE, "Email", f"Following up ({attempt})", "Sent", sdr)
        if attempt >= 5:
            self.schedule(ts + rng.uniform(1, 4) * DAY, "give_up", cycle)
            return
        next_ts = business_hours(ts + rng.uniform(1, 3) * DAY, SDR_OFFSET_HOURS, rng)
        self.schedule(next_ts, "sales_touch", cycle, attempt + 1, hand_raise)

    def on_give_up(self, ts: float, cycle: int) -> None:
        if cycle == self.sales_cycle and self.sales_state == "working":
            self._park(ts, "No response", self.sdr_id or self.world.sdrs[0].user_id)

    def _fit(self) -> float:
        if self.company is None:
            return 0.3
        if self.company.is_icp:
            return 1.0
        return 0.35 if self.company.employees < 20 else 0.6

    def on_sales_decision(self, ts: float, cycle: int, hand_raise: bool) -> None:
        if cycle != self.sales_cycle or self.sales_state != "working":
            return
        rng, persona, sdr = self.rng, self.persona, self.sdr_id or self.world.sdrs[0].user_id
        self.last_decision_ts = ts
        never_buys = persona.disqualify_reason is not None and persona.qualify_weight < 0.11
        if never_buys or persona.disqualify_reason == "Existing customer":
            self.disqualified = True
            self.sales_state = "closed"
            self.truth.disqualified_ts = ts
            self._status(ts, "Unqualified", persona.disqualify_reason, sdr)
            return
        intent_factor = {"low": 0.15, "medium": 0.55, "high": 0.95}[self.intent]
        accept = persona.qualify_weight * intent_factor * self._fit() * (1.25 if hand_raise else 1.0)
        if rng.random() < accept:
            self._qualify(ts, sdr)
            return
        if self.company and self.company.employees < 20 and rng.random() < 0.6:
            reason = "Company too small"
        elif persona.disqualify_reason and rng.random() < 0.6:
            reason = persona.disqualify_reason
        elif rng.random() < 0.05:
            reason = "Invalid contact details"
        else:
            self._park(ts, rng.choice(("Timing - not now", "No budget this year")), sdr)
            return
        self.disqualified = True
        self.sales_state = "closed"
        self.truth.disqualified_ts = ts
        self._status(ts, "Unqualified", reason, sdr)

    def _bant(self) -> tuple[Any, ...]:
        rng = self.rng
        high = self.intent == "high"
        budget = rng.choice(catalog.BANT_BUDGET["approved" if high and rng.random() < 0.7 else "pending"])
        authority_key = "decision_maker" if self.persona.name == "decision_maker" else "influencer"
        authority = rng.choice(catalog.BANT_AUTHORITY[authority_key])
        need = rng.choice(catalog.BANT_NEED["confirmed" if rng.random() < 0.8 else "exploring"])
        timeline = rng.choice(catalog.BANT_TIMELINE["0-3" if high else rng.choice(("3-6", "6-12", "unknown"))])
        values = [budget, authority, need, timeline]
        for position in range(4):
            if rng.random() < 0.12:
                values[position] = None  # sales left it empty
        return tuple(values)

    def _qualify(self, ts: float, sdr: str) -> None:
        rng = self.rng
        self.sales_state = "qualified"
        if self.truth.sql_ts is None:
            self.truth.sql_ts = ts
        self._status(ts, "Qualified", None, sdr, self._bant())
        self.ae_id = (self.company.owner_id if self.company else None) or rng.choice(self.world.aes).user_id
        discovery = business_hours(ts + rng.uniform(1, 6) * DAY, SDR_OFFSET_HOURS, rng)
        self.schedule(discovery, "discovery", self.sales_cycle)

    def on_discovery(self, ts: float, cycle: int) -> None:
        if cycle != self.sales_cycle or self.sales_state != "qualified" or self.active is None:
            return
        rng = self.rng
        ae = self.ae_id or self.world.aes[0].user_id
        if rng.random() < 0.1:
            self._activity(ts, "Discovery Call", "Discovery call", "No show", ae)
            self.schedule(business_hours(ts + rng.uniform(2, 5) * DAY, SDR_OFFSET_HOURS, rng), "discovery", cycle)
            return
        self._activity(ts, "Discovery Call", "Discovery call", "Completed", ae)
        self._change(self.active, ts + HOUR, {"owner_id": ae}, INTEGRATION_USER)
        intent_factor = {"low": 0.35, "medium": 0.75, "high": 1.0}[self.intent]
        persona_factor = {"decision_maker": 1.0, "influencer": 0.85, "consultant": 0.7}.get(self.persona.name, 0.5)
        chance = 0.68 * intent_factor * persona_factor * (1.0 if self._fit() == 1.0 else 0.75)
        if rng.random() < chance:
            self.schedule(ts + rng.uniform(0.2, 4) * DAY, "open_opportunity", cycle)
        else:
            self._park(ts + rng.uniform(1, 3) * DAY, "Timing - not now", ae)

    def on_open_opportunity(self, ts: float, cycle: int) -> None:
        if cycle != self.sales_cycle or self.sales_state != "qualified" or self.active is None:
            return
        rng = self.rng
        ae = self.ae_id or self.world.aes[0].user_id
        self.sales_state = "opportunity"
        if self.truth.opportunity_ts is None:
            self.truth.opportunity_ts = ts
        company = self.company
        employees = company.employees if company else 10
        amount = round(min(400_000, max(6_000, 15_000 * math.sqrt(employees / 100) * rng.uniform(0.7, 1.3))), -2)
        account_id = company.account_id if company else None
        contact_ref = self.active.record_id
        if rng.random() < self.m.orphan_reference_rate:
            if rng.random() < 0.5:
                account_id = f"001{rng.randrange(900_000_000, 999_999_999)}"
            else:
                contact_ref = f"00Q{rng.randrange(900_000_000, 999_999_999)}"
        number = self.index * 4 + len(self.opportunities)
        state = {
            "opportunity_id": f"006{number:09d}",
            "opportunity_name": f"{company.name if company else self.last_name} - New Business",
            "account_id": account_id,
            "primary_contact_record_id": contact_ref,
            "owner_id": ae,
            "stage": catalog.OPPORTUNITY_STAGES[0],
            "amount": float(amount),
            "currency_code": "USD",
            "close_date": ts + rng.uniform(60, 90) * DAY,
            "is_closed": False,
            "is_won": False,
            "lost_reason": None,
            "created_at": ts,
            "updated_at": ts,
            "is_deleted": False,
        }
        opportunity = CrmRecord(state["opportunity_id"], ts, state)
        self.opportunities.append(opportunity)
        self._opportunity_change(opportunity, ts, {}, ae)
        self._change(self.active, ts, {"status": "Converted", "record_type": "contact"}, ae)
        self._status_row_only(ts, "Converted", ae)
        if self.active.state["account_id"] is None and company and company.kind != "competitor":
            self._change(self.active, ts, {"account_id": company.account_id}, ae)
        self._activity(business_hours(ts + rng.uniform(2, 10) * DAY, SDR_OFFSET_HOURS, rng), "Demo",
                       "Product demo", "Completed", ae)  # fmt: skip
        # the outcome depends on fit and intent; the stage it is lost in is drawn up front
        fit = self._fit()
        persona_factor = {"decision_maker": 1.2, "influencer": 0.9, "consultant": 0.6}.get(self.persona.name, 0.5)
        intent_factor = {"low": 0.5, "medium": 0.8, "high": 1.15}[self.intent]
        won = rng.random() < min(0.85, 0.24 * persona_factor * intent_factor * (1.2 if fit == 1.0 else 0.45))
        last_stage = len(catalog.OPPORTUNITY_STAGES) if won else rng.randint(1, len(catalog.OPPORTUNITY_STAGES))
        at = ts
        for stage_number in range(1, last_stage):
            at += max(DAY, rng.expovariate(1 / (12 * DAY)))
            self.schedule(at, "opportunity_stage", opportunity.record_id, catalog.OPPORTUNITY_STAGES[stage_number])
        at += max(DAY, rng.expovariate(1 / (14 * DAY)))
        self.schedule(at, "opportunity_close", opportunity.record_id, won)

    def _status_row_only(self, ts: float, status: str, by: str) -> None:
        rng = self.rng
        self.feed.land(
            schema.LEAD_STATUS_CHANGES,
            crm_sync_after(ts),
            [short_id(rng, "LSC"), self.active.record_id if self.active else None, status, None, None, None, None,
             None, by, self.feed.crm_time(ts, SDR_OFFSET_HOURS)],
        )  # fmt: skip

    def _opportunity(self, opportunity_id: str) -> CrmRecord:
        return next(o for o in self.opportunities if o.record_id == opportunity_id)

    def _opportunity_change(self, opportunity: CrmRecord, ts: float, changes: dict[str, Any], by: str) -> None:
        opportunity.state.update(changes)
        opportunity.state["updated_at"] = ts
        opportunity.snapshots.append((ts, dict(opportunity.state)))
        state = opportunity.state
        self.feed.land(
            schema.OPPORTUNITY_HISTORY,
            crm_sync_after(ts),
            [short_id(self.rng, "008"), opportunity.record_id, state["stage"], state["amount"],
             _date_text(state["close_date"]), by, self.feed.crm_time(ts, SDR_OFFSET_HOURS)],
        )  # fmt: skip

    def on_opportunity_stage(self, ts: float, opportunity_id: str, stage: str) -> None:
        opportunity = self._opportunity(opportunity_id)
        changes: dict[str, Any] = {"stage": stage}
        if stage == "Proposal":
            changes["amount"] = round(opportunity.state["amount"] * self.rng.uniform(0.8, 1.25), -2)
        if ts > opportunity.state["close_date"] - 5 * DAY:
            changes["close_date"] = opportunity.state["close_date"] + 30 * DAY
        self._opportunity_change(opportunity, ts, changes, opportunity.state["owner_id"])

    def on_opportunity_close(self, ts: float, opportunity_id: str, won: bool) -> None:
        rng = self.rng
        opportunity = self._opportunity(opportunity_id)
        changes = {
            "stage": "Closed Won" if won else "Closed Lost",
            "is_closed": True,
            "is_won": won,
            "close_date": ts,
            "lost_reason": None if won else rng.choice(catalog.LOST_REASONS),
        }
        self._opportunity_change(opportunity, ts, changes, opportunity.state["owner_id"])
        if won:
            self.customer = True
            self.sales_state = "closed"
            self.truth.won_ts = ts
        else:
            if self.truth.lost_ts is None:
                self.truth.lost_ts = ts
            self.last_decision_ts = ts
            self.schedule(ts + rng.uniform(1, 10) * DAY, "after_loss")

    def on_after_loss(self, ts: float) -> None:
        if self.sales_state == "opportunity":
            self._park(ts, "Opportunity lost", self.ae_id or self.world.aes[0].user_id)

    # -- closing the books ------------------------------------------------------------------------------
    def _finish(self) -> None:
        feed = self.feed
        for record in self.records:
            created_text = feed.crm_time(record.created_ts, SDR_OFFSET_HOURS)
            for sync_ts, state in _last_per_sync(record.snapshots):
                values = [state[c] for c in LEAD_COLUMNS]
                values[LEAD_COLUMNS.index("created_at")] = created_text
                values[LEAD_COLUMNS.index("updated_at")] = feed.crm_time(state["updated_at"], 0)
                feed.land(schema.LEADS, sync_ts, values)
        for opportunity in self.opportunities:
            for sync_ts, state in _last_per_sync(opportunity.snapshots):
                values = [state[c] for c in OPPORTUNITY_COLUMNS]
                values[OPPORTUNITY_COLUMNS.index("close_date")] = _date_text(state["close_date"])
                values[OPPORTUNITY_COLUMNS.index("created_at")] = feed.crm_time(opportunity.created_ts, 0)
                values[OPPORTUNITY_COLUMNS.index("updated_at")] = feed.crm_time(state["updated_at"], 0)
                feed.land(schema.OPPORTUNITIES, sync_ts, values)
        self.truth.peak_intent = self.peak_intent


def _date_text(ts: float) -> str:
    from .timefmt import ts_to_date

    return ts_to_date(ts).isoformat()


def _last_per_sync(snapshots: list[tuple[float, dict[str, Any]]]) -> list[tuple[float, dict[str, Any]]]:
    """A CRM sync sees only the last state a record had before it ran."""
    by_sync: dict[float, dict[str, Any]] = {}
    for ts, state in snapshots:
        by_sync[crm_sync_after(ts)] = state
    return sorted(by_sync.items(), key=lambda item: item[0])


class AnonymousVisitor:
    """Someone who reads a page or two and never says who they are."""

    def __init__(self, prospect: ProspectLife, number: int) -> None:
        self.prospect = prospect
        self.number = number

    def run(self) -> None:
        p = self.prospect
        rng = p.rng
        first_ts = p.arrival_ts + rng.uniform(-SIDE_CHARACTER_LEAD_DAYS, SIDE_CHARACTER_LEAD_DAYS) * DAY
        country = p.world.pick_country(rng)
        offset = catalog.COUNTRIES[country][1]
        device = (new_id(rng), rng.choice(catalog.HUMAN_USER_AGENTS), public_ip(rng))
        channel = pick(rng, {"organic_search": 0.5, "direct": 0.2, "paid_search": 0.1, "paid_social": 0.1,
                             "referral": 0.1})  # fmt: skip
        truth = Truth(
            person_id=f"P{p.index:09d}-A{self.number}",
            person_index=p.index,
            kind="anonymous_visitor",
            persona=None,
            account_id=None,
            is_icp=False,
            first_intent=None,
            peak_intent=None,
            first_touch_ts=first_ts,
            first_touch_channel=channel,
            anonymous_ids=[device[0]],
        )
        p.truths.append(truth)
        ts = first_ts
        for visit in range(1 + (rng.random() < 0.3)):
            if visit:
                ts += rng.uniform(1, 40) * DAY
                channel = "direct"
            referrer, *utm, query = p._tags(channel, None, None)
            category = pick(rng, LANDING_BY_CHANNEL[channel])
            for page in range(1 + poisson(rng, 0.6)):
                path = rng.choice(CATEGORY_PATHS[category])
                title = catalog.CONTENT[category][2].format(slug=path.rsplit("/", 1)[-1])
                referrer = p.pageview(
                    ts, device, path, title, referrer, tuple(utm) if page == 0 else (None,) * 5,
                    query if page == 0 else "", offset,
                )  # fmt: skip
                p._side_traffic(ts, path)
                ts += rng.uniform(10, 120)
                category = pick(rng, {"blog": 1.0, "home": 0.5, "product": 0.5, "pricing": 0.2})


class TestLead:
    """An employee tries the web-to-lead form or the CRM and leaves a test record behind."""

    __test__ = False  # not a pytest class

    def __init__(self, prospect: ProspectLife) -> None:
        self.prospect = prospect

    def run(self) -> None:
        p = self.prospect
        rng, world = p.rng, p.world
        ts = business_hours(p.arrival_ts + rng.uniform(0, 5) * DAY, SDR_OFFSET_HOURS, rng)
        email = rng.choice(
            (f"test+{p.index}@{catalog.VENDOR_DOMAIN}", "test@test.com", f"asdf{p.index % 100}@asdf.com",
             f"qa.{p.index}@{catalog.VENDOR_DOMAIN}", "noreply@example.com")
        )  # fmt: skip
        first, last = rng.choice((("Test", "Test"), ("Test", "Lead"), ("asdf", "asdf"), ("QA", "DO NOT CALL")))
        creator = rng.choice(world.marketing + world.admins).user_id
        record_id = f"00Q{p.index * 4 + 3:09d}"
        truth = Truth(
            person_id=f"P{p.index:09d}-T",
            person_index=p.index,
            kind="test_lead",
            persona=None,
            account_id=None,
            is_icp=False,
            first_intent=None,
            peak_intent=None,
            first_touch_ts=ts,
            first_touch_channel=None,
            identified_ts=ts,
            emails=[email],
            crm_record_ids=[record_id],
        )
        p.truths.append(truth)
        if rng.random() < 0.5:
            device = (new_id(rng), catalog.HUMAN_USER_AGENTS[0], f"{catalog.OFFICE_NETWORK}{rng.randint(10, 49)}")
            truth.anonymous_ids.append(device[0])
            p.feed.deliver(
                schema.FORM_SUBMISSIONS,
                p.feed.web_load(ts),
                [new_id(rng), device[0], "contact_sales", f"{catalog.SITE}/contact-sales", email, first, last,
                 "Lumen Data", "QA", None, "US", False, device[1], device[2], p.feed.web_time(ts, 1)],
            )  # fmt: skip
        values = {
            "record_id": record_id, "record_type": "lead", "email": email, "first_name": first, "last_name": last,
            "phone": "+1 555 0100", "title": "Test", "seniority": None, "company_name": "Test Company",
            "account_id": None, "country": "US", "lead_source": "Other", "status": "New", "owner_id": creator,
            "created_at": p.feed.crm_time(ts, 0), "updated_at": p.feed.crm_time(ts, 0), "is_deleted": False,
            "merged_into_record_id": None,
        }  # fmt: skip
        p.feed.land(schema.LEADS, crm_sync_after(ts), [values[c] for c in LEAD_COLUMNS])
        if rng.random() < 0.5:
            deleted_ts = ts + rng.uniform(1, 20) * DAY
            values.update(is_deleted=True, updated_at=p.feed.crm_time(deleted_ts, 0))
            p.feed.land(schema.LEADS, crm_sync_after(deleted_ts), [values[c] for c in LEAD_COLUMNS])


def truth_row(truth: Truth) -> dict[str, Any]:
    def micros(ts: float | None) -> int | None:
        return None if ts is None else to_micros(ts)

    return {
        "person_id": truth.person_id,
        "person_index": truth.person_index,
        "kind": truth.kind,
        "persona": truth.persona,
        "account_id": truth.account_id,
        "is_icp": truth.is_icp,
        "first_intent": truth.first_intent,
        "peak_intent": truth.peak_intent,
        "first_touch_at": micros(truth.first_touch_ts),
        "first_touch_channel": truth.first_touch_channel,
        "identified_at": micros(truth.identified_ts),
        "emails": truth.emails,
        "anonymous_ids": truth.anonymous_ids,
        "crm_record_ids": truth.crm_record_ids,
        "mql_at": micros(truth.mql_ts),
        "mql_count": truth.mql_count,
        "sql_at": micros(truth.sql_ts),
        "opportunity_at": micros(truth.opportunity_ts),
        "won_at": micros(truth.won_ts),
        "lost_at": micros(truth.lost_ts),
        "disqualified_at": micros(truth.disqualified_ts),
        "nurture_count": truth.nurture_count,
    }
