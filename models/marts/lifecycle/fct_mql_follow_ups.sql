{#-
    The MQL follow-up SLA: one row per time a lead became an MQL, with the owner it had then, the
    first sales touch at or after that moment (a CRM activity of a type the var
    `mql_follow_up_activity_types` lists) and whether it came within `mql_follow_up_sla_hours`.
    An MQL not yet touched whose deadline is still ahead of the as-of moment is pending, not breached.
-#}
{%- set sla_hours = var('mql_follow_up_sla_hours') %}
{%- set follow_up_types = "'" ~ var('mql_follow_up_activity_types') | join("', '") ~ "'" %}

with transitions as (
    select * from {{ ref('fct_lead_stage_transitions') }}
    where to_stage = 'mql'
),

activities as (
    select * from {{ ref('stg_crm__activities') }}
    where activity_type in ({{ follow_up_types }})
),

resolved as (
    select * from {{ ref('int_identity_resolved') }}
    where identifier_type = 'crm' and lead_id is not null
),

attributes_history as (
    select * from {{ ref('int_lead_attributes_history') }}
),

lifecycle_as_of as (
    select max(as_of_at) as as_of_at
    from {{ ref('int_lifecycle_calendar') }}
),

lead_activities as (
    select
        resolved.lead_id,
        activities.activity_id,
        activities.activity_type,
        activities.activity_at
    from activities
    inner join resolved
        on activities.lead_record_id = resolved.identifier_value
),

touches_after_mql as (
    select
        transitions.stage_transition_id,
        lead_activities.activity_id,
        lead_activities.activity_type,
        lead_activities.activity_at,
        row_number() over (
            partition by transitions.stage_transition_id
            order by lead_activities.activity_at, lead_activities.activity_id
        ) as touch_rank
    from transitions
    inner join lead_activities
        on
            transitions.lead_id = lead_activities.lead_id
            and transitions.transitioned_at <= lead_activities.activity_at
),

owners_at_mql as (
    select
        transitions.stage_transition_id,
        attributes_history.owner_id,
        row_number() over (
            partition by transitions.stage_transition_id
            order by
                case when attributes_history.is_deleted then 1 else 0 end,
                attributes_history.valid_from desc,
                attributes_history.record_id desc
        ) as owner_rank
    from transitions
    inner join attributes_history
        on
            transitions.lead_id = attributes_history.lead_id
            and transitions.transitioned_at >= attributes_history.valid_from
            and (attributes_history.valid_to is null or transitions.transitioned_at < attributes_history.valid_to)
),

measured as (
    select
        transitions.stage_transition_id,
        transitions.lead_id,
        owners_at_mql.owner_id,
        touches_after_mql.activity_id as first_sales_touch_activity_id,
        touches_after_mql.activity_type as first_sales_touch_type,
        transitions.trigger_type as mql_trigger_type,
        transitions.stage_visit_number as mql_number,
        {{ dbt.datediff(
            'transitions.transitioned_at', 'touches_after_mql.activity_at', 'second'
        ) }} / 3600.0 as hours_to_first_sales_touch,
        {{ dbt.datediff(
            'transitions.transitioned_at', 'lifecycle_as_of.as_of_at', 'second'
        ) }} / 3600.0 as hours_since_mql,
        transitions.transitioned_at as mql_at,
        touches_after_mql.activity_at as first_sales_touched_at,
        {{ dbt.dateadd(
            'hour', sla_hours, 'transitions.transitioned_at'
        ) }} as sla_due_at
    from transitions
    cross join lifecycle_as_of
    left join touches_after_mql
        on
            transitions.stage_transition_id = touches_after_mql.stage_transition_id
            and touches_after_mql.touch_rank = 1
    left join owners_at_mql
        on
            transitions.stage_transition_id = owners_at_mql.stage_transition_id
            and owners_at_mql.owner_rank = 1
),

final as (
    select
        stage_transition_id,
        lead_id,
        owner_id,
        first_sales_touch_activity_id,
        first_sales_touch_type,
        mql_trigger_type,
        case
            when hours_to_first_sales_touch <= {{ sla_hours }} then 'in_time'
            when hours_to_first_sales_touch is not null then 'late'
            when hours_since_mql > {{ sla_hours }} then 'missed'
            else 'pending'
        end as follow_up_status,
        mql_number,
        {{ sla_hours }} as sla_hours,
        hours_to_first_sales_touch,
        first_sales_touch_activity_id is not null as is_touched,
        coalesce(hours_to_first_sales_touch > {{ sla_hours }}, hours_since_mql > {{ sla_hours }}) as is_sla_breached,
        mql_at,
        sla_due_at,
        first_sales_touched_at
    from measured
)

select * from final
