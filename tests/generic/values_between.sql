{#-
    Every non-null value of `column_name` lies between `min_value` and `max_value`, both included.
    Returns the rows outside the range; pair it with `not_null` when empty values are wrong too.
-#}
{% test values_between(model, column_name, min_value, max_value) %}

select *
from {{ model }}
where
    {{ column_name }} < {{ min_value }}
    or {{ column_name }} > {{ max_value }}

{% endtest %}
