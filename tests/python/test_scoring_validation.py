"""The scoring configuration check: every kind of mistake a marketer can make in seeds/scoring_rules.csv or
seeds/scoring_models.csv stops the build with one message that names the file, the CSV line and the rule or model,
and says what to write instead; a valid file builds; and a broken file publishes nothing."""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from dbt.cli.main import dbtRunnerResult

from conftest import ROOT, MakeDataset, Project

# What a copy of the project needs to build: the seeds are edited in the copy, never in the repository.
PROJECT_FILES = [
    "dbt_project.yml",
    "profiles.yml",
    "models",
    "macros",
    "seeds",
    "tests/generic",
    "tests/singular",
    "analyses",
]
# Only the seeds and models the check needs: a per-mistake build takes about a second.
SCORING_BUILD = [
    "build",
    "--select",
    "+int_scoring_rules",
    "+int_scoring_models",
    "--resource-type",
    "seed",
    "--resource-type",
    "model",
]
ERRORS_VIEW = "main_intermediate.int_scoring_config_errors"
HEADER = "nothing was scored. Fix these rows and run dbt build again:"


@dataclass(frozen=True)
class SeedFile:
    path: str
    key_column: str
    row_kind: str

    def shipped(self) -> tuple[list[str], list[dict[str, str]]]:
        with (ROOT / self.path).open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            return list(reader.fieldnames or []), list(reader)


RULES = SeedFile("seeds/scoring_rules.csv", "rule_id", "rule")
MODELS = SeedFile("seeds/scoring_models.csv", "scoring_model", "scoring model")


@dataclass(frozen=True)
class Mistake:
    """One mistake: `changes` written into the shipped row whose key is `key` (or into a copy of it appended at the
    end, with `append`), and what the build must then say about it."""

    name: str
    seed: SeedFile
    key: str
    changes: dict[str, str]
    error_code: str
    fix: str
    append: bool = False

    @property
    def label(self) -> str:
        key = self.changes.get(self.seed.key_column, self.key).strip()
        if key:
            return f"{self.seed.row_kind} {key}"
        return "rule without a rule_id" if self.seed is RULES else "scoring model without a name"


def rule(name: str, key: str, changes: dict[str, str], error_code: str, fix: str) -> Mistake:
    return Mistake(name, RULES, key, changes, error_code, fix)


def model(name: str, key: str, changes: dict[str, str], error_code: str, fix: str, append: bool = False) -> Mistake:
    return Mistake(name, MODELS, key, changes, error_code, fix, append)


POINTS_NOT_A_NUMBER = rule(
    "points_not_a_whole_number",
    "eng_pricing_page",
    {"points": "ten"},
    "not_a_whole_number",
    "Fix: write the points as a whole number, e.g. 10 or -5.",
)

