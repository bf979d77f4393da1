{#-
    No two rows of `model` share the same values in all of `columns` (a list of column names).
    Nulls count as equal, so two rows that leave the same column empty are duplicates too.
    Returns each duplicated combination with the number of rows that hold it.
-#}
{% test unique_combination(model, columns) %}

select
    {{ columns | join(',\n    ') }},
    count(*) as row_count
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1

{% endtest %}
