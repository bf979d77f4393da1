{{ config(materialized='table') }}

{#-
    Every scorable event matched to every active engagement rule of the lead's scoring models,
    with the cap applied: an event is awarded the rule's points, or 'capped' (0 points) when the
    rule already awarded the lead `max_awards` times. With `cap_window_days` the count restarts
    every that many days, counted from the lead's first event that matched the rule. Inactivity
    events are made here, from the rule's number of days: one per silent spell, that many days
    after the lead's last engagement, if no engagement came before then. Events after the scoring
    moment are ignored.
-#}
{%- set loaded_by_scoring_moment = (
    'coalesce(signals.loaded_at <= as_of.scored_as_of, true)' if var('scoring_as_of', none) else 'true'
) %}

with signals as (
    select * from {{ ref('int_lead_signals') }}
),

lead_models as (
    select * from {{ ref('int_lead_scoring_models') }}
),

rules as (
    select * from {{ ref('int_scoring_rules') }}
    where is_active and dimension = 'engagement'
),

as_of as (
    select * from {{ ref('int_scoring_as_of') }}
),

signals_until_scoring as (
    select
        signals.*,
        cast(null as {{ dbt.type_int() }}) as days_inactive
    from signals
    cross join as_of
    where
        signals.occurred_at <= as_of.scored_as_of
        and {{ loaded_by_scoring_moment }}
),

engagements as (
    select
        lead_id,
        signal_id,
        occurred_at,
        lead(occurred_at) over (partition by lead_id order by occurred_at, signal_id) as next_engagement_at
    from signals_until_scoring
    where is_engagement
),

inactivity_rules as (
    select distinct
        rule_id,
        cast(condition_number_low as {{ dbt.type_int() }}) as days_inactive
    from rules
    where signal = 'inactivity'
),

inactivity_candidates as (
    select
        engagements.lead_id,
        engagements.signal_id as last_engagement_signal_id,
        engagements.next_engagement_at,
        inactivity_rules.rule_id,
        inactivity_rules.days_inactive,
        {{ dbt.dateadd('day', 'inactivity_rules.days_inactive', 'engagements.occurred_at') }} as occurred_at
    from engagements
    cross join inactivity_rules
),

inactivity_signals as (
    select
        {{ dbt.concat([
            "'inactivity:'", 'inactivity_candidates.rule_id', "':'", 'inactivity_candidates.last_engagement_signal_id'
        ]) }} as signal_id,
        inactivity_candidates.lead_id,
        'inactivity' as signal,
        inactivity_candidates.rule_id,
        inactivity_candidates.days_inactive,
        inactivity_candidates.occurred_at
    from inactivity_candidates
    cross join as_of
    where
        inactivity_candidates.occurred_at <= as_of.scored_as_of
        and (
            inactivity_candidates.next_engagement_at is null
            or inactivity_candidates.occurred_at < inactivity_candidates.next_engagement_at
        )
),

event_matches as (
    select
        signals_until_scoring.lead_id,
        lead_models.scoring_model,
        rules.rule_id,
        signals_until_scoring.signal,
        signals_until_scoring.signal_id,
        case
            when rules.condition_field is not null
                then {{ dbt.concat([
                    'rules.condition_field', "' = '",
                    "coalesce(" ~ scoring_field_value('signals_until_scoring', 'event', 'rules.condition_field', 'display')
                    ~ ", '(empty)')"
                ]) }}
        end as signal_detail,
        rules.points,
        rules.max_awards,
        rules.cap_window_days,
        rules.expire_after_days,
        rules.half_life_days,
        signals_until_scoring.occurred_at
    from signals_until_scoring
    inner join lead_models
        on signals_until_scoring.lead_id = lead_models.lead_id
    inner join rules
        on
            lead_models.scoring_model = rules.scoring_model
            and signals_until_scoring.signal = rules.signal
    where {{ scoring_condition_matches(
        'signals_until_scoring', 'event', 'rules.condition_field', 'rules.condition_operator',
        'rules.condition_value', 'rules.condition_number_low', 'rules.condition_number_high'
    ) }}
),

inactivity_matches as (
    select
        inactivity_signals.lead_id,
        lead_models.scoring_model,
        rules.rule_id,
        inactivity_signals.signal,
        inactivity_signals.signal_id,
        {{ dbt.concat([
            "'days_inactive = '", 'cast(inactivity_signals.days_inactive as ' ~ dbt.type_string() ~ ')'
        ]) }} as signal_detail,
        rules.points,
        rules.max_awards,
        rules.cap_window_days,
        rules.expire_after_days,
        rules.half_life_days,
        inactivity_signals.occurred_at
    from inactivity_signals
    inner join lead_models
        on inactivity_signals.lead_id = lead_models.lead_id
    inner join rules
        on
            lead_models.scoring_model = rules.scoring_model
            and inactivity_signals.rule_id = rules.rule_id
),

matches as (
    select * from event_matches
    union all
    select * from inactivity_matches
),

windowed as (
    select
        *,
        case
            when cap_window_days is null then 0
            else floor(
                {{ dbt.datediff(
                    'min(occurred_at) over (partition by lead_id, scoring_model, rule_id)', 'occurred_at', 'second'
                ) }} / (cap_window_days * 86400.0)
            )
        end as cap_window_number
    from matches
),

ranked as (
    select
        *,
        row_number() over (
            partition by lead_id, scoring_model, rule_id, cap_window_number order by occurred_at, signal_id
        ) as award_number
    from windowed
),

final as (
    select
        lead_id,
        scoring_model,
        rule_id,
        signal,
        signal_id,
        signal_detail,
        case when max_awards is not null and award_number > max_awards then 'capped' else 'award' end as entry_type,
        case when max_awards is not null and award_number > max_awards then 0 else points end as points,
        points as rule_points,
        award_number,
        cast(cap_window_number as {{ dbt.type_int() }}) as cap_window_number,
        expire_after_days,
        half_life_days,
        occurred_at
    from ranked
)

select * from final
