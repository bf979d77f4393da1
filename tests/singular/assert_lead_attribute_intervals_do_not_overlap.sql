{#- For a lead record, at any moment exactly one set of attributes holds: intervals never overlap. -#}
with intervals as (
    select * from {{ ref('int_lead_attributes_history') }}
)

select
    earlier.record_id,
    earlier.valid_from as earlier_from,
    earlier.valid_to as earlier_to,
    later.valid_from as later_from
from intervals as earlier
inner join intervals as later
    on
        earlier.record_id = later.record_id
        and earlier.valid_from < later.valid_from
        and later.valid_from < coalesce(earlier.valid_to, {{ dbt.dateadd('day', 1, 'later.valid_from') }})