MISTAKES = [
    # required fields
    rule("rule_id_empty", "eng_newsletter_signup", {"rule_id": ""}, "required_value_missing",
         "Fix: give the rule a short name that no other rule uses"),
    rule("scoring_model_empty", "eng_case_study", {"scoring_model": " "}, "required_value_missing",
         "(defined models: default, enterprise)"),
    rule("dimension_empty", "fit_target_country", {"dimension": ""}, "required_value_missing",
         "Fix: write fit: the signal lead is scored as fit."),
    model("mql_threshold_empty", "default", {"mql_threshold": ""}, "required_value_missing",
          "Fix: write the score at which a lead becomes marketing-qualified"),
    # duplicates
    rule("duplicate_rule_id", "fit_seniority_director", {"rule_id": "fit_seniority_executive"}, "duplicate_rule_id",
         "is already used on line 2. Fix: give this rule its own rule_id, e.g. fit_seniority_executive_2"),
    model("duplicate_scoring_model", "enterprise", {"priority": "20"}, "duplicate_scoring_model",
          "is already defined on line 2. Fix: give each scoring model its own name", append=True),
    model("duplicate_priority", "default", {"priority": "10"}, "duplicate_priority",
          "is already the priority of scoring model enterprise (line 2). Fix: give each scoring model its own"),
    # references, dimensions, signals and fields
    rule("undefined_scoring_model", "fit_seniority_manager", {"scoring_model": "default|enterprize"},
         "unknown_scoring_model", "Fix: write one of the defined scoring models (default, enterprise)"),
    rule("unknown_dimension", "eng_product_page", {"dimension": "engagment"}, "unknown_dimension",
         "Fix: write engagement: the signal web.pageview is scored as engagement."),
    rule("dimension_does_not_match_signal", "fit_target_country", {"dimension": "engagement"},
         "dimension_does_not_match_signal", "describes who the lead is, which is scored as fit. Fix: write fit"),
    rule("unknown_signal", "eng_case_study", {"signal": "web.page_view"}, "unknown_signal",
         "Fix: write one of the known signals: web.pageview, web.form_submission, email.open"),
    rule("unknown_condition_field", "eng_case_study", {"condition_field": "category"}, "unknown_field",
         "Fix: write one of the fields of web.pageview: content_category, page_path, traffic_channel, intent_level."),
    # operators and values
    rule("unknown_operator", "fit_seniority_director", {"condition_operator": "is"}, "unknown_operator",
         "Fix: for the text field seniority write one of: equals, not equals, in, not in, contains, starts with."),
    rule("text_operator_on_number_field", "fit_company_size_large", {"condition_operator": "contains"},
         "operator_does_not_fit_field", "write one of: equals, not equals, between, at least, at most"),
    rule("number_operator_on_text_field", "fit_seniority_manager", {"condition_operator": "at least"},
         "operator_does_not_fit_field", "; to match several values use in, e.g. Software|Retail."),
    rule("incomplete_condition", "neg_hard_bounce", {"condition_value": ""}, "incomplete_condition",
         "Fix: fill in the missing part of bounce_type / equals / <value>, or leave all three columns empty"),
    rule("value_not_a_number", "fit_company_size_large", {"condition_value": "5,000"}, "value_not_a_number",
         "(no thousands separators), e.g. 1000 or 2.5."),
    rule("range_not_two_numbers", "fit_company_size_midmarket", {"condition_value": "200-4999"},
         "range_not_two_numbers", "Fix: write the lowest and the highest value separated by |, e.g. 200|4999."),
    rule("range_low_above_high", "fit_company_size_midmarket", {"condition_value": "4999|200"},
         "range_low_above_high", "Fix: write the lower number first: 200|4999."),
    rule("empty_list_entry", "fit_target_industry", {"condition_value": "Software||Retail"}, "empty_list_entry",
         "Fix: write one or more values separated by single | signs"),
    rule("list_with_equals", "fit_seniority_director", {"condition_value": "Director|VP"},
         "list_with_single_value_operator", "Fix: to match any of several values use the operator in"),
    # whole numbers and their ranges
    POINTS_NOT_A_NUMBER,
    rule("max_awards_not_a_number", "eng_pricing_page", {"max_awards": "three"}, "not_a_whole_number",
         "Fix: write how many times at most the rule may score"),
    model("priority_not_a_number", "default", {"priority": "last"}, "not_a_whole_number",
          "Fix: write a whole number no other model uses"),
    rule("points_out_of_range", "neg_competitor", {"points": "-5000"}, "points_out_of_range",
         "Fix: write points between -1000 and 1000"),
    rule("max_awards_zero", "eng_pricing_page", {"max_awards": "0"}, "value_too_small",
         "max_awards is 0; it must be 1 or more. Fix: write 1 or more, or leave it empty for no limit"),
    rule("half_life_negative", "eng_email_open", {"half_life_days": "-30"}, "value_too_small",
         "leave it empty so the points never fade"),
    # caps and decay
    rule("cap_window_without_max_awards", "eng_comparison_page", {"max_awards": ""}, "cap_window_without_cap",
         "Fix: write in max_awards how many times the rule may score within 30 days"),
    rule("expiry_and_half_life", "eng_webinar_attendance", {"expire_after_days": "90"}, "expiry_and_half_life",
         "Fix: empty one of the two"),
    rule("cap_on_fit_rule", "fit_seniority_director", {"max_awards": "1"}, "cap_or_decay_on_fit_rule",
         "Fix: empty max_awards on this rule."),
    # switches
    rule("is_active_not_true_or_false", "eng_case_study", {"is_active": "yes"}, "not_true_or_false",
         "is_active 'yes' is neither true nor false. Fix: write true to use the rule or false"),
    # scoring models
    model("recycle_not_below_mql", "default", {"recycle_threshold": "60"}, "recycle_not_below_mql",
          "Fix: write a recycle_threshold below 60"),
    model("mql_threshold_zero", "default", {"mql_threshold": "0", "recycle_threshold": "-10"}, "value_too_small",
          "Fix: write a score above 0, e.g. 60"),
    model("negative_min_engagements", "enterprise", {"min_engagements": "-1"}, "value_too_small",
          "Fix: write 0 for no minimum"),
    model("engagement_floor_above_zero", "default", {"engagement_floor": "10"}, "engagement_floor_above_zero",
          "Fix: write 0, a negative whole number such as -20, or leave it empty for no floor."),
    model("audience_unknown_field", "enterprise", {"audience_field": "employees"}, "unknown_field",
          "Fix: write one of the lead and account fields: title, seniority"),
    model("audience_event_field", "enterprise", {"audience_field": "content_category", "audience_operator": "equals",
          "audience_value": "pricing"}, "unknown_field", "not of the lead or account"),
    model("audience_text_operator_on_number", "enterprise", {"audience_operator": "starts with"},
          "operator_does_not_fit_field", "Fix: for the number field employee_count write one of"),
    model("audience_value_not_a_number", "enterprise", {"audience_value": "1k"}, "value_not_a_number",
          "Fix: write one number with digits only"),
    # the inactivity signal
    rule("inactivity_without_at_least", "neg_inactivity", {"condition_operator": "at most"}, "inactivity_condition",
         "Fix: write condition_field days_inactive, condition_operator at least"),
]  # fmt: skip


