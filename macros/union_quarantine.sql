{#-
    The body of a source's quarantine model: every row its base models rejected, with the reason
    and the row as it landed. `tables` is a list of (base model, 'source.table').
-#}
{% macro union_rejected_rows(tables) -%}
with
{% for model, source_table in tables %}
{{ model }} as (
    select * from {{ ref(model) }}
),
{% endfor %}
rejected as (
    {% for model, source_table in tables %}
        select
            '{{ source_table }}' as source_table,
            raw_row_id,
            reject_reason,
            raw_values,
            loaded_at
        from {{ model }}
        where reject_reason is not null
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from rejected
{%- endmacro %}

{#-
    The body of a source's duplicates model: every later delivery of a row staging already holds.
    `tables` is a list of (base model, 'source.table', SQL expression identifying the event).
-#}
{% macro union_duplicate_rows(tables) -%}
with
{% for model, source_table, event_id in tables %}
{{ model }} as (
    select * from {{ ref(model) }}
),
{% endfor %}
duplicates as (
    {% for model, source_table, event_id in tables %}
        select
            '{{ source_table }}' as source_table,
            raw_row_id,
            {{ event_id }} as event_id,
            delivery_rank,
            loaded_at
        from {{ model }}
        where delivery_rank > 1
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select * from duplicates
{%- endmacro %}
