{{ config(materialized='table') }}

{#-
    The stage events replayed, lead by lead in time order, into the transitions that happened.
    Window functions only (docs/lifecycle.md explains why this needs no recursion):
    - stages have levels (lead 0, mql 1, sql 2, opportunity 3, customer 4, disqualified 5) and
      recycles are resets that cut the events into segments;
    - a forward event counts when its level is above every earlier event's in its segment;
    - a reset counts when the segment it closes reached MQL or beyond;
    - customer and disqualified end the replay.
    Each lead starts with a transition into `lead` at its first evidence: when one of its identifiers
    was first seen, or its first stage event if that came earlier.
-#}
with stage_events as (
    select * from {{ ref('int_lead_stage_events') }}
),

resolved as (
    select * from {{ ref('int_identity_resolved') }}
    where lead_id is not null
),

leveled as (
    select
        *,
        case target_stage
            when 'mql' then 1
            when 'sql' then 2
            when 'opportunity' then 3
            when 'customer' then 4
            when 'disqualified' then 5
        end as stage_level,
        target_stage = 'recycled' as is_reset
    from stage_events
),

ordered as (
    select
        *,
        row_number() over (
            partition by lead_id
            order by occurred_at, case when is_reset then 9 else stage_level end, stage_event_id
        ) as event_number
    from leveled
),

segmented as (
    select
        *,
        sum(case when is_reset then 1 else 0 end) over (
            partition by lead_id order by event_number rows between unbounded preceding and current row
        ) as segment_number
    from ordered
),

with_prior_level as (
    select
        *,
        coalesce(
            max(stage_level) over (
                partition by lead_id, segment_number
                order by event_number rows between unbounded preceding and 1 preceding
            ),
            0
        ) as prior_level
    from segmented
),

segment_levels as (
    select
        lead_id,
        segment_number,
        coalesce(max(stage_level), 0) as segment_level
    from segmented
    group by lead_id, segment_number
),

judged as (
    select
        with_prior_level.*,
        case
            when with_prior_level.is_reset then coalesce(closed_segment.segment_level, 0) between 1 and 3
            else with_prior_level.stage_level > with_prior_level.prior_level
        end as is_counted
    from with_prior_level
    left join segment_levels as closed_segment
        on
            with_prior_level.lead_id = closed_segment.lead_id
            and with_prior_level.segment_number - 1 = closed_segment.segment_number
),

terminal_events as (
    select
        lead_id,
        min(event_number) as terminal_event_number
    from judged
    where is_counted and stage_level >= 4
    group by lead_id
),

counted as (
    select judged.*
    from judged
    left join terminal_events
        on judged.lead_id = terminal_events.lead_id
    where
        judged.is_counted
        and (
            terminal_events.terminal_event_number is null
            or judged.event_number <= terminal_events.terminal_event_number
        )
),

-- A lead exists from its first evidence: the first time one of its identifiers was seen, or an
-- earlier stage event (a form whose identifier was first seen moments later).
lead_evidence as (
    select
        lead_id,
        first_seen_at as seen_at
    from resolved

    union all

    select
        lead_id,
        occurred_at as seen_at
    from stage_events
),

lead_created as (
    select
        lead_id,
        min(seen_at) as created_at
    from lead_evidence
    group by lead_id
),

transitions as (
    select
        lead_id,
        'lead' as to_stage,
        'created' as trigger_type,
        lead_id as trigger_id,
        'first seen' as trigger_detail,
        cast(null as {{ dbt.type_string() }}) as scoring_model,
        cast(null as {{ dbt.type_int() }}) as score_at_event,
        cast(null as {{ dbt.type_string() }}) as rule_set_version,
        created_at as transitioned_at,
        created_at as recorded_at,
        0 as event_number
    from lead_created

    union all

    select
        lead_id,
        target_stage as to_stage,
        trigger_type,
        trigger_id,
        trigger_detail,
        scoring_model,
        score_at_event,
        rule_set_version,
        occurred_at as transitioned_at,
        recorded_at,
        event_number
    from counted
),

sequenced as (
    select
        *,
        row_number() over (partition by lead_id order by transitioned_at, event_number) as transition_number
    from transitions
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            'lead_id', "'|'", 'cast(transition_number as ' ~ dbt.type_string() ~ ')'
        ])) }} as stage_transition_id,
        lead_id,
        transition_number,
        lag(to_stage) over (partition by lead_id order by transition_number) as from_stage,
        to_stage,
        trigger_type,
        trigger_id,
        trigger_detail,
        scoring_model,
        score_at_event,
        rule_set_version,
        {{ dbt.datediff(
            'lag(transitioned_at) over (partition by lead_id order by transition_number)', 'transitioned_at', 'second'
        ) }} as seconds_in_previous_stage,
        to_stage = 'sql' and lag(to_stage) over (
            partition by lead_id order by transition_number
        ) in ('lead', 'recycled') as is_fast_track,
        to_stage = 'recycled' as is_regression,
        transitioned_at,
        recorded_at
    from sequenced
)

select * from final
