{#-
    Stops the model that calls it when `errors_model` (int_scoring_config_errors) lists any problem
    in the scoring seeds, with every problem in one message, so nothing downstream is built from an
    invalid configuration. Checks only while dbt builds (run, build, retry) and once the errors
    view exists: parse, compile, docs generate and sqlfluff render the model without a query.
-#}
{% macro fail_on_scoring_config_errors(errors_model) %}
    {%- if not execute or flags.WHICH not in ['build', 'run', 'retry'] -%}
        {{ return('') }}
    {%- endif -%}
    {%- set errors_relation = load_relation(errors_model) -%}
    {%- if errors_relation is none -%}
        {{ return('') }}
    {%- endif -%}
    {%- set found = run_query(
        'select message from ' ~ errors_relation ~ ' order by seed_file, line_number, column_name, message'
    ) -%}
    {%- set messages = found.columns[0].values() -%}
    {%- if messages | length > 0 -%}
        {%- set lines = [
            'The scoring configuration has ' ~ messages | length ~ (' problem' if messages | length == 1 else ' problems')
            ~ '; nothing was scored. Fix these rows and run dbt build again:'
        ] -%}
        {%- for message in messages -%}
            {%- do lines.append('  ' ~ loop.index ~ '. ' ~ message) -%}
        {%- endfor -%}
        {%- do lines.append('The scores, stages and marts of the last successful build stay as they were.') -%}
        {{ exceptions.raise_compiler_error(lines | join('\n')) }}
    {%- endif -%}
{% endmacro %}
