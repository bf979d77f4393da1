{#- Every scored lead has exactly one primary scoring model: the one its lifecycle follows. -#}
select
    lead_id,
    sum(case when is_primary_model then 1 else 0 end) as primary_models
from {{ ref('fct_lead_scores') }}
group by lead_id
having sum(case when is_primary_model then 1 else 0 end) <> 1
