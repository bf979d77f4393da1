"""The simulated market: the vendor's website, its e-mail programme, its sales team and the
people who visit. Constants here are the domain knowledge the behaviour is built from."""

from __future__ import annotations

from dataclasses import dataclass

SITE = "https://www.lumendata.io"
VENDOR_DOMAIN = "lumendata.io"
OFFICE_NETWORK = "198.51.100."  # the vendor's office egress range (a documentation range)

# --- content --------------------------------------------------------------------------------
# category -> (intent level 0..5, paths, page title template)
CONTENT: dict[str, tuple[int, tuple[str, ...], str]] = {
    "home": (0, ("/",), "Lumen Data | Customer analytics platform"),
    "blog": (
        1,
        (
            "/blog/what-is-a-customer-data-platform",
            "/blog/attribution-models-explained",
            "/blog/10-dashboards-every-cmo-needs",
            "/blog/sql-tips-for-marketers",
            "/blog/data-quality-checklist",
            "/blog/how-we-built-our-warehouse",
            "/blog/churn-prediction-101",
            "/blog/gdpr-for-analytics-teams",
        ),
        "Blog | {slug}",
    ),
    "about": (0, ("/about", "/about/team", "/about/press"), "About | {slug}"),
    "docs": (1, ("/docs/getting-started", "/docs/api", "/docs/connectors", "/docs/sso"), "Docs | {slug}"),
    "login": (0, ("/app/login",), "Sign in"),
    "partners": (1, ("/partners", "/partners/become-a-partner"), "Partners | {slug}"),
    "careers": (
        -1,
        ("/careers", "/careers/data-engineer", "/careers/account-executive", "/careers/intern-analytics"),
        "Careers | {slug}",
    ),
    "ebook": (
        2,
        (
            "/resources/ebooks/state-of-customer-analytics-2025",
            "/resources/ebooks/guide-to-marketing-attribution",
            "/resources/ebooks/building-a-data-team",
        ),
        "Ebook | {slug}",
    ),
    "whitepaper": (
        2,
        ("/resources/whitepapers/security-architecture", "/resources/whitepapers/total-cost-of-ownership"),
        "Whitepaper | {slug}",
    ),
    "webinar": (
        2,
        (
            "/webinars/attribution-that-works",
            "/webinars/from-dashboards-to-decisions",
            "/webinars/customer-360-in-30-days",
        ),
        "Webinar | {slug}",
    ),
    "webinar_watch": (
        3,
        (
            "/webinars/attribution-that-works/watch",
            "/webinars/from-dashboards-to-decisions/watch",
            "/webinars/customer-360-in-30-days/watch",
        ),
        "Live now | {slug}",
    ),
    "case_study": (
        3,
        ("/customers/northwind-retail", "/customers/contoso-bank", "/customers/fabrikam-health"),
        "Customer story | {slug}",
    ),
    "product": (
        3,
        ("/product", "/product/integrations", "/product/security", "/product/segmentation", "/product/api"),
        "Product | {slug}",
    ),
    "comparison": (
        4,
        ("/compare/lumen-vs-brightmetrics", "/compare/lumen-vs-quantiva", "/compare/lumen-vs-spreadsheets"),
        "Compare | {slug}",
    ),
    "pricing": (4, ("/pricing", "/pricing/enterprise"), "Pricing"),
    "demo": (5, ("/demo",), "Book a demo"),
    "trial": (5, ("/free-trial",), "Start your free trial"),
    "contact_sales": (5, ("/contact-sales",), "Talk to sales"),
}
HIGH_INTENT_CATEGORIES = frozenset({"case_study", "product", "comparison", "pricing", "webinar_watch"})

# form id -> page category it sits on
FORMS: dict[str, str] = {
    "ebook_download": "ebook",
    "whitepaper_download": "whitepaper",
    "webinar_registration": "webinar",
    "newsletter_signup": "blog",
    "demo_request": "demo",
    "free_trial_signup": "trial",
    "contact_sales": "contact_sales",
    "job_application": "careers",
}
HAND_RAISE_FORMS = frozenset({"demo_request", "free_trial_signup", "contact_sales"})

