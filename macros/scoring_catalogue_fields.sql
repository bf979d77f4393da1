{#- The distinct fields of one kind ('event' or 'attribute') and type ('text', 'number', or none for both) in the signal catalogue. -#}
{% macro scoring_catalogue_fields(kind, type=none) %}
    {%- set fields = [] -%}
    {%- for entry in scoring_signal_catalogue() -%}
        {%- if entry.kind == kind and (type is none or entry.type == type) and entry.field not in fields -%}
            {%- do fields.append(entry.field) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(fields) }}
{% endmacro %}
