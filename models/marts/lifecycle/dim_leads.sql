{#-
    One row per lead: where it came from, who it is (role and account, never contact details),
    where it stands in the lifecycle and since when, when it first and last entered each stage,
    its current scores in its primary scoring model and its owner.
-#}
{%- set stages = lifecycle_stages()[1:] %}
{%- set funnel_stages = ['mql', 'sql', 'opportunity', 'customer'] %}

with transitions as (
    select * from {{ ref('fct_lead_stage_transitions') }}
),

first_touches as (
    select * from {{ ref('int_lead_first_touches') }}
),

attributes_history as (
    select * from {{ ref('int_lead_attributes_history') }}
    where valid_to is null
),

accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

users as (
    select * from {{ ref('stg_crm__users') }}
),

scores as (
    select * from {{ ref('fct_lead_scores') }}
    where is_primary_model
),

segments as (
    select * from {{ ref('lead_segments') }}
),

lifecycle_as_of as (
    select max(as_of_at) as as_of_at
    from {{ ref('int_lifecycle_calendar') }}
),

stage_dates as (
    select
        lead_id,
        min(case when to_stage = 'lead' then transitioned_at end) as created_at,
        {%- for stage in stages %}
        min(case when to_stage = '{{ stage }}' then transitioned_at end) as first_became_{{ stage }}_at,
        max(case when to_stage = '{{ stage }}' then transitioned_at end) as latest_became_{{ stage }}_at,
        {%- endfor %}
        {%- for stage in funnel_stages %}
        {%- set stage_or_later = "'" ~ funnel_stages[loop.index0:] | join("', '") ~ "'" %}
        min(case when to_stage in ({{ stage_or_later }}) then transitioned_at end) as reached_{{ stage }}_at,
        {%- endfor %}
        cast(sum(case when to_stage = 'mql' then 1 else 0 end) as {{ dbt.type_bigint() }}) as mql_count,
        cast(sum(case when to_stage = 'recycled' then 1 else 0 end) as {{ dbt.type_bigint() }}) as recycle_count,
        count(*) as transition_count,
        max(case when is_fast_track then 1 else 0 end) = 1 as has_fast_tracked
    from transitions
    group by lead_id
),

current_stages as (
    select
        lead_id,
        to_stage as current_stage,
        transitioned_at as current_stage_since
    from transitions
    where is_current_stage
),

-- The latest CRM record of the lead gives its profile; a lead with several records takes a live
-- one over one merged away, then the one changed last.
latest_profiles as (
    select
        *,
        row_number() over (
            partition by lead_id order by case when is_deleted then 1 else 0 end, valid_from desc, record_id desc
        ) as profile_rank
    from attributes_history
),

profiles as (
    select * from latest_profiles
    where profile_rank = 1
),

final as (
    select
        stage_dates.lead_id,
        profiles.record_id as crm_record_id,
        profiles.account_id,
        profiles.owner_id,
        users.full_name as owner_name,
        users.user_role as owner_role,
        profiles.record_type as crm_record_type,
        profiles.status as crm_status,
        profiles.title,
        profiles.seniority,
        profiles.country_code,
        profiles.lead_source,
        accounts.account_name,
        profiles.account_industry,
        profiles.account_type,
        profiles.account_country_code,
        profiles.account_employee_count,
        profiles.account_annual_revenue,
        coalesce(segments.segment, 'unknown') as segment,
        first_touches.first_touch_type,
        coalesce(first_touches.first_touch_channel, 'unknown') as first_touch_channel,
        first_touches.first_touch_campaign,
        first_touches.first_touch_source,
        current_stages.current_stage,
        case
            when stage_dates.first_became_customer_at is not null then 'customer'
            when stage_dates.first_became_opportunity_at is not null then 'opportunity'
            when stage_dates.first_became_sql_at is not null then 'sql'
            when stage_dates.first_became_mql_at is not null then 'mql'
            else 'lead'
        end as furthest_stage,
        scores.scoring_model,
        scores.rule_set_version,
        coalesce(scores.fit_score, 0) as fit_score,
        coalesce(scores.engagement_score, 0) as engagement_score,
        coalesce(scores.total_score, 0) as total_score,
        stage_dates.mql_count,
        stage_dates.mql_count - case when stage_dates.mql_count > 0 then 1 else 0 end as re_mql_count,
        stage_dates.recycle_count,
        stage_dates.transition_count,
        {{ dbt.datediff(
            'current_stages.current_stage_since', 'lifecycle_as_of.as_of_at', 'day'
        ) }} as days_in_current_stage,
        coalesce(scores.is_sales_ready, false) as is_sales_ready,
        stage_dates.has_fast_tracked,
        stage_dates.created_at,
        first_touches.first_touched_at,
        current_stages.current_stage_since,
        {%- for stage in stages %}
        stage_dates.first_became_{{ stage }}_at,
        stage_dates.latest_became_{{ stage }}_at,
        {%- endfor %}
        {%- for stage in funnel_stages %}
        stage_dates.reached_{{ stage }}_at,
        {%- endfor %}
        lifecycle_as_of.as_of_at
    from stage_dates
    inner join current_stages
        on stage_dates.lead_id = current_stages.lead_id
    cross join lifecycle_as_of
    left join first_touches
        on stage_dates.lead_id = first_touches.lead_id
    left join profiles
        on stage_dates.lead_id = profiles.lead_id
    left join accounts
        on profiles.account_id = accounts.account_id
    left join users
        on profiles.owner_id = users.user_id
    left join scores
        on stage_dates.lead_id = scores.lead_id
    left join segments
        on
            profiles.account_employee_count >= segments.min_employee_count
            and (segments.max_employee_count is null or profiles.account_employee_count <= segments.max_employee_count)
)

select * from final