# --- people ---------------------------------------------------------------------------------
FIRST_NAMES = (
    "Ana", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kate", "Liam",
    "Maria", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Yara",
    "Zoe", "Amara", "Bruno", "Chen", "Dara", "Emil", "Fatima", "Gustav", "Hannah", "Ivan", "Julia",
    "Kofi", "Lena", "Mateo", "Nina", "Oscar", "Priya", "Ravi", "Sofia", "Tomas", "Ulla", "Viktor",
    "Amélie", "José", "Zoë", "Søren",
)  # fmt: skip
LAST_NAMES = (
    "Smith", "Garcia", "Müller", "Rossi", "Dubois", "Kowalski", "Jansen", "Nielsen", "Tanaka", "Kim",
    "Patel", "Singh", "Okafor", "Silva", "Novak", "Fischer", "Moreau", "Larsen", "Costa", "Ivanova",
    "Brown", "Wilson", "Taylor", "Martin", "Lee", "Walker", "Young", "King", "Wright", "Lopez", "Hill",
    "Scott", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Perez", "Roberts", "O'Brien",
    "van der Berg", "Nowak", "Horvat", "Papadopoulos", "Yılmaz", "Andersson", "Haddad", "Cohen", "Sato",
)  # fmt: skip

# seniority picklist value -> titles people type
TITLES: dict[str, tuple[str, ...]] = {
    "C-Level": ("CEO", "Chief Marketing Officer", "CTO", "Chief Data Officer", "COO", "Founder & CEO"),
    "VP": ("VP Marketing", "VP of Data", "Vice President, Analytics", "VP Growth", "SVP Revenue Operations"),
    "Director": ("Director of Marketing", "Head of Analytics", "Director, Data Engineering", "Head of Growth",
                 "Marketing Director", "Director of Business Intelligence"),
    "Manager": ("Marketing Manager", "Analytics Manager", "Data Engineering Manager", "BI Manager",
                "Demand Generation Manager", "Marketing Operations Manager"),
    "Individual Contributor": ("Data Analyst", "Senior Data Analyst", "Analytics Engineer", "Data Engineer",
                               "Marketing Specialist", "BI Developer"),
    "Entry": ("Junior Analyst", "Marketing Coordinator", "Marketing Assistant", "Analytics Intern",
              "Associate", "Sales Development Representative"),
    "Student": ("Student", "MSc Student", "PhD Candidate", "Business Analytics student", "MBA Candidate"),
    "Unemployed": ("Looking for opportunities", "Open to work", "Data Analyst (seeking)", "Recent graduate"),
    "Consultant": ("Consultant", "Senior Consultant", "Partner", "Principal, Data Strategy", "Freelance analyst"),
}  # fmt: skip

FREE_EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "gmx.de", "proton.me")
UNIVERSITY_DOMAINS = (
    "student.uva.nl", "stanford.edu", "ucl.ac.uk", "tum.de", "mit.edu", "student.unimelb.edu.au",
    "iitb.ac.in", "usp.br", "utoronto.ca", "sorbonne-universite.fr",
)  # fmt: skip
COMPETITORS = (("BrightMetrics", "brightmetrics.com"), ("Quantiva", "quantiva.io"), ("DataVista", "datavista.com"))

INDUSTRIES = (
    ("Software", 0.18), ("Financial Services", 0.13), ("Healthcare", 0.11), ("Retail", 0.12),
    ("Manufacturing", 0.12), ("Media", 0.07), ("Logistics", 0.07), ("Education", 0.06),
    ("Government", 0.04), ("Professional Services", 0.10),
)  # fmt: skip
ICP_INDUSTRIES = frozenset({"Software", "Financial Services", "Healthcare", "Retail"})

# country code -> (weight, UTC offset in hours used for local times, phone prefix)
COUNTRIES: dict[str, tuple[float, int, str]] = {
    "US": (0.38, -5, "+1"), "GB": (0.12, 0, "+44"), "DE": (0.10, 1, "+49"), "FR": (0.06, 1, "+33"),
    "NL": (0.05, 1, "+31"), "CA": (0.06, -5, "+1"), "AU": (0.05, 10, "+61"), "IN": (0.07, 5, "+91"),
    "BR": (0.05, -3, "+55"), "JP": (0.03, 9, "+81"), "SE": (0.03, 1, "+46"),
}  # fmt: skip
ICP_COUNTRIES = frozenset({"US", "GB", "DE", "FR", "NL", "CA", "AU", "SE"})