@dataclass
class Config:
    """The scoring seeds of the project copy, built from the shipped files plus some mistakes."""

    project_dir: Path
    lines: dict[str, int] = field(default_factory=dict)

    def write(self, mistakes: list[Mistake]) -> Config:
        for seed in (RULES, MODELS):
            columns, rows = seed.shipped()
            for mistake in (m for m in mistakes if m.seed is seed):
                (index,) = [i for i, row in enumerate(rows) if row[seed.key_column] == mistake.key]
                if mistake.append:
                    rows.append(dict(rows[index]))
                    index = len(rows) - 1
                rows[index].update(mistake.changes)
                self.lines[mistake.name] = index + 2  # the header is line 1
            with (self.project_dir / seed.path).open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns)
                writer.writeheader()
                writer.writerows(rows)
        return self


def assert_nothing_scored_from_the_current_file(project: Project) -> None:
    """The typed rules and models, which every score reads, do not hold the broken file's version: the build stopped
    before them, so nothing downstream can have been scored from it."""
    (version,) = project.query("select rule_set_version from main_intermediate.int_scoring_rule_set")[0]
    for table in ("int_scoring_rules", "int_scoring_models"):
        exists = project.query(
            "select count(*) from information_schema.tables "
            f"where table_schema = 'main_intermediate' and table_name = '{table}'"
        )
        if exists == [(1,)]:
            scored = project.query(
                f"select count(*) from main_intermediate.{table} where rule_set_version = '{version}'"
            )
            assert scored == [(0,)], f"{table} was rebuilt from an invalid configuration"


def error_text(result: dbtRunnerResult) -> str:
    """What dbt reports for the nodes that failed: the compiler error raised by the configuration check."""
    parts = [str(result.exception)] if result.exception else []
    if result.result is not None and hasattr(result.result, "results"):
        parts += [r.message or "" for r in result.result.results if str(r.status) in ("error", "fail")]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def project(make_dataset: MakeDataset, tmp_path_factory: pytest.TempPathFactory) -> Project:
    dataset = make_dataset("scoring_validation", leads=60, days=30, seed=3)
    copy = tmp_path_factory.mktemp("scoring_validation_project")
    for name in PROJECT_FILES:
        source, target = ROOT / name, copy / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    project = Project(dataset, tmp_path_factory.mktemp("scoring_validation_dbt"), project_dir=copy)
    project.reuse_manifest()
    return project


