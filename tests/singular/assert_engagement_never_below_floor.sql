{#-
    A lead's engagement is never below its model's engagement floor at any moment. (Within one
    moment the ledger shows the award that went below and then the floor row that corrects it.)
-#}
with history as (
    select * from {{ ref('fct_lead_score_history') }}
),

scoring_models as (
    select * from {{ ref('int_scoring_models') }}
)

select
    history.score_history_id,
    history.engagement_score,
    scoring_models.engagement_floor
from history
inner join scoring_models
    on history.scoring_model = scoring_models.scoring_model
where history.engagement_score < scoring_models.engagement_floor
