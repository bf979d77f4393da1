{#-
    A condition value of the scoring seeds as the rules compare it: trimmed, lower case, with the
    spaces around each `|` of a list removed; null when empty.
-#}
{% macro scoring_condition_text(expression) -%}
    nullif({{ regexp_replace_all('lower(trim(' ~ expression ~ '))', ' *[|] *', '|') }}, '')
{%- endmacro %}
