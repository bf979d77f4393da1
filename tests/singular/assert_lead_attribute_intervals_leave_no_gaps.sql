{#- A closed_interval interval is always followed by the next one at the same moment: history has no holes. -#}
with intervals as (
    select * from {{ ref('int_lead_attributes_history') }}
)

select
    closed_interval.record_id,
    closed_interval.valid_to
from intervals as closed_interval
left join intervals as next_interval
    on
        closed_interval.record_id = next_interval.record_id
        and closed_interval.valid_to = next_interval.valid_from
where closed_interval.valid_to is not null and next_interval.record_id is null
