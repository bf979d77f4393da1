{{ config(materialized='table') }}

{#-
    Connected components of the identity graph: every identifier that evidence chains together
    belongs to one person. Labels spread along the links for `identity_max_hops` rounds (a
    singular test fails if that was not enough). A component that holds an address or a CRM
    record is a lead; `lead_id` is the hash of its earliest-linked address or record, so it stays
    put as newer identifiers join. A component of browsers only is an anonymous visitor (no lead_id).
-#}
with links as (
    select * from {{ ref('int_identity_links') }}
),

lead_versions as (
    select * from {{ ref('stg_crm__lead_versions') }}
),

email_events as (
    select * from {{ ref('stg_email__events') }}
),

edges as (
    select
        from_identifier as identifier,
        to_identifier as neighbour
    from links
    union
    select
        to_identifier as identifier,
        from_identifier as neighbour
    from links
),

sightings as (
    select
        from_identifier as identifier,
        linked_at as seen_at
    from links
    union all
    select
        to_identifier as identifier,
        linked_at as seen_at
    from links
    union all
    select
        'crm:' || record_id as identifier,
        created_at as seen_at
    from lead_versions
    union all
    select
        'email:' || email as identifier,
        event_at as seen_at
    from email_events
    where email is not null
),

nodes as (
    select
        identifier,
        min(seen_at) as first_seen_at
    from sightings
    group by identifier
),

labels_0 as (
    select
        identifier,
        identifier as component_label
    from nodes
),

{% for hop in range(1, var('identity_max_hops') + 1) %}
labels_{{ hop }} as (
    select
        current_labels.identifier,
        least(
            current_labels.component_label,
            coalesce(min(neighbour_labels.component_label), current_labels.component_label)
        ) as component_label
    from labels_{{ hop - 1 }} as current_labels
    left join edges
        on current_labels.identifier = edges.identifier
    left join labels_{{ hop - 1 }} as neighbour_labels
        on edges.neighbour = neighbour_labels.identifier
    group by current_labels.identifier, current_labels.component_label
),

{% endfor %}
components as (
    select
        labels_{{ var('identity_max_hops') }}.identifier,
        labels_{{ var('identity_max_hops') }}.component_label as component_id,
        nodes.first_seen_at
    from labels_{{ var('identity_max_hops') }}
    inner join nodes
        on labels_{{ var('identity_max_hops') }}.identifier = nodes.identifier
),

anchors as (
    select
        component_id,
        identifier as anchor_identifier,
        row_number() over (partition by component_id order by first_seen_at, identifier) as anchor_rank
    from components
    where identifier not like 'browser:%'
),

final as (
    select
        components.identifier,
        {{ dbt.split_part('components.identifier', "':'", 1) }} as identifier_type,
        substring(components.identifier, length({{ dbt.split_part('components.identifier', "':'", 1) }}) + 2)
            as identifier_value,
        case when anchors.anchor_identifier is not null then {{ dbt.hash('anchors.anchor_identifier') }} end
            as lead_id,
        components.component_id,
        components.first_seen_at
    from components
    left join anchors
        on components.component_id = anchors.component_id and anchors.anchor_rank = 1
)

select * from final
