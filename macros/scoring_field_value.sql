{#-
    The value of the catalogue field named by the column `field` in `record`, as the scoring
    conditions compare it: as_type 'text' gives lower-case text (numbers as text too), 'number'
    gives a number for number fields and null otherwise, 'display' the text as it is stored.
-#}
{% macro scoring_field_value(record, kind, field, as_type) -%}
    case {{ field }}
        {%- if as_type == 'number' %}
            {%- for name in scoring_catalogue_fields(kind, 'number') %}
        when '{{ name }}' then cast({{ record }}.{{ name }} as {{ dbt.type_float() }})
            {%- endfor %}
        {%- else %}
            {%- for name in scoring_catalogue_fields(kind, 'text') %}
            {%- if as_type == 'display' %}
        when '{{ name }}' then {{ record }}.{{ name }}
            {%- else %}
        when '{{ name }}' then lower({{ record }}.{{ name }})
            {%- endif %}
            {%- endfor %}
            {%- for name in scoring_catalogue_fields(kind, 'number') %}
        when '{{ name }}' then cast({{ record }}.{{ name }} as {{ dbt.type_string() }})
            {%- endfor %}
        {%- endif %}
    end
{%- endmacro %}
