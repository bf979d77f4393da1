{#-
    The funnel marts count the same leads and transitions as fct_lead_stage_transitions and
    dim_leads: cohort counts add up to the leads that reached each stage, weekly entries to the
    transitions into each stage, the last day's stock to the leads in each current stage, MQL
    quality to the leads that were MQLs, and the follow-ups to the MQL transitions.
    Returns one row per check that does not add up, with both sides.
-#}
{%- set funnel_stages = ['mql', 'sql', 'opportunity', 'customer'] %}
{%- set all_stages = ['lead', 'mql', 'sql', 'opportunity', 'customer', 'recycled', 'disqualified'] %}

with transitions as (
    select * from {{ ref('fct_lead_stage_transitions') }}
),

leads as (
    select * from {{ ref('dim_leads') }}
),

cohorts as (
    select * from {{ ref('fct_funnel_cohorts') }}
),

weekly as (
    select * from {{ ref('fct_funnel_weekly') }}
),

daily as (
    select * from {{ ref('fct_lead_stage_daily') }}
),

quality as (
    select * from {{ ref('fct_mql_quality') }}
),

follow_ups as (
    select * from {{ ref('fct_mql_follow_ups') }}
),

checks as (
    select
        'cohort leads = dim_leads rows' as check_name,
        (select sum(leads) from cohorts) as mart_count,
        (select count(*) from leads) as expected_count

    {%- for stage in funnel_stages %}
    union all
    select
        'cohort reached_{{ stage }} = leads with reached_{{ stage }}_at' as check_name,
        (select sum(reached_{{ stage }}) from cohorts) as mart_count,
        (select count(*) from leads where reached_{{ stage }}_at is not null) as expected_count
    {%- endfor %}

    union all
    select
        'cohort disqualified = disqualified transitions' as check_name,
        (select sum(disqualified) from cohorts) as mart_count,
        (select count(*) from transitions where to_stage = 'disqualified') as expected_count

    union all
    select
        'dim_leads mql_count = mql transitions' as check_name,
        (select sum(mql_count) from leads) as mart_count,
        (select count(*) from transitions where to_stage = 'mql') as expected_count

    union all
    select
        'dim_leads transition_count = transitions' as check_name,
        (select sum(transition_count) from leads) as mart_count,
        (select count(*) from transitions) as expected_count

    {%- for stage in all_stages %}
    union all
    select
        'weekly {{ stage }} entries = {{ stage }} transitions' as check_name,
        (select sum(entries) from weekly where stage = '{{ stage }}') as mart_count,
        (select count(*) from transitions where to_stage = '{{ stage }}') as expected_count

    union all
    select
        'last day {{ stage }} stock = dim_leads currently {{ stage }}' as check_name,
        (
            select sum(leads_in_stage) from daily
            where stage = '{{ stage }}' and calendar_date = (select max(calendar_date) from daily)
        ) as mart_count,
        (select count(*) from leads where current_stage = '{{ stage }}') as expected_count
    {%- endfor %}

    union all
    select
        'quality leads = dim_leads rows' as check_name,
        (select sum(leads) from quality) as mart_count,
        (select count(*) from leads) as expected_count

    union all
    select
        'quality mqls = leads that were MQLs' as check_name,
        (select sum(mqls) from quality) as mart_count,
        (select count(*) from leads where first_became_mql_at is not null) as expected_count

    union all
    select
        'follow-ups = mql transitions' as check_name,
        (select count(*) from follow_ups) as mart_count,
        (select count(*) from transitions where to_stage = 'mql') as expected_count
)

select * from checks
where coalesce(mart_count, 0) <> expected_count
