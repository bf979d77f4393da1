{#-
    Each lead's history is one chain: it starts with `created` into lead, every transition
    leaves the stage the previous one entered, times never go backwards, the numbers run
    1, 2, 3, ... without a gap, and nothing follows customer or disqualified.
    Returns every transition that breaks the chain, with what is wrong.
-#}
with transitions as (
    select * from {{ ref('fct_lead_stage_transitions') }}
),

with_previous as (
    select
        *,
        lag(to_stage) over (partition by lead_id order by transition_number) as previous_to_stage,
        lag(transitioned_at) over (partition by lead_id order by transition_number) as previous_transitioned_at,
        row_number() over (partition by lead_id order by transition_number) as expected_number
    from transitions
),

problems as (
    select
        lead_id,
        transition_number,
        from_stage,
        to_stage,
        case
            when transition_number <> expected_number then 'transition numbers have a gap'
            when transition_number = 1 and (to_stage <> 'lead' or trigger_type <> 'created' or from_stage is not null)
                then 'the history does not start with the creation'
            when transition_number > 1 and (from_stage is null or from_stage <> previous_to_stage)
                then 'from_stage is not the stage the previous transition entered'
            when transitioned_at < previous_transitioned_at then 'time goes backwards'
            when previous_to_stage in ('customer', 'disqualified') then 'a transition follows a final stage'
            when to_stage = from_stage then 'a transition into the stage the lead is already in'
        end as problem
    from with_previous
)

select * from problems
where problem is not null
