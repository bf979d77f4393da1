{#-
    A lead becomes a customer only by winning an opportunity it entered first: every transition
    into customer follows, in the same lead's history, a transition into opportunity for the same
    opportunity. Returns the customers without one.
-#}
with transitions as (
    select * from {{ ref('fct_lead_stage_transitions') }}
),

customers as (
    select * from transitions
    where to_stage = 'customer'
),

opportunities as (
    select * from transitions
    where to_stage = 'opportunity'
)

select
    customers.lead_id,
    customers.transition_number,
    customers.trigger_id as won_opportunity_id,
    customers.trigger_type
from customers
where not exists (
    select 1
    from opportunities
    where
        opportunities.lead_id = customers.lead_id
        and opportunities.trigger_id = customers.trigger_id
        and opportunities.transition_number < customers.transition_number
)
