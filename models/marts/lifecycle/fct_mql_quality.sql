{#-
    MQL quality by first-touch channel and campaign: of the leads that became MQLs, how many went
    on to an SQL and how many were won. Only leads that were MQLs count (a fast-tracked SQL that
    skipped MQL is not an MQL of its channel). Leads without a campaign share the row with an
    empty campaign of their channel.
-#}
with leads as (
    select * from {{ ref('dim_leads') }}
),

mqls as (
    select
        *,
        coalesce(first_touch_campaign, '') as campaign,
        reached_sql_at >= first_became_mql_at as went_on_to_sql,
        reached_customer_at >= first_became_mql_at as went_on_to_customer,
        case
            when reached_sql_at >= first_became_mql_at
                then {{ dbt.datediff(
                    'first_became_mql_at', 'reached_sql_at', 'second'
                ) }} / 86400.0
        end as days_mql_to_sql
    from leads
    where first_became_mql_at is not null
),

lead_counts as (
    select
        first_touch_channel,
        coalesce(first_touch_campaign, '') as campaign,
        count(*) as leads
    from leads
    group by first_touch_channel, coalesce(first_touch_campaign, '')
),

quality as (
    select
        first_touch_channel,
        campaign,
        count(*) as mqls,
        cast(sum(case when went_on_to_sql then 1 else 0 end) as {{ dbt.type_bigint() }}) as mqls_to_sql,
        cast(sum(case when went_on_to_customer then 1 else 0 end) as {{ dbt.type_bigint() }}) as mqls_won,
        cast(
            sum(case when first_became_disqualified_at >= first_became_mql_at then 1 else 0 end)
            as {{ dbt.type_bigint() }}
        ) as mqls_disqualified,
        cast(sum(case when mql_count > 1 then 1 else 0 end) as {{ dbt.type_bigint() }}) as re_mqled,
        {{ percentile('days_mql_to_sql', 0.5) }} as median_days_mql_to_sql
    from mqls
    group by first_touch_channel, campaign
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            'lead_counts.first_touch_channel', "'|'", 'lead_counts.campaign'
        ])) }} as mql_quality_id,
        lead_counts.first_touch_channel,
        lead_counts.campaign as first_touch_campaign,
        lead_counts.leads,
        coalesce(quality.mqls, 0) as mqls,
        coalesce(quality.mqls_to_sql, 0) as mqls_to_sql,
        coalesce(quality.mqls_won, 0) as mqls_won,
        coalesce(quality.mqls_disqualified, 0) as mqls_disqualified,
        coalesce(quality.re_mqled, 0) as re_mqled,
        cast(coalesce(quality.mqls, 0) as {{ dbt.type_float() }}) / lead_counts.leads as lead_to_mql_rate,
        cast(quality.mqls_to_sql as {{ dbt.type_float() }}) / nullif(quality.mqls, 0) as mql_to_sql_rate,
        cast(quality.mqls_won as {{ dbt.type_float() }}) / nullif(quality.mqls, 0) as mql_to_won_rate,
        quality.median_days_mql_to_sql
    from lead_counts
    left join quality
        on
            lead_counts.first_touch_channel = quality.first_touch_channel
            and lead_counts.campaign = quality.campaign
)

select * from final
