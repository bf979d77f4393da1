{#-
    A key for one raw row as it landed: a hash of every column's text. Two rows get the same key
    only when they are identical in every column, loaded_at included.
-#}
{% macro raw_row_id(columns) -%}
    {{ dbt.hash(lead_funnel.raw_values(columns)) }}
{%- endmacro %}

{#- Every column of a raw row as readable text, `name=value; ...`, with `∅` for null. -#}
{% macro raw_values(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append("'" ~ column ~ "='") -%}
        {%- do parts.append("coalesce(cast(" ~ column ~ " as " ~ dbt.type_string() ~ "), '∅')") -%}
        {%- if not loop.last %}{% do parts.append("'; '") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}
