{#- An e-mail address in one canonical spelling: whitespace trimmed, lower case; null when empty. -#}
{% macro normalize_email(expression) -%}
    nullif(lower({{ lead_funnel.regexp_replace_all(expression, "^[ \t\r\n]+|[ \t\r\n]+$", "") }}), '')
{%- endmacro %}

{#- True when an address (already normalized) is shaped like one: local@domain.tld. -#}
{% macro is_valid_email(expression) -%}
    coalesce({{ lead_funnel.regexp_full_match(expression, "[^@ \t\r\n]+@[^@ \t\r\n]+[.][a-z]{2,}") }}, false)
{%- endmacro %}
