{#-
    Finish a base model: give every raw row a unique `raw_row_id` (its content hash, with a copy
    number when a feed lands the very same row twice) and rank the deliveries of one event among
    the rows that were not rejected: `delivery_rank` 1 is the earliest load (ties broken by the
    row hash), the copy staging keeps; later ranks are duplicates. Rejected rows get no rank.
    Expects the columns raw_row_hash, reject_reason and loaded_at in `relation`.
-#}
{% macro rank_deliveries(relation, natural_key) -%}
    select
        *,
        raw_row_hash
        || case when copy_number > 1 then '-' || cast(copy_number as {{ dbt.type_string() }}) else '' end
            as raw_row_id,
        case
            when reject_reason is null
                then row_number() over (
                    partition by reject_reason is null, {{ natural_key }}
                    order by loaded_at, raw_row_hash, copy_number
                )
        end as delivery_rank
    from (
        select
            *,
            row_number() over (partition by raw_row_hash order by loaded_at) as copy_number
        from {{ relation }}
    ) as copies
{%- endmacro %}