COMPANY_WORDS_A = (
    "Blue", "North", "Iron", "Silver", "Bright", "Green", "Quantum", "Red", "Summit", "Cedar", "Atlas",
    "Nova", "Pioneer", "Harbor", "Granite", "Vertex", "Orbit", "Maple", "Falcon", "Crystal",
)  # fmt: skip
COMPANY_WORDS_B = (
    "wave", "field", "stone", "point", "bridge", "line", "works", "labs", "path", "gate", "forge",
    "peak", "river", "light", "leaf", "scale", "mind", "cloud", "core", "trail",
)  # fmt: skip
COMPANY_SUFFIXES = ("Inc", "GmbH", "Ltd", "BV", "SA", "Group", "Holdings", "Co", "AG", "LLC")

# --- traffic ----------------------------------------------------------------------------------
HUMAN_USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0 Edg/128.0",
)  # fmt: skip
BOT_USER_AGENTS = (
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36",
    "python-requests/2.31.0",
    "curl/8.4.0",
    "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
)
EMAIL_CLIENT_USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Microsoft Outlook 16.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
)
# Apple Mail Privacy Protection pre-fetches every message: an "open" nobody made
MACHINE_OPEN_USER_AGENT = "Mozilla/5.0"

SEARCH_REFERRERS = ("https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/")
REFERRAL_SITES = (
    "https://www.g2.com/products/lumen-data/reviews",
    "https://www.capterra.com/p/lumen-data/",
    "https://news.ycombinator.com/",
    "https://www.reddit.com/r/analytics/",
    "https://partner-blog.example.org/best-analytics-tools",
)
SOCIAL_REFERRERS = ("https://www.linkedin.com/", "https://l.facebook.com/", "https://t.co/")

# channel -> how its traffic is tagged: (utm_source choices, utm_medium choices)
PAID_SEARCH_TAGS = (("google", "bing"), ("cpc", "ppc", "paid_search"))
PAID_SOCIAL_TAGS = (("linkedin", "facebook", "twitter"), ("paid_social", "paid-social", "cpc", "social_paid"))
PAID_CAMPAIGNS = ("brand-2025", "competitor-terms", "analytics-platform", "retargeting-q", "attribution-ebook")
PAID_TERMS = ("customer analytics", "lumen data", "marketing attribution tool", "brightmetrics alternative", "cdp")
EVENT_NAMES = ("saastr-2025", "martech-summit", "big-data-london", "dmexco", "gartner-da-summit")

CHANNELS = ("organic_search", "paid_search", "paid_social", "email", "referral", "events", "direct")

# CRM picklist value sales and marketing ops pick for the lead's source, per channel
LEAD_SOURCE_PICKLIST: dict[str, tuple[str, ...]] = {
    "organic_search": ("Web - Organic", "Organic Search", "Website"),
    "paid_search": ("Paid Search", "Google Ads"),
    "paid_social": ("Paid Social", "LinkedIn Ads"),
    "email": ("Email", "Newsletter"),
    "referral": ("Referral", "Partner Referral", "Review Site"),
    "events": ("Trade Show", "Event"),
    "direct": ("Website", "Direct"),
}


@dataclass(frozen=True)
class Persona:
    name: str
    weight: float
    company_kind: str  # business | university | none | competitor | customer | consulting
    icp_share: float  # for business companies: share that sit in the ideal customer profile
    seniorities: tuple[tuple[str, float], ...]
    free_email_share: float
    intent: tuple[float, float, float]  # P(low), P(medium), P(high) of the first active phase
    channels: tuple[tuple[str, float], ...]
    affinity: dict[str, float]  # content category -> relative appetite
    activity: float  # multiplies the number of sessions
    form_propensity: float  # multiplies the chance of filling a form on a form page
    open_rate: float
    click_rate: float  # given an open
    unsubscribe_rate: float  # per delivered message
    bad_address_share: float  # address hard-bounces
    connect_rate: float  # sales reaches them on a call attempt
    qualify_weight: float  # relative chance sales accepts when in market
    disqualify_reason: str | None  # reason sales records when the persona itself disqualifies


_BASE_AFFINITY = {
    "home": 1.0, "blog": 1.5, "about": 0.2, "docs": 0.2, "login": 0.0, "partners": 0.1, "careers": 0.1,
    "ebook": 0.6, "whitepaper": 0.3, "webinar": 0.4, "case_study": 0.5, "product": 1.0, "comparison": 0.3,
    "pricing": 0.6, "demo": 0.15, "trial": 0.15, "contact_sales": 0.06,
}  # fmt: skip