def test_the_shipped_configuration_builds_with_no_problem(project: Project) -> None:
    Config(project.project_dir).write([])
    # cautious: not the marts' relationship tests that point at these models
    result = project.dbt(
        "build", "--select", "+int_scoring_rules", "+int_scoring_models", "--indirect-selection", "cautious"
    )
    assert result.success, error_text(result)
    assert project.query(f"select count(*) from {ERRORS_VIEW}") == [(0,)]
    _, shipped_rules = RULES.shipped()
    rules, models = project.query(
        """
        select
            (select count(distinct rule_id) from main_intermediate.int_scoring_rules),
            (select count(*) from main_intermediate.int_scoring_models)
        """
    )[0]
    assert (rules, models) == (len(shipped_rules), 2)


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda mistake: mistake.name)
def test_a_mistake_stops_the_build_naming_file_line_row_and_fix(project: Project, mistake: Mistake) -> None:
    config = Config(project.project_dir).write([mistake])
    line = config.lines[mistake.name]
    result = project.dbt(*SCORING_BUILD)
    text = error_text(result)
    assert not result.success, "an invalid scoring configuration must fail the build"
    assert f"The scoring configuration has 1 problem; {HEADER}" in text
    assert f"{mistake.seed.path} line {line} ({mistake.label}): " in text, text
    assert mistake.fix in text, text
    assert project.query(f"select error_code, line_number from {ERRORS_VIEW}") == [(mistake.error_code, line)]
    assert_nothing_scored_from_the_current_file(project)


def test_every_problem_of_a_file_is_reported_at_once(project: Project) -> None:
    mistakes = [
        POINTS_NOT_A_NUMBER,
        *(m for m in MISTAKES if m.name in {"unknown_signal", "range_low_above_high", "recycle_not_below_mql"}),
    ]
    config = Config(project.project_dir).write(mistakes)
    result = project.dbt(*SCORING_BUILD)
    text = error_text(result)
    assert not result.success
    assert f"The scoring configuration has {len(mistakes)} problems; {HEADER}" in text
    in_file_order = sorted(mistakes, key=lambda m: (m.seed.path, config.lines[m.name]))
    for number, mistake in enumerate(in_file_order, start=1):
        assert f"  {number}. {mistake.seed.path} line {config.lines[mistake.name]} ({mistake.label}): " in text, text
        assert mistake.fix in text


def test_a_broken_file_publishes_nothing_and_the_marts_keep_the_last_valid_version(project: Project) -> None:
    marts = {name: f"main_marts.{name}" for name in ("fct_lead_scores", "fct_lead_score_ledger")}

    def versions() -> dict[str, list[tuple]]:
        return {name: project.query(f"select distinct rule_set_version from {table}") for name, table in marts.items()}

    # the valid build needs no data tests (the rest of the suite runs them): seeds and models only, to stay fast
    Config(project.project_dir).write([])
    first = project.dbt("build", "--resource-type", "seed", "--resource-type", "model")
    assert first.success, error_text(first)
    published = versions()
    assert all(len(found) == 1 for found in published.values()), published

    Config(project.project_dir).write([POINTS_NOT_A_NUMBER])
    second = project.dbt("build")
    assert not second.success
    assert f"The scoring configuration has 1 problem; {HEADER}" in error_text(second)
    assert versions() == published
    (broken_version,) = project.query("select rule_set_version from main_intermediate.int_scoring_rule_set")
    assert [broken_version] != published["fct_lead_scores"], "the broken file must have a version of its own"


def test_a_rule_edit_rescores_all_history_on_a_plain_build(project: Project) -> None:
    """Raising the pricing page from 10 to 25 points re-scores every past pricing visit on the next `dbt build`,
    with no --full-refresh, and leaves the other rules' awards as they were."""
    ledger = "main_marts.fct_lead_score_ledger"

    def pricing_and_others() -> tuple[set, int, int, set]:
        versions = {version for (version,) in project.query(f"select distinct rule_set_version from {ledger}")}
        pricing_points, pricing_rows = project.query(
            f"select sum(points), count(*) from {ledger} where rule_id = 'eng_pricing_page' and entry_type = 'award'"
        )[0]
        others = set(
            project.query(
                f"select ledger_entry_id, points from {ledger} "
                "where rule_id <> 'eng_pricing_page' and entry_type in ('award', 'capped', 'replaced')"
            )
        )
        return versions, pricing_points, pricing_rows, others

    Config(project.project_dir).write([])
    assert project.dbt("build", "--resource-type", "seed", "--resource-type", "model").success
    before_versions, before_points, before_rows, before_others = pricing_and_others()
    assert before_rows > 0 and before_points == 10 * before_rows

    raised = rule("pricing_raised", "eng_pricing_page", {"points": "25"}, "", "")
    Config(project.project_dir).write([raised])
    result = project.dbt("build")
    assert result.success, error_text(result)
    after_versions, after_points, after_rows, after_others = pricing_and_others()

    assert len(before_versions) == len(after_versions) == 1 and after_versions != before_versions
    assert after_rows == before_rows and after_points == 25 * after_rows
    assert after_others == before_others
