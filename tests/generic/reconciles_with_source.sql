{#-
    Nothing silently lost: every raw row of `source_relation` is either kept in the tested staging
    model, or recorded in `duplicates_model`, or quarantined in `rejected_model` (both filtered on
    `source_table`). Fails with the four counts when they do not add up.
-#}
{% test reconciles_with_source(model, source_relation, source_table, duplicates_model, rejected_model) %}

with counts as (
    select
        (select count(*) from {{ source_relation }}) as raw_rows,
        (select count(*) from {{ model }}) as kept_rows,
        (select count(*) from {{ duplicates_model }} where source_table = '{{ source_table }}') as duplicate_rows,
        (select count(*) from {{ rejected_model }} where source_table = '{{ source_table }}') as rejected_rows
)

select *
from counts
where raw_rows <> kept_rows + duplicate_rows + rejected_rows

{% endtest %}
