{#- Every link joins two identifiers of the same component; otherwise identity_max_hops is too small. -#}
with links as (
    select * from {{ ref('int_identity_links') }}
),

resolved as (
    select * from {{ ref('int_identity_resolved') }}
)

select
    links.from_identifier,
    links.to_identifier,
    from_side.component_id as from_component,
    to_side.component_id as to_component
from links
inner join resolved as from_side on links.from_identifier = from_side.identifier
inner join resolved as to_side on links.to_identifier = to_side.identifier
where from_side.component_id <> to_side.component_id
