{{ config(materialized='table') }}

{#- Stops here, listing every problem, while seeds/scoring_rules.csv or seeds/scoring_models.csv has one. -#}
{{ fail_on_scoring_config_errors(ref('int_scoring_config_errors')) }}

{#-
    The rules of seeds/scoring_rules.csv, typed, one row per rule and scoring model it belongs to
    (a rule listing `default|enterprise` gives two rows). Inactive rules stay, flagged, so that
    the rule set can be read in full; the scoring models skip them.
-#}
with scoring_rules as (
    select * from {{ ref('scoring_rules') }}
),

scoring_models as (
    select * from {{ ref('int_scoring_models') }}
),

parsed as (
    select
        trim(rule_id) as rule_id,
        {{ regexp_replace_all('lower(trim(scoring_model))', ' *[|] *', '|') }} as scoring_model_list,
        lower(trim(dimension)) as dimension,
        lower(trim(signal)) as signal,
        nullif(lower(trim(condition_field)), '') as condition_field,
        nullif(lower(trim(condition_operator)), '') as condition_operator,
        {{ scoring_condition_text('condition_value') }} as condition_value,
        {{ scoring_condition_number('condition_value', 1) }} as condition_number_low,
        {{ scoring_condition_number('condition_value', 2) }} as condition_number_high,
        {{ safe_cast('trim(points)', dbt.type_int()) }} as points,
        {{ safe_cast('trim(max_awards)', dbt.type_int()) }} as max_awards,
        {{ safe_cast('trim(cap_window_days)', dbt.type_int()) }} as cap_window_days,
        {{ safe_cast('trim(expire_after_days)', dbt.type_int()) }} as expire_after_days,
        {{ safe_cast('trim(half_life_days)', dbt.type_int()) }} as half_life_days,
        lower(trim(is_active)) = 'true' as is_active,
        trim(description) as description
    from scoring_rules
),

final as (
    select
        parsed.rule_id,
        scoring_models.scoring_model,
        parsed.dimension,
        parsed.signal,
        parsed.condition_field,
        parsed.condition_operator,
        parsed.condition_value,
        parsed.condition_number_low,
        parsed.condition_number_high,
        parsed.points,
        parsed.max_awards,
        parsed.cap_window_days,
        parsed.expire_after_days,
        parsed.half_life_days,
        parsed.is_active,
        parsed.description,
        scoring_models.rule_set_version
    from parsed
    inner join scoring_models
        on {{ dbt.position(
            "'|' || scoring_models.scoring_model || '|'", "'|' || parsed.scoring_model_list || '|'"
        ) }} > 0
)

select * from final
