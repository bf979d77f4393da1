{#-
    A lead is in exactly one stage at any moment: each visit ends when the next begins, no visit
    ends before it begins, and only the last visit is open (the current stage).
    Returns the visits that overlap, leave a gap, or are open when they should not be.
-#}
with transitions as (
    select * from {{ ref('fct_lead_stage_transitions') }}
),

with_next as (
    select
        *,
        lead(stage_entered_at) over (partition by lead_id order by transition_number) as next_entered_at,
        count(*) over (partition by lead_id) as visits
    from transitions
),

problems as (
    select
        lead_id,
        transition_number,
        to_stage,
        stage_entered_at,
        stage_exited_at,
        next_entered_at,
        case
            when stage_exited_at < stage_entered_at then 'the visit ends before it begins'
            when next_entered_at is not null and stage_exited_at is null then 'an earlier visit is still open'
            when next_entered_at is not null and stage_exited_at <> next_entered_at
                then 'the visit does not end when the next begins'
            when next_entered_at is null and stage_exited_at is not null then 'the last visit is closed'
            when is_current_stage <> (transition_number = visits) then 'is_current_stage is not the last visit'
        end as problem
    from with_next
)

select * from problems
where problem is not null
