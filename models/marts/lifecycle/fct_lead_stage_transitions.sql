{#-
    The lifecycle history: one row per transition of a lead from one stage into another, which is
    also the lead's visit to the stage it entered (stage_entered_at to stage_exited_at).
-#}
with transitions as (
    select * from {{ ref('int_lead_stage_transitions') }}
),

visits as (
    select
        *,
        lead(transitioned_at) over (partition by lead_id order by transition_number) as stage_exited_at,
        lead(to_stage) over (partition by lead_id order by transition_number) as next_stage,
        row_number() over (partition by lead_id, to_stage order by transition_number) as stage_visit_number
    from transitions
),

final as (
    select
        stage_transition_id,
        lead_id,
        trigger_id,
        transition_number,
        from_stage,
        to_stage,
        next_stage,
        trigger_type,
        trigger_detail,
        scoring_model,
        rule_set_version,
        score_at_event,
        stage_visit_number,
        seconds_in_previous_stage,
        {{ dbt.datediff(
            'transitioned_at', 'stage_exited_at', 'second'
        ) }} as seconds_in_stage,
        is_fast_track,
        is_regression,
        to_stage = 'mql' and stage_visit_number > 1 as is_re_mql,
        stage_exited_at is null as is_current_stage,
        transitioned_at,
        transitioned_at as stage_entered_at,
        stage_exited_at,
        recorded_at
    from visits
)

select * from final
