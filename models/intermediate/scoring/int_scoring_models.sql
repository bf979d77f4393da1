{{ config(materialized='table') }}

{#- Stops here, listing every problem, while seeds/scoring_rules.csv or seeds/scoring_models.csv has one. -#}
{{ fail_on_scoring_config_errors(ref('int_scoring_config_errors')) }}

{#-
    The scoring models of seeds/scoring_models.csv, typed: thresholds, the "not too soon" guard,
    the engagement floor and the audience condition, each model once.
-#}
with scoring_models as (
    select * from {{ ref('scoring_models') }}
),

rule_set as (
    select * from {{ ref('int_scoring_rule_set') }}
),

final as (
    select
        lower(trim(scoring_models.scoring_model)) as scoring_model,
        {{ safe_cast('trim(scoring_models.priority)', dbt.type_int()) }} as priority,
        trim(scoring_models.description) as description,
        {{ safe_cast('trim(scoring_models.mql_threshold)', dbt.type_int()) }} as mql_threshold,
        {{ safe_cast('trim(scoring_models.min_fit_score)', dbt.type_int()) }} as min_fit_score,
        {{ safe_cast('trim(scoring_models.recycle_threshold)', dbt.type_int()) }} as recycle_threshold,
        {{ safe_cast('trim(scoring_models.min_engagements)', dbt.type_int()) }} as min_engagements,
        {{ safe_cast('trim(scoring_models.min_engagement_days)', dbt.type_int()) }} as min_engagement_days,
        {{ safe_cast('trim(scoring_models.engagement_floor)', dbt.type_int()) }} as engagement_floor,
        nullif(lower(trim(scoring_models.audience_field)), '') as audience_field,
        nullif(lower(trim(scoring_models.audience_operator)), '') as audience_operator,
        {{ scoring_condition_text('scoring_models.audience_value') }} as audience_value,
        {{ scoring_condition_number('scoring_models.audience_value', 1) }} as audience_number_low,
        {{ scoring_condition_number('scoring_models.audience_value', 2) }} as audience_number_high,
        rule_set.rule_set_version
    from scoring_models
    cross join rule_set
)

select * from final
