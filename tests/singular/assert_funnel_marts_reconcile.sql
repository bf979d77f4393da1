{#-
    The funnel marts count the same leads and transitions as fct_lead_stage_transitions and
    dim_leads: cohort counts add up to the leads that reached each stage, weekly entries to the
    transitions into each stage, the last day's stock to the leads in each current stage, MQL
    quality to the leads that were MQLs, and the follow-ups to the MQL transitions.
    Returns one row per check that does not add up, with both sides.
-#}
{%- set funnel_stages = ['mql', 'sql', 'opportunity', 'customer'] %}
{%- set all_stages = lifecycle_stages() %}

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

last_day as (
    select max(calendar_date) as calendar_date
    from daily
),

lead_totals as (
    select
        count(*) as leads,
        {%- for stage in funnel_stages %}
        sum(case when reached_{{ stage }}_at is not null then 1 else 0 end) as reached_{{ stage }},
        {%- endfor %}
        {%- for stage in all_stages %}
        sum(case when current_stage = '{{ stage }}' then 1 else 0 end) as currently_{{ stage }},
        {%- endfor %}
        sum(case when first_became_mql_at is not null then 1 else 0 end) as were_mqls,
        sum(mql_count) as mql_count,
        sum(transition_count) as transition_count
    from leads
),

transition_totals as (
    select
        {%- for stage in all_stages %}
        sum(case when to_stage = '{{ stage }}' then 1 else 0 end) as {{ stage }}_transitions,
        {%- endfor %}
        count(*) as transitions
    from transitions
),

cohort_totals as (
    select
        {%- for stage in funnel_stages %}
        sum(reached_{{ stage }}) as reached_{{ stage }},
        {%- endfor %}
        sum(disqualified) as disqualified,
        sum(leads) as leads
    from cohorts
),

weekly_totals as (
    select
        {%- for stage in all_stages %}
        sum(case when stage = '{{ stage }}' then entries else 0 end) as {{ stage }}_entries,
        {%- endfor %}
        count(*) as weekly_rows
    from weekly
),

last_day_stock as (
    select
        {%- for stage in all_stages %}
        sum(case when daily.stage = '{{ stage }}' then daily.leads_in_stage else 0 end)
            as {{ stage }}_stock,
        {%- endfor %}
        max(last_day.calendar_date) as stock_date
    from daily
    inner join last_day
        on daily.calendar_date = last_day.calendar_date
),

quality_totals as (
    select
        sum(leads) as leads,
        sum(mqls) as mqls
    from quality
),

follow_up_totals as (
    select count(*) as follow_ups
    from follow_ups
),

totals as (
    select
        lead_totals.leads as dim_leads_rows,
        {%- for stage in funnel_stages %}
        lead_totals.reached_{{ stage }} as leads_reached_{{ stage }},
        cohort_totals.reached_{{ stage }} as cohort_reached_{{ stage }},
        {%- endfor %}
        {%- for stage in all_stages %}
        lead_totals.currently_{{ stage }} as leads_currently_{{ stage }},
        transition_totals.{{ stage }}_transitions,
        weekly_totals.{{ stage }}_entries as weekly_{{ stage }}_entries,
        last_day_stock.{{ stage }}_stock as last_day_{{ stage }}_stock,
        {%- endfor %}
        lead_totals.were_mqls as leads_that_were_mqls,
        lead_totals.mql_count as leads_mql_count,
        lead_totals.transition_count as leads_transition_count,
        transition_totals.transitions,
        cohort_totals.leads as cohort_leads,
        cohort_totals.disqualified as cohort_disqualified,
        quality_totals.leads as quality_leads,
        quality_totals.mqls as quality_mqls,
        follow_up_totals.follow_ups
    from lead_totals
    cross join transition_totals
    cross join cohort_totals
    cross join weekly_totals
    cross join last_day_stock
    cross join quality_totals
    cross join follow_up_totals
),

{%- set checks = [
    ('cohort leads = dim_leads rows', 'cohort_leads', 'dim_leads_rows'),
    ('cohort disqualified = disqualified transitions', 'cohort_disqualified', 'disqualified_transitions'),
    ('dim_leads mql_count = mql transitions', 'leads_mql_count', 'mql_transitions'),
    ('dim_leads transition_count = transitions', 'leads_transition_count', 'transitions'),
    ('quality leads = dim_leads rows', 'quality_leads', 'dim_leads_rows'),
    ('quality mqls = leads that were MQLs', 'quality_mqls', 'leads_that_were_mqls'),
    ('follow-ups = mql transitions', 'follow_ups', 'mql_transitions'),
] %}
{%- for stage in funnel_stages %}
{%- do checks.append(('cohort reached_' ~ stage ~ ' = leads that reached ' ~ stage,
    'cohort_reached_' ~ stage, 'leads_reached_' ~ stage)) %}
{%- endfor %}
{%- for stage in all_stages %}
{%- do checks.append(('weekly ' ~ stage ~ ' entries = ' ~ stage ~ ' transitions',
    'weekly_' ~ stage ~ '_entries', stage ~ '_transitions')) %}
{%- do checks.append(('last day ' ~ stage ~ ' stock = leads currently ' ~ stage,
    'last_day_' ~ stage ~ '_stock', 'leads_currently_' ~ stage)) %}
{%- endfor %}

checks as (
    {%- for check in checks %}
    select
        '{{ check[0] }}' as check_name,
        {{ check[1] }} as mart_count,
        {{ check[2] }} as expected_count
    from totals
    {{- '\n    union all' if not loop.last }}
    {%- endfor %}
)

select * from checks
where coalesce(mart_count, 0) <> coalesce(expected_count, 0)
