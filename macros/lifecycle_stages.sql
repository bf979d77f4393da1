{#-
    The lifecycle stages in funnel order, then the two detours: the one list every model, test
    and funnel uses, so a report sorts them the same way everywhere.
-#}
{% macro lifecycle_stages() %}
    {{ return(['lead', 'mql', 'sql', 'opportunity', 'customer', 'recycled', 'disqualified']) }}
{% endmacro %}
