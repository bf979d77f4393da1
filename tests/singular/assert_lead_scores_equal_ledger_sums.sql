{#- Every lead's current fit, engagement and total equal the sums of its ledger rows, model by model. -#}
with scores as (
    select * from {{ ref('fct_lead_scores') }}
),

ledger as (
    select * from {{ ref('fct_lead_score_ledger') }}
),

ledger_sums as (
    select
        lead_id,
        scoring_model,
        sum(case when dimension = 'fit' then points else 0 end) as fit_points,
        sum(case when dimension = 'engagement' then points else 0 end) as engagement_points,
        sum(points) as total_points
    from ledger
    group by lead_id, scoring_model
)

select
    scores.lead_id,
    scores.scoring_model,
    scores.fit_score,
    scores.engagement_score,
    scores.total_score,
    ledger_sums.fit_points,
    ledger_sums.engagement_points,
    ledger_sums.total_points
from scores
left join ledger_sums
    on
        scores.lead_id = ledger_sums.lead_id
        and scores.scoring_model = ledger_sums.scoring_model
where
    scores.fit_score <> coalesce(ledger_sums.fit_points, 0)
    or scores.engagement_score <> coalesce(ledger_sums.engagement_points, 0)
    or scores.total_score <> coalesce(ledger_sums.total_points, 0)
