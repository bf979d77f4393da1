{#-
    The select-list columns for every event field of the signal catalogue (but `days_inactive`,
    which the inactivity rules make): the expression `values` gives for a field, or a typed null
    for the fields this kind of event does not have. Keeps every branch of int_lead_signals in
    step with the catalogue.
-#}
{% macro scoring_event_field_columns(values) -%}
    {%- set numbers = scoring_catalogue_fields('event', 'number') -%}
    {%- for field in scoring_catalogue_fields('event') if field != 'days_inactive' %}
        {%- if field in values %}
        {{ values[field] }} as {{ field }},
        {%- elif field in numbers %}
        cast(null as {{ dbt.type_int() }}) as {{ field }},
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as {{ field }},
        {%- endif %}
    {%- endfor %}
{%- endmacro %}
