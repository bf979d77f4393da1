{{ config(materialized='table') }}

{#-
    Which scoring models score each lead: every model whose audience condition the lead's profile
    at the scoring moment meets (a model without an audience takes every lead). The lead's primary
    model, the one its lifecycle follows, is the matching model with the lowest priority number.
    A lead whose profile moves into another audience is re-scored under that model, over its whole
    history, on the next build.
-#}
with resolved as (
    select * from {{ ref('int_identity_resolved') }}
    where lead_id is not null
),

profiles as (
    select * from {{ ref('int_lead_profile_history') }}
),

scoring_models as (
    select * from {{ ref('int_scoring_models') }}
),

as_of as (
    select * from {{ ref('int_scoring_as_of') }}
),

leads as (
    select resolved.lead_id
    from resolved
    cross join as_of
    group by resolved.lead_id
    {%- if var('scoring_as_of', none) %}
        having min(resolved.first_seen_at) <= min(as_of.scored_as_of)
    {%- endif %}
),

profiles_at_scoring as (
    select profiles.*
    from profiles
    cross join as_of
    where
        profiles.valid_from <= as_of.scored_as_of
        and (profiles.valid_to is null or profiles.valid_to > as_of.scored_as_of)
),

memberships as (
    select
        leads.lead_id,
        scoring_models.scoring_model,
        scoring_models.priority,
        scoring_models.rule_set_version
    from leads
    cross join scoring_models
    left join profiles_at_scoring
        on leads.lead_id = profiles_at_scoring.lead_id
    where {{ scoring_condition_matches(
        'profiles_at_scoring', 'attribute', 'scoring_models.audience_field', 'scoring_models.audience_operator',
        'scoring_models.audience_value', 'scoring_models.audience_number_low', 'scoring_models.audience_number_high'
    ) }}
),

final as (
    select
        lead_id,
        scoring_model,
        row_number() over (partition by lead_id order by priority, scoring_model) = 1 as is_primary_model,
        rule_set_version
    from memberships
)

select * from final
