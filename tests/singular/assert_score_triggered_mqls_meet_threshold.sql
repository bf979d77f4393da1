{#-
    Every MQL the score triggered records a score that meets its scoring model's MQL threshold,
    names that model and the rule-set version, and matches the score history at that moment.
    Returns the MQLs that do not.
-#}
with transitions as (
    select * from {{ ref('fct_lead_stage_transitions') }}
    where trigger_type = 'score_threshold'
),

scoring_models as (
    select * from {{ ref('int_scoring_models') }}
),

score_history as (
    select * from {{ ref('fct_lead_score_history') }}
)

select
    transitions.lead_id,
    transitions.transition_number,
    transitions.to_stage,
    transitions.scoring_model,
    transitions.score_at_event,
    scoring_models.mql_threshold,
    score_history.total_score as score_in_history
from transitions
left join scoring_models
    on transitions.scoring_model = scoring_models.scoring_model
left join score_history
    on
        transitions.lead_id = score_history.lead_id
        and transitions.scoring_model = score_history.scoring_model
        and transitions.transitioned_at = score_history.valid_from
where
    transitions.to_stage <> 'mql'
    or transitions.rule_set_version is null
    or scoring_models.mql_threshold is null
    or transitions.score_at_event is null
    or transitions.score_at_event < scoring_models.mql_threshold
    or score_history.total_score is null
    or score_history.total_score <> transitions.score_at_event
    or not score_history.is_sales_ready
