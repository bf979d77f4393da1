{#-
    The number in a condition value of the scoring seeds: `part` 1 is the value itself (or the
    low end of `between low|high`), `part` 2 the high end. Null when it is not a number.
-#}
{% macro scoring_condition_number(expression, part) -%}
    {{ safe_cast('trim(' ~ dbt.split_part(expression, "'|'", part) ~ ')', dbt.type_float()) }}
{%- endmacro %}
