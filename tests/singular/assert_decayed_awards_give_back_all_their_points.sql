{#-
    An award whose decay ended before the scoring moment has given back exactly its points: its
    expiry or half-life rows sum to minus the award.
-#}
with ledger as (
    select * from {{ ref('fct_lead_score_ledger') }}
),

as_of as (
    select * from {{ ref('int_scoring_as_of') }}
),

ended_awards as (
    select
        ledger.lead_id,
        ledger.scoring_model,
        ledger.rule_id,
        ledger.signal_id,
        ledger.points
    from ledger
    cross join as_of
    where ledger.entry_type = 'award' and ledger.expires_at <= as_of.scored_as_of
),

given_back as (
    select
        lead_id,
        scoring_model,
        rule_id,
        signal_id,
        sum(points) as points
    from ledger
    where entry_type in ('expired', 'decayed')
    group by lead_id, scoring_model, rule_id, signal_id
)

select
    ended_awards.*,
    given_back.points as points_given_back
from ended_awards
left join given_back
    on
        ended_awards.lead_id = given_back.lead_id
        and ended_awards.scoring_model = given_back.scoring_model
        and ended_awards.rule_id = given_back.rule_id
        and ended_awards.signal_id = given_back.signal_id
where ended_awards.points + coalesce(given_back.points, 0) <> 0
