{{ config(materialized='table') }}

{#-
    The moment scores are computed for: the var `scoring_as_of` when set (scores as they stood
    then, from what had been loaded by then), else the latest scorable event. Decay and inactivity
    are counted up to this moment, and events after it are ignored.
-#}
{%- if var('scoring_as_of', none) %}

select cast('{{ var("scoring_as_of") }}' as {{ dbt.type_timestamp() }}) as scored_as_of

{%- else %}

with signals as (
    select * from {{ ref('int_lead_signals') }}
),

final as (
    select max(occurred_at) as scored_as_of
    from signals
)

select * from final

{%- endif %}
