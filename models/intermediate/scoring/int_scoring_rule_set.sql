{#-
    The version of the scoring configuration: a hash of every row of seeds/scoring_rules.csv and
    seeds/scoring_models.csv, in rule and model order. Any edit, even to a description, gives a new
    version; every score carries the version it was computed with.
-#}
with scoring_rules as (
    select * from {{ ref('scoring_rules') }}
),

scoring_models as (
    select * from {{ ref('scoring_models') }}
),

rows_as_text as (
    select
        'rule' as row_kind,
        coalesce(rule_id, '') as row_key,
        {{ dbt.concat([
            "coalesce(rule_id, '')", "'|'", "coalesce(scoring_model, '')", "'|'", "coalesce(dimension, '')", "'|'",
            "coalesce(signal, '')", "'|'", "coalesce(condition_field, '')", "'|'",
            "coalesce(condition_operator, '')", "'|'", "coalesce(condition_value, '')", "'|'",
            "coalesce(points, '')", "'|'", "coalesce(max_awards, '')", "'|'", "coalesce(cap_window_days, '')", "'|'",
            "coalesce(expire_after_days, '')", "'|'", "coalesce(half_life_days, '')", "'|'",
            "coalesce(is_active, '')", "'|'", "coalesce(description, '')"
        ]) }} as row_text
    from scoring_rules

    union all

    select
        'model' as row_kind,
        coalesce(scoring_model, '') as row_key,
        {{ dbt.concat([
            "coalesce(scoring_model, '')", "'|'", "coalesce(priority, '')", "'|'", "coalesce(mql_threshold, '')", "'|'",
            "coalesce(min_fit_score, '')", "'|'", "coalesce(recycle_threshold, '')", "'|'",
            "coalesce(min_engagements, '')", "'|'", "coalesce(min_engagement_days, '')", "'|'",
            "coalesce(engagement_floor, '')", "'|'", "coalesce(audience_field, '')", "'|'",
            "coalesce(audience_operator, '')", "'|'", "coalesce(audience_value, '')", "'|'",
            "coalesce(description, '')"
        ]) }} as row_text
    from scoring_models
),

final as (
    select
        {{ dbt.hash(dbt.listagg('row_text', "'\\n'", 'order by row_kind, row_key, row_text')) }} as rule_set_version
    from rows_as_text
)

select * from final