def _affinity(**overrides: float) -> dict[str, float]:
    return {**_BASE_AFFINITY, **overrides}


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "decision_maker", 0.17, "business", 0.55,
        (("C-Level", 0.2), ("VP", 0.35), ("Director", 0.45)), 0.06, (0.35, 0.38, 0.27),
        (("organic_search", 0.26), ("paid_search", 0.18), ("paid_social", 0.12), ("referral", 0.14),
         ("events", 0.14), ("direct", 0.16)),
        _affinity(pricing=1.4, case_study=1.2, comparison=0.8, demo=0.5, contact_sales=0.25, trial=0.3),
        1.1, 1.0, 0.26, 0.20, 0.002, 0.02, 0.40, 1.0, None,
    ),
    Persona(
        "influencer", 0.22, "business", 0.45,
        (("Manager", 0.5), ("Individual Contributor", 0.5)), 0.12, (0.40, 0.38, 0.22),
        (("organic_search", 0.40), ("paid_search", 0.14), ("paid_social", 0.12), ("referral", 0.10),
         ("events", 0.08), ("direct", 0.16)),
        _affinity(docs=0.6, product=1.5, trial=0.5, webinar=0.8, ebook=1.0),
        1.2, 1.1, 0.30, 0.22, 0.003, 0.02, 0.50, 0.55, None,
    ),
    Persona(
        "entry_level", 0.16, "business", 0.35,
        (("Entry", 1.0),), 0.25, (0.70, 0.25, 0.05),
        (("organic_search", 0.50), ("paid_social", 0.18), ("paid_search", 0.08), ("referral", 0.06),
         ("events", 0.04), ("direct", 0.14)),
        _affinity(blog=2.5, ebook=1.3, pricing=0.4, careers=0.3),
        0.9, 1.0, 0.20, 0.12, 0.005, 0.03, 0.55, 0.12, "Not a decision maker",
    ),
    Persona(
        "student", 0.11, "university", 0.0,
        (("Student", 1.0),), 0.45, (0.90, 0.10, 0.0),
        (("organic_search", 0.62), ("paid_social", 0.14), ("referral", 0.10), ("direct", 0.14)),
        _affinity(blog=3.0, ebook=1.5, trial=0.5, pricing=0.3, careers=0.6),
        0.8, 1.2, 0.14, 0.10, 0.012, 0.06, 0.55, 0.0, "Student",
    ),
    Persona(
        "job_seeker", 0.08, "none", 0.0,
        (("Unemployed", 1.0),), 0.95, (0.92, 0.08, 0.0),
        (("organic_search", 0.45), ("paid_social", 0.25), ("referral", 0.10), ("direct", 0.20)),
        _affinity(careers=6.0, about=2.0, blog=0.8, pricing=0.2, product=0.5),
        0.7, 0.9, 0.10, 0.06, 0.015, 0.10, 0.60, 0.0, "Job seeker",
    ),
    Persona(
        "competitor", 0.04, "competitor", 0.0,
        (("Manager", 0.4), ("Individual Contributor", 0.4), ("Director", 0.2)), 0.30, (0.0, 0.6, 0.4),
        (("direct", 0.45), ("organic_search", 0.40), ("paid_search", 0.15)),
        _affinity(pricing=3.0, comparison=3.0, product=2.0, case_study=1.0, blog=0.5, docs=0.8, trial=0.4),
        1.0, 0.8, 0.35, 0.15, 0.002, 0.02, 0.35, 0.0, "Competitor",
    ),
    Persona(
        "existing_customer", 0.10, "customer", 0.0,
        (("Manager", 0.4), ("Individual Contributor", 0.4), ("Director", 0.2)), 0.03, (0.55, 0.35, 0.10),
        (("direct", 0.55), ("organic_search", 0.25), ("email", 0.0), ("referral", 0.05), ("events", 0.15)),
        _affinity(login=4.0, docs=3.0, webinar=1.2, product=1.2, pricing=0.5, blog=0.8),
        1.5, 0.7, 0.42, 0.25, 0.002, 0.01, 0.60, 0.10, "Existing customer",
    ),
    Persona(
        "consultant", 0.12, "consulting", 0.0,
        (("Consultant", 1.0),), 0.30, (0.45, 0.40, 0.15),
        (("organic_search", 0.30), ("referral", 0.25), ("events", 0.15), ("paid_social", 0.10),
         ("direct", 0.20)),
        _affinity(partners=3.0, case_study=1.5, webinar=1.2, ebook=1.2, whitepaper=0.8),
        1.0, 1.0, 0.30, 0.20, 0.003, 0.02, 0.45, 0.35, None,
    ),
)  # fmt: skip

