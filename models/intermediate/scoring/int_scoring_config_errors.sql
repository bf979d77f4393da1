{#-
    Every problem in seeds/scoring_rules.csv and seeds/scoring_models.csv, one row each, written
    for the marketer who edits them: where (file, CSV line, rule or model), what is wrong, and
    what to write instead. int_scoring_rules and int_scoring_models stop the build while this view
    has rows (macro fail_on_scoring_config_errors), so nothing is scored from a broken file.

    The checks read the seeds as those two models parse them (trimmed, lower case, spaces around
    `|` removed), so a value passes here only if the scoring reads it as meant. Signals, their
    fields and field types come from the macro scoring_signal_catalogue.

    Line numbers: a seed table has no column that says which CSV line a row came from, so rows
    are numbered in the order the table returns them (macro row_number_in_load_order) and the
    header counts as line 1. On DuckDB that is the file's order; a description that spans several
    lines inside quotes shifts the numbers of the rows below it.
-#}

{%- set catalogue = scoring_signal_catalogue() -%}
{%- set text_operators = ['equals', 'not equals', 'in', 'not in', 'contains', 'starts with'] -%}
{%- set number_operators = ['equals', 'not equals', 'between', 'at least', 'at most'] -%}
{%- set all_operators = text_operators + ['between', 'at least', 'at most'] -%}
{#- The scoring models one rule may list; a longer list is reported as a problem. -#}
{%- set max_models_per_rule = 20 -%}
{%- set max_points = var('scoring_max_points') -%}

{#- Signals in catalogue order with their kind and fields, and the fields of lead and account. -#}
{%- set signal_names = [] -%}
{%- set signal_kinds = {} -%}
{%- set signal_fields = {} -%}
{%- set attribute_fields = [] -%}
{%- for entry in catalogue -%}
{%- if entry.signal not in signal_names -%}
{%- do signal_names.append(entry.signal) -%}
{%- do signal_kinds.update({entry.signal: entry.kind}) -%}
{%- do signal_fields.update({entry.signal: []}) -%}
{%- endif -%}
{%- do signal_fields[entry.signal].append(entry.field) -%}
{%- if entry.kind == 'attribute' -%}
{%- do attribute_fields.append(entry.field) -%}
{%- endif -%}
{%- endfor -%}

{#- What a value must look like (the common subset of RE2 and Java regular expressions). -#}
{%- set whole_number = '-?[0-9]{1,9}' -%}
{%- set positive_whole_number = '[0-9]{1,9}' -%}
{%- set plain_number = '-?[0-9]{1,15}([.][0-9]+)?' -%}
{%- set number_range = plain_number ~ '[|]' ~ plain_number -%}
{%- set list_with_empty_entry = '[|].*|.*[|]|.*[|][|].*' -%}
{#- A quote mark inside a message, as a SQL literal this engine reads. -#}
{%- set quote_mark = "'" ~ dbt.escape_single_quotes("'") ~ "'" -%}

{%- set dimension_fix -%}
    case
        when expected_dimension is null then 'write fit for a lead or account signal, engagement for any other signal.'
        else {{ dbt.concat([
            "'write '", "expected_dimension", "': the signal '", "known_signal",
            "' is scored as '", "expected_dimension", "'.'",
        ]) }}
    end
{%- endset -%}
{%- set scoring_model_fix -%}
    {{ dbt.concat([
        "'write the scoring model the rule belongs to, or several separated by |, e.g. default|enterprise '",
        "'(defined models: '", "defined_model_list", "').'",
    ]) }}
{%- endset -%}

{#-
    The cells checked on their own: whether they must be filled, whether they hold a whole number
    and its smallest sensible value, what to write when the cell is empty or not a whole number
    (`fix`, text, or `fix_sql`, an expression) and when it is too small (`fix_too_small`).
-#}
{%- set rule_cells = [
    {'column': 'rule_id', 'required': true,
     'fix': 'give the rule a short name that no other rule uses, e.g. eng_pricing_page.'},
    {'column': 'scoring_model', 'required': true, 'fix_sql': scoring_model_fix},
    {'column': 'dimension', 'required': true, 'fix_sql': dimension_fix},
    {'column': 'signal', 'required': true,
     'fix': 'write what the rule scores, one of: ' ~ signal_names | join(', ') ~ '.'},
    {'column': 'points', 'required': true, 'whole': true,
     'fix': 'write the points as a whole number, e.g. 10 or -5.'},
    {'column': 'max_awards', 'whole': true, 'minimum': 1,
     'fix': 'write how many times at most the rule may score, as a whole number such as 3, or leave it empty for no limit.',
     'fix_too_small': 'write 1 or more, or leave it empty for no limit (to switch the rule off, set is_active to false).'},
    {'column': 'cap_window_days', 'whole': true, 'minimum': 1,
     'fix': 'write the cap window in whole days, e.g. 30, or leave it empty to count the awards over all time.',
     'fix_too_small': 'write 1 or more days, e.g. 30, or leave it empty to count the awards over all time.'},
    {'column': 'expire_after_days', 'whole': true, 'minimum': 1,
     'fix': 'write after how many days the points expire, as a whole number such as 90, or leave it empty.',
     'fix_too_small': 'write 1 or more days, e.g. 90, or leave it empty so the points never expire.'},
    {'column': 'half_life_days', 'whole': true, 'minimum': 1,
     'fix': 'write after how many days the points are worth half, as a whole number such as 60, or leave it empty.',
     'fix_too_small': 'write 1 or more days, e.g. 60, or leave it empty so the points never fade.'},
    {'column': 'is_active', 'required': true, 'fix': 'write true to use the rule or false to switch it off.'},
] -%}
{%- set model_cells = [
    {'column': 'scoring_model', 'required': true,
     'fix': 'give the scoring model a short name, e.g. enterprise; rules name it in their scoring_model column.'},
    {'column': 'priority', 'required': true, 'whole': true,
     'fix': 'write a whole number no other model uses, e.g. 20; when several models fit a lead, the lowest number is its main model.'},
    {'column': 'mql_threshold', 'required': true, 'whole': true, 'minimum': 1,
     'fix': 'write the score at which a lead becomes marketing-qualified, as a whole number such as 60.',
     'fix_too_small': 'write a score above 0, e.g. 60: at 0 or less every lead would qualify before doing anything.'},
    {'column': 'min_fit_score', 'required': true, 'whole': true,
     'fix': 'write the fit score a lead needs at least before it can qualify, as a whole number such as 10.'},
    {'column': 'recycle_threshold', 'required': true, 'whole': true,
     'fix': 'write the score under which a qualified lead is recycled, as a whole number below mql_threshold, e.g. 30.'},
    {'column': 'min_engagements', 'required': true, 'whole': true, 'minimum': 0,
     'fix': 'write how many engagements a lead needs at least before it can qualify, e.g. 3 (0 for no minimum).',
     'fix_too_small': 'write 0 for no minimum, or how many engagements a lead needs before it can qualify, e.g. 3.'},
    {'column': 'min_engagement_days', 'required': true, 'whole': true, 'minimum': 0,
     'fix': 'write on how many different days a lead must have engaged before it can qualify, e.g. 2 (0 for no minimum).',
     'fix_too_small': 'write 0 for no minimum, or on how many different days a lead must have engaged, e.g. 2.'},
    {'column': 'engagement_floor', 'whole': true,
     'fix': 'write the lowest the engagement score may fall, as 0 or a negative whole number such as -20, or leave it empty.'},
] -%}
{%- set cell_sources = [
    {'relation': 'rules', 'row_key': 'rule_id', 'cells': rule_cells},
    {'relation': 'models', 'row_key': 'scoring_model', 'cells': model_cells},
] -%}

with scoring_rules as (
    select * from {{ ref('scoring_rules') }}
),

scoring_models as (
    select * from {{ ref('scoring_models') }}
),

{# The catalogue: one row per signal and field a condition may test. #}
signal_fields as (
    {%- for entry in catalogue %}
    select
        '{{ entry.signal }}' as signal_name,
        '{{ entry.field }}' as field_name,
        '{{ entry.kind }}' as signal_kind,
        '{{ entry.type }}' as field_type
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

{# One row per signal: its kind, the dimension it is scored in, its fields as a readable list. #}
signals as (
    {%- for signal in signal_names %}
    select
        '{{ signal }}' as signal_name,
        '{{ signal_kinds[signal] }}' as signal_kind,
        '{{ "fit" if signal_kinds[signal] == "attribute" else "engagement" }}' as expected_dimension,
        '{{ signal_fields[signal] | join(", ") }}' as field_list
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

{# The operators a condition may use, and the types of field each works on. #}
operators as (
    {%- for operator in all_operators %}
    select
        '{{ operator }}' as operator_name,
        {{ 'true' if operator in text_operators else 'false' }} as is_for_text,
        {{ 'true' if operator in number_operators else 'false' }} as is_for_numbers
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

{# Every field name once: its type when lead or account holds it, and the signals that have it. #}
field_names as (
    select
        field_name,
        max(case when signal_kind = 'attribute' then field_type end) as attribute_field_type,
        {{ dbt.listagg('signal_name', "', '", 'order by signal_name') }} as signal_list
    from signal_fields
    group by field_name
),

models_numbered as (
    select
        'seeds/scoring_models.csv' as seed_file,
        {{ row_number_in_load_order() }} + 1 as line_number,
        nullif(trim(scoring_model), '') as scoring_model,
        {%- for cell in model_cells if cell.whole %}
        nullif(trim({{ cell.column }}), '') as {{ cell.column }},
        {%- endfor %}
        nullif(trim(audience_field), '') as audience_field,
        nullif(trim(audience_operator), '') as audience_operator,
        nullif(trim(audience_value), '') as audience_value
    from scoring_models
),

models as (
    select
        models_numbered.*,
        case
            when models_numbered.scoring_model is null then 'scoring model without a name'
            else {{ dbt.concat(["'scoring model '", 'models_numbered.scoring_model']) }}
        end as row_label,
        {%- for cell in model_cells if cell.whole %}
        case
            when {{ regexp_full_match('models_numbered.' ~ cell.column, whole_number) }}
                then {{ safe_cast('models_numbered.' ~ cell.column, dbt.type_int()) }}
        end as {{ cell.column }}_number,
        {%- endfor %}
        min(models_numbered.line_number) over (
            partition by lower(models_numbered.scoring_model)
        ) as first_line_of_scoring_model
    from models_numbered
),

models_with_first_priority as (
    select
        models.*,
        min(models.line_number) over (partition by models.priority_number) as first_line_of_priority
    from models
),

defined_models as (
    select distinct lower(scoring_model) as scoring_model
    from models
    where scoring_model is not null
),

defined_model_list as (
    select
        coalesce(
            {{ dbt.listagg('scoring_model', "', '", 'order by scoring_model') }},
            'none yet, seeds/scoring_models.csv names no model'
        ) as scoring_model_list
    from defined_models
),

rules_numbered as (
    select
        'seeds/scoring_rules.csv' as seed_file,
        {{ row_number_in_load_order() }} + 1 as line_number,
        nullif(trim(rule_id), '') as rule_id,
        {#- the list as int_scoring_rules reads it: lower case, no spaces around `|` #}
        nullif({{ regexp_replace_all('lower(trim(scoring_model))', ' *[|] *', '|') }}, '') as scoring_model,
        nullif(trim(dimension), '') as dimension,
        nullif(trim(signal), '') as signal,
        nullif(trim(condition_field), '') as condition_field,
        nullif(trim(condition_operator), '') as condition_operator,
        nullif(trim(condition_value), '') as condition_value,
        {%- for cell in rule_cells if cell.whole %}
        nullif(trim({{ cell.column }}), '') as {{ cell.column }},
        {%- endfor %}
        nullif(trim(is_active), '') as is_active
    from scoring_rules
),

rules as (
    select
        rules_numbered.*,
        case
            when rules_numbered.rule_id is null then 'rule without a rule_id'
            else {{ dbt.concat(["'rule '", 'rules_numbered.rule_id']) }}
        end as row_label,
        {%- for cell in rule_cells if cell.whole %}
        case
            when {{ regexp_full_match('rules_numbered.' ~ cell.column, whole_number) }}
                then {{ safe_cast('rules_numbered.' ~ cell.column, dbt.type_int()) }}
        end as {{ cell.column }}_number,
        {%- endfor %}
        signals.signal_name as known_signal,
        signals.expected_dimension,
        signals.field_list,
        {#- fit or engagement as the signal says, or as written when the signal is unknown #}
        coalesce(signals.expected_dimension, lower(rules_numbered.dimension)) as effective_dimension,
        defined_model_list.scoring_model_list as defined_model_list,
        {{ dbt.length('rules_numbered.scoring_model') }}
        - {{ dbt.length(dbt.replace('rules_numbered.scoring_model', "'|'", "''")) }}
        + 1 as scoring_model_entries,
        min(rules_numbered.line_number) over (
            partition by lower(rules_numbered.rule_id)
        ) as first_line_of_rule_id
    from rules_numbered
    cross join defined_model_list
    left join signals
        on lower(rules_numbered.signal) = signals.signal_name
),

{# Each scoring model a rule lists, one row per entry of its `|`-separated list. #}
rule_model_entries as (
    {%- for position in range(1, max_models_per_rule + 1) %}
    select
        seed_file,
        line_number,
        rule_id,
        row_label,
        defined_model_list,
        {{ dbt.split_part('scoring_model', "'|'", position) }} as scoring_model
    from rules
    where scoring_model_entries >= {{ position }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

{# Every cell of rule_cells and model_cells, one row each, with what the cell must hold. #}
cells as (
    {%- for source in cell_sources %}
    {%- set source_loop = loop %}
    {%- for cell in source.cells %}
    select
        seed_file,
        line_number,
        {{ source.row_key }} as row_key,
        row_label,
        '{{ cell.column }}' as column_name,
        {{ cell.column }} as value_as_written,
        {%- if cell.whole %}
        {{ cell.column }}_number as value_number,
        {%- else %}
        cast(null as {{ dbt.type_int() }}) as value_number,
        {%- endif %}
        {{ 'true' if cell.required else 'false' }} as is_required,
        {{ 'true' if cell.whole else 'false' }} as is_whole_number,
        {%- if cell.get('minimum') is not none %}
        {{ cell.minimum }} as minimum_value,
        {%- else %}
        cast(null as {{ dbt.type_int() }}) as minimum_value,
        {%- endif %}
        {{ cell.fix_sql if cell.fix_sql else "'" ~ dbt.escape_single_quotes(cell.fix) ~ "'" }} as fix,
        {%- if cell.fix_too_small %}
        '{{ dbt.escape_single_quotes(cell.fix_too_small) }}' as fix_too_small
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as fix_too_small
        {%- endif %}
    from {{ source.relation }}
    {%- if not (loop.last and source_loop.last) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}
),

{#
    The condition of every rule and the audience of every model in one shape, so that field,
    operator and value are checked once for both. The inactivity signal has its own check.
#}
conditions as (
    select
        rules.seed_file,
        rules.line_number,
        rules.rule_id as row_key,
        rules.row_label,
        'condition_field' as field_column,
        'condition_operator' as operator_column,
        'condition_value' as value_column,
        rules.known_signal as signal_name,
        rules.condition_field as field_as_written,
        rules.condition_operator as operator_as_written,
        rules.condition_value as value_as_written,
        lower(rules.condition_field) as field_name,
        lower(rules.condition_operator) as operator_name,
        {{ scoring_condition_text('rules.condition_value') }} as condition_value,
        rules.known_signal is not null as is_field_checkable,
        signal_fields.field_name is not null as is_known_field,
        signal_fields.field_type,
        {{ dbt.concat([
            "'write one of the fields of '", 'rules.known_signal', "': '", 'rules.field_list',
        ]) }} as field_fix,
        case
            when rules.known_signal is null then 'score every event of the signal'
            else {{ dbt.concat(["'score every '", 'rules.known_signal']) }}
        end as empty_means
    from rules
    left join signal_fields
        on
            rules.known_signal = signal_fields.signal_name
            and lower(rules.condition_field) = signal_fields.field_name
    where rules.known_signal is null or rules.known_signal <> 'inactivity'

    union all

    select
        models.seed_file,
        models.line_number,
        models.scoring_model as row_key,
        models.row_label,
        'audience_field' as field_column,
        'audience_operator' as operator_column,
        'audience_value' as value_column,
        cast(null as {{ dbt.type_string() }}) as signal_name,
        models.audience_field as field_as_written,
        models.audience_operator as operator_as_written,
        models.audience_value as value_as_written,
        lower(models.audience_field) as field_name,
        lower(models.audience_operator) as operator_name,
        {{ scoring_condition_text('models.audience_value') }} as condition_value,
        true as is_field_checkable,
        field_names.attribute_field_type is not null as is_known_field,
        field_names.attribute_field_type as field_type,
        'write one of the lead and account fields: {{ attribute_fields | join(", ") }}' as field_fix,
        'apply the model to every lead' as empty_means
    from models
    left join field_names
        on lower(models.audience_field) = field_names.field_name
),

conditions_described as (
    select
        conditions.*,
        field_names.signal_list as signals_with_field,
        operators.operator_name is not null as is_known_operator,
        operators.is_for_text,
        operators.is_for_numbers,
        {%- for part in ['field', 'operator', 'value'] %}
        case
            when conditions.{{ part }}_as_written is null
                then {{ dbt.concat(['conditions.' ~ part ~ '_column', "' is empty'"]) }}
            else {{ dbt.concat([
                'conditions.' ~ part ~ '_column', "' is '", quote_mark, 'conditions.' ~ part ~ '_as_written', quote_mark,
            ]) }}
        end as {{ part }}_as_described,
        {%- endfor %}
        case
            when conditions.field_type = 'number'
                then {{ dbt.concat([
                    "'for the number field '", "conditions.field_name",
                    "' write one of: " ~ number_operators | join(', ') ~ "'",
                ]) }}
            when conditions.field_type = 'text'
                then {{ dbt.concat([
                    "'for the text field '", "conditions.field_name",
                    "' write one of: " ~ text_operators | join(', ') ~ "'",
                ]) }}
            else 'write one of: {{ all_operators | join(", ") }}'
        end as operator_fix,
        {{ scoring_condition_number('conditions.condition_value', 1) }} as number_low,
        {{ scoring_condition_number('conditions.condition_value', 2) }} as number_high
    from conditions
    left join field_names
        on conditions.field_name = field_names.field_name
    left join operators
        on conditions.operator_name = operators.operator_name
),

cell_problems as (
    select
        seed_file,
        line_number,
        row_key,
        row_label,
        column_name,
        'required_value_missing' as error_code,
        {{ dbt.concat(["'the '", 'column_name', "' column is empty.'"]) }} as problem,
        fix
    from cells
    where is_required and value_as_written is null

    union all

    select
        seed_file,
        line_number,
        row_key,
        row_label,
        column_name,
        'not_a_whole_number' as error_code,
        {{ dbt.concat([
            'column_name', "' '", quote_mark, 'value_as_written', quote_mark, "' is not a whole number.'",
        ]) }} as problem,
        fix
    from cells
    where is_whole_number and value_as_written is not null and value_number is null

    union all

    select
        seed_file,
        line_number,
        row_key,
        row_label,
        column_name,
        'value_too_small' as error_code,
        {{ dbt.concat([
            'column_name', "' is '", 'value_as_written', "'; it must be '",
            'cast(minimum_value as ' ~ dbt.type_string() ~ ')', "' or more.'",
        ]) }} as problem,
        fix_too_small as fix
    from cells
    where value_number < minimum_value
),

rule_problems as (
    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        'points' as column_name,
        'points_out_of_range' as error_code,
        {{ dbt.concat([
            "'points is '", 'points', "', outside the allowed range of -" ~ max_points ~ " to " ~ max_points ~ ".'"
        ]) }} as problem,
        'write points between -{{ max_points }} and {{ max_points }}, e.g. 100 or -100.' as fix
    from rules
    where points_number < -{{ max_points }} or points_number > {{ max_points }}

    union all

    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        'rule_id' as column_name,
        'duplicate_rule_id' as error_code,
        {{ dbt.concat([
            "'rule_id '", quote_mark, 'rule_id', quote_mark,
            "' is already used on line '", 'cast(first_line_of_rule_id as ' ~ dbt.type_string() ~ ')', "'.'",
        ]) }} as problem,
        {{ dbt.concat([
            "'give this rule its own rule_id, e.g. '", 'rule_id', "'_2, or delete the row if it is a copy.'",
        ]) }} as fix
    from rules
    where rule_id is not null and line_number > first_line_of_rule_id

    union all

    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        'scoring_model' as column_name,
        'empty_list_entry' as error_code,
        {{ dbt.concat([
            "'scoring_model '", quote_mark, 'scoring_model', quote_mark,
            "' has an empty entry before, between or after the | signs.'",
        ]) }} as problem,
        'write the scoring models separated by single | signs, e.g. default|enterprise.' as fix
    from rules
    where {{ regexp_full_match('scoring_model', list_with_empty_entry) }}

    union all

    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        'scoring_model' as column_name,
        'too_many_scoring_models' as error_code,
        'the scoring_model column lists more than {{ max_models_per_rule }} scoring models.' as problem,
        'list at most {{ max_models_per_rule }} scoring models, or split the rule into two rows.' as fix
    from rules
    where scoring_model_entries > {{ max_models_per_rule }}

    union all

    select
        rule_model_entries.seed_file,
        rule_model_entries.line_number,
        rule_model_entries.rule_id as row_key,
        rule_model_entries.row_label,
        'scoring_model' as column_name,
        'unknown_scoring_model' as error_code,
        {{ dbt.concat([
            "'scoring model '", quote_mark, 'rule_model_entries.scoring_model', quote_mark,
            "' is not defined in seeds/scoring_models.csv.'",
        ]) }} as problem,
        {{ dbt.concat([
            "'write one of the defined scoring models ('", 'rule_model_entries.defined_model_list',
            "'), or add a row for '", 'rule_model_entries.scoring_model', "' to seeds/scoring_models.csv.'",
        ]) }} as fix
    from rule_model_entries
    left join defined_models
        on rule_model_entries.scoring_model = defined_models.scoring_model
    where rule_model_entries.scoring_model <> '' and defined_models.scoring_model is null

    union all

    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        'dimension' as column_name,
        'unknown_dimension' as error_code,
        {{ dbt.concat([
            "'dimension '", quote_mark, 'dimension', quote_mark, "' is neither fit nor engagement.'",
        ]) }} as problem,
        {{ dimension_fix }} as fix
    from rules
    where lower(dimension) not in ('fit', 'engagement')

    union all

    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        'dimension' as column_name,
        'dimension_does_not_match_signal' as error_code,
        case
            when expected_dimension = 'fit'
                then {{ dbt.concat([
                    "'dimension is '", 'lower(dimension)', "', but the signal '", 'known_signal',
                    "' describes who the lead is, which is scored as fit.'",
                ]) }}
            else {{ dbt.concat([
                "'dimension is '", 'lower(dimension)', "', but the signal '", 'known_signal',
                "' is something the lead did, which is scored as engagement.'",
            ]) }}
        end as problem,
        {{ dbt.concat(["'write '", 'expected_dimension', "' in the dimension column.'"]) }} as fix
    from rules
    where lower(dimension) in ('fit', 'engagement') and lower(dimension) <> expected_dimension

    union all

    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        'signal' as column_name,
        'unknown_signal' as error_code,
        {{ dbt.concat([
            "'signal '", quote_mark, 'signal', quote_mark, "' is not a signal the scoring knows.'",
        ]) }} as problem,
        'write one of the known signals: {{ signal_names | join(", ") }}.' as fix
    from rules
    where signal is not null and known_signal is null

    union all

    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        'is_active' as column_name,
        'not_true_or_false' as error_code,
        {{ dbt.concat([
            "'is_active '", quote_mark, 'is_active', quote_mark, "' is neither true nor false.'",
        ]) }} as problem,
        'write true to use the rule or false to switch it off.' as fix
    from rules
    where lower(is_active) not in ('true', 'false')

    union all

    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        'max_awards' as column_name,
        'cap_window_without_cap' as error_code,
        {{ dbt.concat([
            "'cap_window_days is '", 'cap_window_days', "' but max_awards is empty, so the window limits nothing.'",
        ]) }} as problem,
        {{ dbt.concat([
            "'write in max_awards how many times the rule may score within '", 'cap_window_days',
            "' days, e.g. 3, or empty cap_window_days.'",
        ]) }} as fix
    from rules
    where cap_window_days is not null and max_awards is null and effective_dimension <> 'fit'

    union all

    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        'half_life_days' as column_name,
        'expiry_and_half_life' as error_code,
        {{ dbt.concat([
            "'both expire_after_days ('", 'expire_after_days', "') and half_life_days ('", 'half_life_days',
            "') are filled; points either expire or fade, not both.'",
        ]) }} as problem,
        {{ dbt.concat([
            "'empty one of the two: expire_after_days drops the points at once after that many days, '",
            "'half_life_days halves them every that many days.'",
        ]) }} as fix
    from rules
    where expire_after_days is not null and half_life_days is not null and effective_dimension <> 'fit'

    {%- for cell in rule_cells if cell.whole and cell.column != 'points' %}

    union all

    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        '{{ cell.column }}' as column_name,
        'cap_or_decay_on_fit_rule' as error_code,
        {{ dbt.concat([
            "'" ~ cell.column ~ " is filled on a fit rule; fit points follow what the lead and account are now, '",
            "'they are not awarded again and again, so caps and decay do not apply.'",
        ]) }} as problem,
        'empty {{ cell.column }} on this rule.' as fix
    from rules
    where {{ cell.column }} is not null and effective_dimension = 'fit'
    {%- endfor %}

    union all

    select
        seed_file,
        line_number,
        rule_id as row_key,
        row_label,
        'condition_value' as column_name,
        'inactivity_condition' as error_code,
        {{ dbt.concat([
            "'the inactivity signal needs the condition days_inactive / at least / <days>, but the condition is '",
            "coalesce(condition_field, 'empty')", "' / '", "coalesce(condition_operator, 'empty')", "' / '",
            "coalesce(condition_value, 'empty')", "'.'",
        ]) }} as problem,
        {{ dbt.concat([
            "'write condition_field days_inactive, condition_operator at least, and in condition_value '",
            "'the number of silent days after which the rule scores, e.g. 60.'",
        ]) }} as fix
    from rules
    where
        known_signal = 'inactivity'
        and not (
            coalesce(lower(condition_field), '') = 'days_inactive'
            and coalesce(lower(condition_operator), '') = 'at least'
            and coalesce({{ regexp_full_match('condition_value', positive_whole_number) }}, false)
            and coalesce({{ safe_cast('condition_value', dbt.type_int()) }}, 0) > 0
        )
),

model_problems as (
    select
        seed_file,
        line_number,
        scoring_model as row_key,
        row_label,
        'scoring_model' as column_name,
        'duplicate_scoring_model' as error_code,
        {{ dbt.concat([
            "'scoring model '", quote_mark, 'scoring_model', quote_mark,
            "' is already defined on line '", 'cast(first_line_of_scoring_model as ' ~ dbt.type_string() ~ ')', "'.'",
        ]) }} as problem,
        'give each scoring model its own name, or delete the row if it is a copy.' as fix
    from models
    where scoring_model is not null and line_number > first_line_of_scoring_model

    union all

    select
        models_with_first_priority.seed_file,
        models_with_first_priority.line_number,
        models_with_first_priority.scoring_model as row_key,
        models_with_first_priority.row_label,
        'priority' as column_name,
        'duplicate_priority' as error_code,
        {{ dbt.concat([
            "'priority '", 'models_with_first_priority.priority', "' is already the priority of '",
            'first_with_priority.row_label', "' (line '",
            'cast(first_with_priority.line_number as ' ~ dbt.type_string() ~ ')', "').'",
        ]) }} as problem,
        {{ dbt.concat([
            "'give each scoring model its own priority; when several models fit a lead, '",
            "'the lowest number is its main model.'",
        ]) }} as fix
    from models_with_first_priority
    inner join models_with_first_priority as first_with_priority
        on models_with_first_priority.first_line_of_priority = first_with_priority.line_number
    where
        models_with_first_priority.priority_number is not null
        and models_with_first_priority.line_number > models_with_first_priority.first_line_of_priority

    union all

    select
        seed_file,
        line_number,
        scoring_model as row_key,
        row_label,
        'recycle_threshold' as column_name,
        'recycle_not_below_mql' as error_code,
        {{ dbt.concat([
            "'recycle_threshold '", 'recycle_threshold', "' is not below mql_threshold '", 'mql_threshold',
            "'; a lead would be recycled as soon as it qualifies.'",
        ]) }} as problem,
        {{ dbt.concat([
            "'write a recycle_threshold below '", 'mql_threshold',
            "', e.g. half of it: a qualified lead is recycled when its score falls under it.'",
        ]) }} as fix
    from models
    where recycle_threshold_number >= mql_threshold_number

    union all

    select
        seed_file,
        line_number,
        scoring_model as row_key,
        row_label,
        'engagement_floor' as column_name,
        'engagement_floor_above_zero' as error_code,
        {{ dbt.concat([
            "'engagement_floor is '", 'engagement_floor',
            "', above 0; the floor is how low negative points may push the engagement score.'",
        ]) }} as problem,
        'write 0, a negative whole number such as -20, or leave it empty for no floor.' as fix
    from models
    where engagement_floor_number > 0
),

condition_problems as (
    select
        seed_file,
        line_number,
        row_key,
        row_label,
        case
            when field_as_written is null then field_column
            when operator_as_written is null then operator_column
            else value_column
        end as column_name,
        'incomplete_condition' as error_code,
        {{ dbt.concat([
            "'the condition is incomplete: '", 'field_as_described', "', '", 'operator_as_described', "', '",
            'value_as_described', "'.'",
        ]) }} as problem,
        {{ dbt.concat([
            "'fill in the missing part of '", "coalesce(field_as_written, '<field>')", "' / '",
            "coalesce(operator_as_written, '<operator>')", "' / '", "coalesce(value_as_written, '<value>')",
            "', or leave all three columns empty to '", 'empty_means', "'.'",
        ]) }} as fix
    from conditions_described
    where
        (field_as_written is null or operator_as_written is null or value_as_written is null)
        and (field_as_written is not null or operator_as_written is not null or value_as_written is not null)

    union all

    select
        seed_file,
        line_number,
        row_key,
        row_label,
        field_column as column_name,
        'unknown_field' as error_code,
        case
            when signal_name is not null
                then {{ dbt.concat([
                    'field_column', "' '", quote_mark, 'field_as_written', quote_mark,
                    "' is not a field of the signal '", 'signal_name', "'.'",
                ]) }}
            when signals_with_field is not null
                then {{ dbt.concat([
                    'field_column', "' '", quote_mark, 'field_as_written', quote_mark,
                    "' is a field of events ('", 'signals_with_field',
                    "'), not of the lead or account; an audience picks leads by who they are.'",
                ]) }}
            else {{ dbt.concat([
                'field_column', "' '", quote_mark, 'field_as_written', quote_mark, "' is not a lead or account field.'",
            ]) }}
        end as problem,
        {{ dbt.concat(['field_fix', "'.'"]) }} as fix
    from conditions_described
    where field_as_written is not null and is_field_checkable and not is_known_field

    union all

    select
        seed_file,
        line_number,
        row_key,
        row_label,
        operator_column as column_name,
        'unknown_operator' as error_code,
        {{ dbt.concat([
            'operator_column', "' '", quote_mark, 'operator_as_written', quote_mark, "' is not an operator.'",
        ]) }} as problem,
        {{ dbt.concat(['operator_fix', "'.'"]) }} as fix
    from conditions_described
    where operator_as_written is not null and not is_known_operator

    union all

    select
        seed_file,
        line_number,
        row_key,
        row_label,
        operator_column as column_name,
        'operator_does_not_fit_field' as error_code,
        case
            when field_type = 'number'
                then {{ dbt.concat([
                    'operator_column', "' '", quote_mark, 'operator_name', quote_mark,
                    "' works on text, but '", 'field_name', "' is a number.'",
                ]) }}
            else {{ dbt.concat([
                'operator_column', "' '", quote_mark, 'operator_name', quote_mark,
                "' compares numbers, but '", 'field_name', "' is text.'",
            ]) }}
        end as problem,
        case
            when field_type = 'number'
                then {{ dbt.concat(['operator_fix', "'; for a range of numbers use between, e.g. 200|4999.'"]) }}
            else {{ dbt.concat(['operator_fix', "'; to match several values use in, e.g. Software|Retail.'"]) }}
        end as fix
    from conditions_described
    where
        (field_type = 'number' and not is_for_numbers)
        or (field_type = 'text' and not is_for_text)

    union all

    select
        seed_file,
        line_number,
        row_key,
        row_label,
        value_column as column_name,
        'value_not_a_number' as error_code,
        case
            when operator_name in ('at least', 'at most')
                then {{ dbt.concat([
                    'value_column', "' '", quote_mark, 'value_as_written', quote_mark, "' is not a number; '",
                    'operator_name', "' needs one number.'",
                ]) }}
            else {{ dbt.concat([
                'field_name', "' is a number, but '", 'value_column', "' '", quote_mark, 'value_as_written', quote_mark,
                "' is not.'",
            ]) }}
        end as problem,
        {{ dbt.concat([
            "'write one number with digits only and a dot for decimals (no thousands separators), '",
            "'e.g. 1000 or 2.5.'",
        ]) }} as fix
    from conditions_described
    where
        (
            operator_name in ('at least', 'at most')
            or (field_type = 'number' and operator_name in ('equals', 'not equals'))
        )
        and coalesce(field_type, 'number') = 'number'
        and not {{ regexp_full_match('condition_value', plain_number) }}

    union all

    select
        seed_file,
        line_number,
        row_key,
        row_label,
        value_column as column_name,
        'range_not_two_numbers' as error_code,
        {{ dbt.concat([
            'value_column', "' '", quote_mark, 'value_as_written', quote_mark,
            "' is not two numbers separated by |; between needs the lowest and the highest value.'",
        ]) }} as problem,
        'write the lowest and the highest value separated by |, e.g. 200|4999.' as fix
    from conditions_described
    where
        operator_name = 'between'
        and coalesce(field_type, 'number') = 'number'
        and not {{ regexp_full_match('condition_value', number_range) }}

    union all

    select
        seed_file,
        line_number,
        row_key,
        row_label,
        value_column as column_name,
        'range_low_above_high' as error_code,
        {{ dbt.concat([
            'value_column', "' '", quote_mark, 'value_as_written', quote_mark,
            "' starts above where it ends, so no value lies between.'",
        ]) }} as problem,
        {{ dbt.concat([
            "'write the lower number first: '", dbt.split_part('condition_value', "'|'", 2), "'|'",
            dbt.split_part('condition_value', "'|'", 1), "'.'",
        ]) }} as fix
    from conditions_described
    where
        operator_name = 'between'
        and {{ regexp_full_match('condition_value', number_range) }}
        and number_low > number_high

    union all

    select
        seed_file,
        line_number,
        row_key,
        row_label,
        value_column as column_name,
        'empty_list_entry' as error_code,
        {{ dbt.concat([
            'value_column', "' '", quote_mark, 'value_as_written', quote_mark,
            "' has an empty entry before, between or after the | signs.'",
        ]) }} as problem,
        'write one or more values separated by single | signs, e.g. Software|Retail.' as fix
    from conditions_described
    where
        operator_name in ('in', 'not in')
        and coalesce(field_type, 'text') = 'text'
        and {{ regexp_full_match('condition_value', list_with_empty_entry) }}

    union all

    select
        seed_file,
        line_number,
        row_key,
        row_label,
        value_column as column_name,
        'list_with_single_value_operator' as error_code,
        {{ dbt.concat([
            'value_column', "' '", quote_mark, 'value_as_written', quote_mark, "' holds a |, but '",
            'operator_name', "' compares with the whole text, | included.'",
        ]) }} as problem,
        case
            when operator_name = 'not equals'
                then 'to exclude any of several values use the operator not in, with the values separated by |.'
            else 'to match any of several values use the operator in, with the values separated by |.'
        end as fix
    from conditions_described
    where
        field_type = 'text'
        and operator_name in ('equals', 'not equals', 'contains', 'starts with')
        and {{ dbt.position("'|'", 'condition_value') }} > 0
),

all_problems as (
    select * from cell_problems
    union all
    select * from rule_problems
    union all
    select * from model_problems
    union all
    select * from condition_problems
),

final as (
    select distinct
        seed_file,
        line_number,
        row_key,
        column_name,
        error_code,
        problem,
        fix,
        {{ dbt.concat([
            'seed_file', "' line '", 'cast(line_number as ' ~ dbt.type_string() ~ ')',
            "' ('", 'row_label', "'): '", 'problem', "' Fix: '", 'fix',
        ]) }} as message
    from all_problems
)

select * from final
