{#-
    Every lead's current scores, one row per lead and scoring model that scores it: fit,
    engagement and total at the scoring moment, where the "not too soon" guard stands, and when
    the lead first and last crossed into sales-ready. A lead with no ledger rows scores 0.
    `is_primary_model` marks the model the lead's lifecycle follows.
-#}
with lead_models as (
    select * from {{ ref('int_lead_scoring_models') }}
),

scoring_models as (
    select * from {{ ref('int_scoring_models') }}
),

history as (
    select * from {{ ref('fct_lead_score_history') }}
),

ledger as (
    select * from {{ ref('fct_lead_score_ledger') }}
),

as_of as (
    select * from {{ ref('int_scoring_as_of') }}
),

current_scores as (
    select * from history
    where valid_to is null
),

sales_ready_moments as (
    select
        lead_id,
        scoring_model,
        min(valid_from) as first_sales_ready_at
    from history
    where is_sales_ready
    group by lead_id, scoring_model
),

ledger_counts as (
    select
        lead_id,
        scoring_model,
        count(*) as ledger_entries,
        min(occurred_at) as first_scored_at
    from ledger
    group by lead_id, scoring_model
),

final as (
    select
        lead_models.lead_id,
        lead_models.scoring_model,
        lead_models.rule_set_version,
        coalesce(current_scores.fit_score, 0) as fit_score,
        coalesce(current_scores.engagement_score, 0) as engagement_score,
        coalesce(current_scores.total_score, 0) as total_score,
        scoring_models.mql_threshold,
        scoring_models.min_fit_score,
        scoring_models.recycle_threshold,
        coalesce(current_scores.engagements_to_date, 0) as engagements_to_date,
        coalesce(current_scores.engagement_days_to_date, 0) as engagement_days_to_date,
        coalesce(ledger_counts.ledger_entries, 0) as ledger_entries,
        lead_models.is_primary_model,
        coalesce(
            current_scores.is_above_mql_threshold,
            0 >= scoring_models.mql_threshold and 0 >= scoring_models.min_fit_score
        ) as is_above_mql_threshold,
        coalesce(current_scores.is_sales_ready, false) as is_sales_ready,
        ledger_counts.first_scored_at,
        current_scores.valid_from as score_changed_at,
        sales_ready_moments.first_sales_ready_at,
        as_of.scored_as_of
    from lead_models
    inner join scoring_models
        on lead_models.scoring_model = scoring_models.scoring_model
    cross join as_of
    left join current_scores
        on
            lead_models.lead_id = current_scores.lead_id
            and lead_models.scoring_model = current_scores.scoring_model
    left join sales_ready_moments
        on
            lead_models.lead_id = sales_ready_moments.lead_id
            and lead_models.scoring_model = sales_ready_moments.scoring_model
    left join ledger_counts
        on
            lead_models.lead_id = ledger_counts.lead_id
            and lead_models.scoring_model = ledger_counts.scoring_model
)

select * from final