# why sales rejects or parks a lead that does not qualify (reason -> status)
REJECTION_REASONS = {
    "Student": "Unqualified",
    "Job seeker": "Unqualified",
    "Competitor": "Unqualified",
    "Existing customer": "Unqualified",
    "Not a decision maker": "Unqualified",
    "Company too small": "Unqualified",
    "Invalid contact details": "Unqualified",
    "Duplicate": "Unqualified",
    "Timing - not now": "Nurture",
    "No budget this year": "Nurture",
    "No response": "Nurture",
    "Opportunity lost": "Nurture",
}

# How sales types BANT into free-text fields: (clean meaning, variants as typed)
BANT_BUDGET = {
    "approved": ("Approved", "yes", "Yes - approved", "budget approved", "50k", "$120k", "Y"),
    "pending": ("Pending", "TBD", "in planning", "needs approval", "?"),
    "none": ("No", "no budget", "None", "N"),
}
BANT_AUTHORITY = {
    "decision_maker": ("Decision maker", "DM", "decision-maker", "Economic buyer", "signs off"),
    "influencer": ("Influencer", "Champion", "influencer - reports to VP", "user"),
    "none": ("None", "no authority", "intern"),
}
BANT_NEED = {
    "confirmed": ("Confirmed", "Yes", "strong need", "pain: manual reporting", "clear use case"),
    "exploring": ("Exploring", "maybe", "researching", "nice to have"),
    "none": ("None", "no need", "N"),
}
BANT_TIMELINE = {
    "0-3": ("0-3 months", "this quarter", "ASAP", "Q-end", "< 3 mo"),
    "3-6": ("3-6 months", "next quarter", "H2", "6 months"),
    "6-12": ("6-12 months", "next year", "12 mo", "later this year"),
    "unknown": ("Unknown", "TBD", "?"),
}

OPPORTUNITY_STAGES = ("Discovery", "Demo", "Proposal", "Negotiation")
LOST_REASONS = ("Price", "Competitor", "No decision", "Timing", "Product fit")
CALL_OUTCOMES_MISSED = ("No answer", "Left voicemail", "Wrong number", "Busy")

# crm users: (role, prospects arriving per weekday that one user covers, minimum, maximum)
SALES_TEAM = (("SDR", 8.0, 2, 80), ("AE", 12.0, 2, 60), ("Marketing", 60.0, 1, 10), ("Admin", 200.0, 1, 4))

# how people type their country into a form: code -> variants
COUNTRY_SPELLINGS: dict[str, tuple[str, ...]] = {
    "US": ("US", "USA", "United States", "united states of america", "U.S."),
    "GB": ("GB", "UK", "United Kingdom", "England", "Great Britain"),
    "DE": ("DE", "Germany", "Deutschland"),
    "FR": ("FR", "France"),
    "NL": ("NL", "Netherlands", "The Netherlands", "Holland"),
    "CA": ("CA", "Canada"),
    "AU": ("AU", "Australia"),
    "IN": ("IN", "India"),
    "BR": ("BR", "Brazil", "Brasil"),
    "JP": ("JP", "Japan"),
    "SE": ("SE", "Sweden", "Sverige"),
}

# which fields each form asks for (email always)
FORM_FIELDS: dict[str, frozenset[str]] = {
    "newsletter_signup": frozenset(),
    "ebook_download": frozenset({"first_name", "last_name", "company_name", "job_title", "country"}),
    "whitepaper_download": frozenset({"first_name", "last_name", "company_name", "job_title", "country"}),
    "webinar_registration": frozenset({"first_name", "last_name", "company_name", "job_title"}),
    "demo_request": frozenset({"first_name", "last_name", "company_name", "job_title", "phone", "country"}),
    "free_trial_signup": frozenset({"first_name", "last_name", "company_name", "phone", "country"}),
    "contact_sales": frozenset({"first_name", "last_name", "company_name", "job_title", "phone", "country"}),
    "job_application": frozenset({"first_name", "last_name", "phone"}),
}
