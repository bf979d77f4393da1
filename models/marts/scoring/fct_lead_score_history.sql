{#-
    A lead's scores in each scoring model over time: one row per interval [valid_from, valid_to)
    in which no score changed, read from the ledger (the last ledger row at each moment). The
    score of any lead at any moment is the row whose interval holds that moment; before its first
    row a lead's score is 0. Each row says whether the lead met its model's MQL threshold, the
    minimum fit and the "not too soon" guard at the time, so the moment a threshold was crossed is
    the valid_from of the first row that meets it.
-#}
with ledger as (
    select * from {{ ref('fct_lead_score_ledger') }}
),

scoring_models as (
    select * from {{ ref('int_scoring_models') }}
),

last_entry_per_moment as (
    select
        *,
        row_number() over (
            partition by lead_id, scoring_model, occurred_at order by ledger_sequence desc
        ) as moment_rank
    from ledger
),

moments as (
    select * from last_entry_per_moment
    where moment_rank = 1
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            'moments.lead_id', "'|'", 'moments.scoring_model', "'|'",
            'cast(moments.occurred_at as ' ~ dbt.type_string() ~ ')'
        ])) }} as score_history_id,
        moments.lead_id,
        moments.scoring_model,
        moments.ledger_entry_id as last_ledger_entry_id,
        moments.rule_set_version,
        moments.fit_score_after as fit_score,
        moments.engagement_score_after as engagement_score,
        moments.total_score_after as total_score,
        moments.engagements_to_date,
        moments.engagement_days_to_date,
        moments.total_score_after >= scoring_models.mql_threshold
        and moments.fit_score_after >= scoring_models.min_fit_score as is_above_mql_threshold,
        moments.engagements_to_date >= scoring_models.min_engagements
        and moments.engagement_days_to_date >= scoring_models.min_engagement_days as is_engagement_guard_met,
        moments.total_score_after >= scoring_models.mql_threshold
        and moments.fit_score_after >= scoring_models.min_fit_score
        and moments.engagements_to_date >= scoring_models.min_engagements
        and moments.engagement_days_to_date >= scoring_models.min_engagement_days as is_sales_ready,
        moments.total_score_after < scoring_models.recycle_threshold as is_below_recycle_threshold,
        moments.occurred_at as valid_from,
        lead(moments.occurred_at) over (
            partition by moments.lead_id, moments.scoring_model order by moments.occurred_at
        ) as valid_to
    from moments
    inner join scoring_models
        on moments.scoring_model = scoring_models.scoring_model
)

select * from final
