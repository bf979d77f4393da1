{#-
    Make every source table a view in the warehouse (schema `raw`) over its files, so that tools
    which look a source up by name (dbt unit tests, BI explorers, ad-hoc SQL) find it. Models keep
    reading the files directly through the source's `external_location`. Runs at the start of
    every dbt command (on-run-start).
-#}
{% macro register_raw_views() %}
    {{ return(adapter.dispatch('register_raw_views', 'lead_funnel')()) }}
{% endmacro %}

{#- Other engines register their raw tables their own way (e.g. `using parquet location` on Spark). -#}
{% macro default__register_raw_views() %}
{% endmacro %}

{% macro duckdb__register_raw_views() %}
    {% if execute %}
        {% do run_query('create schema if not exists raw') %}
        {% for node in graph.sources.values() if node.package_name == 'lead_funnel' %}
            {% set location = node.config.meta.get('external_location') or node.meta.get('external_location') %}
            {% if location %}
                {% do run_query(
                    "create or replace view raw." ~ node.name ~ " as select * from read_parquet('" ~ location ~ "')"
                ) %}
            {% endif %}
        {% endfor %}
    {% endif %}
{% endmacro %}
