{#-
    True when the whole of `expression` matches the regular expression held in `pattern_column`
    (a column, e.g. of a seed, rather than a literal). RE2/Java-compatible syntax.
-#}
{% macro regexp_full_match_column(expression, pattern_column) %}
    {{ return(adapter.dispatch('regexp_full_match_column', 'lead_funnel')(expression, pattern_column)) }}
{% endmacro %}

{% macro default__regexp_full_match_column(expression, pattern_column) -%}
    regexp_like({{ expression }}, {{ dbt.concat(["'^(?:'", pattern_column, "')$'"]) }})
{%- endmacro %}

{% macro duckdb__regexp_full_match_column(expression, pattern_column) -%}
    regexp_full_match({{ expression }}, {{ pattern_column }})
{%- endmacro %}

{% macro spark__regexp_full_match_column(expression, pattern_column) -%}
    ({{ expression }} rlike {{ dbt.concat(["'^(?:'", pattern_column, "')$'"]) }})
{%- endmacro %}
