{#-
    One row per load day, raw table and data-quality check that found anything: how many of the
    day's raw rows were quarantined (per reason), re-delivered, or kept with a flag, as a share of
    the day's raw rows, against the threshold in seeds/data_quality_thresholds.csv.
-#}
{%- set base_models = [
    ('base_web__pageviews', 'web.pageviews'),
    ('base_web__form_submissions', 'web.form_submissions'),
    ('base_email__events', 'email.events'),
    ('base_crm__users', 'crm.users'),
    ('base_crm__accounts', 'crm.accounts'),
    ('base_crm__leads', 'crm.leads'),
    ('base_crm__field_history', 'crm.field_history'),
    ('base_crm__activities', 'crm.activities'),
    ('base_crm__lead_status_changes', 'crm.lead_status_changes'),
    ('base_crm__opportunities', 'crm.opportunities'),
    ('base_crm__opportunity_history', 'crm.opportunity_history'),
] -%}
{%- set rejected_models = ['stg_web__rejected_rows', 'stg_email__rejected_rows', 'stg_crm__rejected_rows'] -%}
{%- set duplicate_models = ['stg_web__duplicate_rows', 'stg_email__duplicate_rows', 'stg_crm__duplicate_rows'] -%}
{%- set flags = [
    ('stg_web__pageviews', 'web.pageviews', 'is_bot', 'bot'),
    ('stg_web__pageviews', 'web.pageviews', 'is_internal', 'internal'),
    ('stg_web__form_submissions', 'web.form_submissions', 'is_bot', 'bot'),
    ('stg_web__form_submissions', 'web.form_submissions', 'is_internal', 'internal'),
    ('stg_web__form_submissions', 'web.form_submissions', 'is_test_submission', 'test'),
    ('stg_web__form_submissions', 'web.form_submissions', 'not has_valid_email', 'unusable address'),
    ('stg_email__events', 'email.events', 'is_machine_open', 'machine open'),
    ('stg_email__events', 'email.events', 'is_internal_recipient', 'internal recipient'),
    ('stg_email__events', 'email.events', 'is_test_recipient', 'test recipient'),
    ('stg_crm__lead_versions', 'crm.leads', 'is_test_record', 'test record'),
    ('stg_crm__lead_versions', 'crm.leads', 'not has_valid_email', 'unusable address'),
] -%}

with thresholds as (
    select * from {{ ref('data_quality_thresholds') }}
),

raw_rows as (
    {% for model, source_table in base_models %}
    select
        '{{ source_table }}' as source_table,
        cast(loaded_at as date) as load_date,
        count(*) as raw_rows
    from {{ ref(model) }}
    group by 1, 2
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

findings as (
    {% for model in rejected_models %}
    select
        source_table,
        cast(loaded_at as date) as load_date,
        'rejected' as check_kind,
        reject_reason as check_name,
        count(*) as affected_rows
    from {{ ref(model) }}
    group by 1, 2, 3, 4
    union all
    {% endfor %}
    {% for model in duplicate_models %}
    select
        source_table,
        cast(loaded_at as date) as load_date,
        'duplicate' as check_kind,
        'duplicate delivery' as check_name,
        count(*) as affected_rows
    from {{ ref(model) }}
    group by 1, 2, 3, 4
    union all
    {% endfor %}
    {% for model, source_table, condition, name in flags %}
    select
        '{{ source_table }}' as source_table,
        cast(loaded_at as date) as load_date,
        'flagged' as check_kind,
        '{{ name }}' as check_name,
        count(*) as affected_rows
    from {{ ref(model) }}
    where {{ condition }}
    group by 1, 2, 3, 4
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

measured as (
    select
        findings.source_table,
        findings.load_date,
        findings.check_kind,
        findings.check_name,
        findings.affected_rows,
        raw_rows.raw_rows,
        cast(findings.affected_rows as double) / raw_rows.raw_rows as affected_share
    from findings
    inner join raw_rows
        on findings.source_table = raw_rows.source_table and findings.load_date = raw_rows.load_date
),

with_thresholds as (
    select
        measured.*,
        coalesce(
            by_name.warn_above_share, by_kind.warn_above_share, any_table_by_name.warn_above_share,
            any_table_by_kind.warn_above_share
        ) as warn_above_share
    from measured
    left join thresholds as by_name
        on
            measured.source_table = by_name.source_table and measured.check_kind = by_name.check_kind
            and measured.check_name = by_name.check_name
    left join thresholds as by_kind
        on
            measured.source_table = by_kind.source_table and measured.check_kind = by_kind.check_kind
            and by_kind.check_name is null
    left join thresholds as any_table_by_name
        on
            any_table_by_name.source_table = '*' and measured.check_kind = any_table_by_name.check_kind
            and measured.check_name = any_table_by_name.check_name
    left join thresholds as any_table_by_kind
        on
            any_table_by_kind.source_table = '*' and measured.check_kind = any_table_by_kind.check_kind
            and any_table_by_kind.check_name is null
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            'source_table', "'|'", 'cast(load_date as ' ~ dbt.type_string() ~ ')', "'|'", 'check_kind', "'|'",
            'check_name'
        ])) }} as data_quality_check_id,
        source_table,
        check_kind,
        check_name,
        affected_rows,
        raw_rows,
        affected_share,
        warn_above_share,
        coalesce(
            affected_share > warn_above_share and raw_rows >= {{ var('data_quality_min_daily_rows') }}, false
        ) as is_above_threshold,
        load_date
    from with_thresholds
)

select * from final
