{{ config(materialized='table') }}

{#-
    When each active fit rule starts and stops matching a lead's profile, per scoring model: the
    rule's points are awarded when its condition becomes true and taken back ('replaced') when a
    later profile no longer meets it. A title change from Manager to Director thus replaces the
    manager points with the director points at that moment; it never adds to them.
-#}
with profiles as (
    select * from {{ ref('int_lead_profile_history') }}
),

lead_models as (
    select * from {{ ref('int_lead_scoring_models') }}
),

rules as (
    select * from {{ ref('int_scoring_rules') }}
    where is_active and dimension = 'fit'
),

as_of as (
    select * from {{ ref('int_scoring_as_of') }}
),

profiles_until_scoring as (
    select profiles.*
    from profiles
    cross join as_of
    where profiles.valid_from <= as_of.scored_as_of
),

evaluated as (
    select
        profiles_until_scoring.lead_id,
        lead_models.scoring_model,
        rules.rule_id,
        rules.signal,
        profiles_until_scoring.lead_profile_id,
        rules.points,
        case
            when rules.condition_field is not null
                then {{ dbt.concat([
                    'rules.condition_field', "' = '",
                    "coalesce(" ~ scoring_field_value('profiles_until_scoring', 'attribute', 'rules.condition_field', 'display')
                    ~ ", '(empty)')"
                ]) }}
        end as signal_detail,
        {{ scoring_condition_matches(
            'profiles_until_scoring', 'attribute', 'rules.condition_field', 'rules.condition_operator',
            'rules.condition_value', 'rules.condition_number_low', 'rules.condition_number_high'
        ) }} as is_matched,
        profiles_until_scoring.valid_from
    from profiles_until_scoring
    inner join lead_models
        on profiles_until_scoring.lead_id = lead_models.lead_id
    inner join rules
        on lead_models.scoring_model = rules.scoring_model
),

with_previous as (
    select
        *,
        lag(is_matched) over (
            partition by lead_id, scoring_model, rule_id order by valid_from
        ) as was_matched
    from evaluated
),

final as (
    select
        lead_id,
        scoring_model,
        rule_id,
        signal,
        lead_profile_id as signal_id,
        signal_detail,
        case when is_matched then 'award' else 'replaced' end as entry_type,
        case when is_matched then points else -points end as points,
        points as rule_points,
        valid_from as occurred_at
    from with_previous
    where is_matched <> coalesce(was_matched, false)
)

select * from final
