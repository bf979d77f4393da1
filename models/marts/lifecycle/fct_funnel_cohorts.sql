{#-
    The cohort funnel: leads created in a month, by first-touch channel and segment, and how many
    of them have reached each stage so far. A lead reaches a stage when it enters it or any stage
    after it (a fast-tracked SQL has reached MQL), so the counts never grow down the funnel.
    Days between two stages count only leads that were in the first of them: a fast-tracked SQL
    adds no MQL-to-SQL time.
-#}
{%- set steps = [('lead', 'mql'), ('mql', 'sql'), ('sql', 'opportunity'), ('opportunity', 'customer')] %}

with leads as (
    select * from {{ ref('dim_leads') }}
),

lead_steps as (
    select
        *,
        {%- for step in steps %}
        {%- set step_start = 'created_at' if step[0] == 'lead' else 'reached_' ~ step[0] ~ '_at' %}
        case
            when
                reached_{{ step[1] }}_at is not null
                {%- if step[0] != 'lead' %}
                and first_became_{{ step[0] }}_at = reached_{{ step[0] }}_at
                {%- endif %}
                then {{ dbt.datediff(
                    step_start, 'reached_' ~ step[1] ~ '_at', 'second'
                ) }} / 86400.0
        end as days_{{ step[0] }}_to_{{ step[1] }},
        {%- endfor %}
        cast({{ dbt.date_trunc('month', 'created_at') }} as date) as cohort_month
    from leads
),

cohorts as (
    select
        cohort_month,
        first_touch_channel,
        segment,
        {%- for stage in ['mql', 'sql', 'opportunity', 'customer'] %}
        cast(sum(case when reached_{{ stage }}_at is not null then 1 else 0 end) as {{ dbt.type_bigint() }})
            as reached_{{ stage }},
        {%- endfor %}
        {%- for step in steps %}
        {%- set days = 'days_' ~ step[0] ~ '_to_' ~ step[1] %}
        {{ percentile(days, 0.5) }} as median_{{ days }},
        {{ percentile(days, 0.9) }} as p90_{{ days }},
        {%- endfor %}
        cast(sum(case when first_became_disqualified_at is not null then 1 else 0 end) as {{ dbt.type_bigint() }})
            as disqualified,
        cast(sum(case when has_fast_tracked then 1 else 0 end) as {{ dbt.type_bigint() }}) as fast_tracked,
        cast(sum(case when mql_count > 1 then 1 else 0 end) as {{ dbt.type_bigint() }}) as re_mqled,
        count(*) as leads
    from lead_steps
    group by cohort_month, first_touch_channel, segment
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            'cast(cohort_month as ' ~ dbt.type_string() ~ ')', "'|'", 'first_touch_channel', "'|'", 'segment'
        ])) }} as cohort_id,
        cohort_month,
        first_touch_channel,
        segment,
        leads,
        reached_mql,
        reached_sql,
        reached_opportunity,
        reached_customer,
        disqualified,
        fast_tracked,
        re_mqled,
        {%- for step in steps %}
        {%- set step_base = 'leads' if step[0] == 'lead' else 'reached_' ~ step[0] %}
        cast(reached_{{ step[1] }} as {{ dbt.type_float() }}) / nullif({{ step_base }}, 0)
            as {{ step[0] }}_to_{{ step[1] }}_rate,
        {%- endfor %}
        {%- for step in steps %}
        median_days_{{ step[0] }}_to_{{ step[1] }},
        p90_days_{{ step[0] }}_to_{{ step[1] }},
        {%- endfor %}
        cast(reached_customer as {{ dbt.type_float() }}) / leads as lead_to_customer_rate
    from cohorts
)

select * from final
