{#-
    One row per change to a lead's score in a scoring model: every award, every award a cap
    suppressed (0 points), every expiry and half-life step of decay, every fit award replaced by
    an attribute change, and every correction of the engagement floor. The running fit,
    engagement and total after each row make any score explainable line by line: a lead's score
    at a moment is the sum of its rows up to then.
-#}
{#- Halvings until a rule's largest allowed points are gone: 10 for 1000 (1000, 500, ..., 1, 0). -#}
{%- set half_life = namespace(steps=1) -%}
{%- for step in range(1, 64) if 2 ** step <= var('scoring_max_points') -%}
{%- set half_life.steps = step + 1 -%}
{%- endfor -%}

{%- set running_total -%}
    over (
        partition by sequenced.lead_id, sequenced.scoring_model
        order by sequenced.ledger_sequence rows between unbounded preceding and current row
    )
{%- endset %}

with engagement_awards as (
    select * from {{ ref('int_lead_engagement_awards') }}
),

fit_changes as (
    select * from {{ ref('int_lead_fit_changes') }}
),

rules as (
    select * from {{ ref('int_scoring_rules') }}
),

scoring_models as (
    select * from {{ ref('int_scoring_models') }}
),

as_of as (
    select * from {{ ref('int_scoring_as_of') }}
),

half_life_steps as (
    {{ dbt.generate_series(half_life.steps) }}
),

awarded as (
    select
        lead_id,
        scoring_model,
        rule_id,
        'engagement' as dimension,
        entry_type,
        signal,
        signal_id,
        signal_detail,
        points,
        rule_points,
        0 as decay_step,
        occurred_at,
        case
            when entry_type = 'capped' then null
            when expire_after_days is not null
                then {{ dbt.dateadd('day', 'expire_after_days', 'occurred_at') }}
        end as expires_at,
        expire_after_days,
        half_life_days
    from engagement_awards
),

expired as (
    select
        awarded.lead_id,
        awarded.scoring_model,
        awarded.rule_id,
        awarded.dimension,
        'expired' as entry_type,
        awarded.signal,
        awarded.signal_id,
        awarded.signal_detail,
        -awarded.points as points,
        awarded.rule_points,
        1 as decay_step,
        awarded.expires_at as occurred_at,
        cast(null as {{ dbt.type_timestamp() }}) as expires_at
    from awarded
    cross join as_of
    where
        awarded.entry_type = 'award'
        and awarded.expire_after_days is not null
        and awarded.points <> 0
        and awarded.expires_at <= as_of.scored_as_of
),

decay_schedule as (
    select
        awarded.lead_id,
        awarded.scoring_model,
        awarded.rule_id,
        awarded.dimension,
        'decayed' as entry_type,
        awarded.signal,
        awarded.signal_id,
        awarded.signal_detail,
        cast(
            (
                floor(abs(awarded.points) / power(2, half_life_steps.generated_number))
                - floor(abs(awarded.points) / power(2, half_life_steps.generated_number - 1))
            ) * sign(awarded.points) as {{ dbt.type_int() }}
        ) as points,
        awarded.rule_points,
        half_life_steps.generated_number as decay_step,
        {{ dbt.dateadd(
            'day', 'awarded.half_life_days * half_life_steps.generated_number', 'awarded.occurred_at'
        ) }} as occurred_at,
        cast(null as {{ dbt.type_timestamp() }}) as expires_at
    from awarded
    cross join half_life_steps
    where
        awarded.entry_type = 'award'
        and awarded.half_life_days is not null
        and floor(abs(awarded.points) / power(2, half_life_steps.generated_number - 1)) > 0
),

decay_ends as (
    select
        lead_id,
        scoring_model,
        rule_id,
        signal_id,
        max(occurred_at) as expires_at
    from decay_schedule
    group by lead_id, scoring_model, rule_id, signal_id
),

halved as (
    select decay_schedule.*
    from decay_schedule
    cross join as_of
    where decay_schedule.occurred_at <= as_of.scored_as_of
),

awarded_with_decay_end as (
    select
        awarded.lead_id,
        awarded.scoring_model,
        awarded.rule_id,
        awarded.dimension,
        awarded.entry_type,
        awarded.signal,
        awarded.signal_id,
        awarded.signal_detail,
        awarded.points,
        awarded.rule_points,
        awarded.decay_step,
        awarded.occurred_at,
        coalesce(awarded.expires_at, decay_ends.expires_at) as expires_at
    from awarded
    left join decay_ends
        on
            awarded.lead_id = decay_ends.lead_id
            and awarded.scoring_model = decay_ends.scoring_model
            and awarded.rule_id = decay_ends.rule_id
            and awarded.signal_id = decay_ends.signal_id
),

fit_entries as (
    select
        lead_id,
        scoring_model,
        rule_id,
        'fit' as dimension,
        entry_type,
        signal,
        signal_id,
        signal_detail,
        points,
        rule_points,
        0 as decay_step,
        occurred_at,
        cast(null as {{ dbt.type_timestamp() }}) as expires_at
    from fit_changes
),

entries as (
    select * from awarded_with_decay_end
    union all
    select * from expired
    union all
    select * from halved
    union all
    select * from fit_entries
),

ordered as (
    select
        *,
        row_number() over (
            partition by lead_id, scoring_model
            order by
                occurred_at,
                case entry_type when 'replaced' then 1 when 'expired' then 2 when 'decayed' then 2 else 3 end,
                rule_id,
                signal_id,
                decay_step
        ) as entry_number
    from entries
),

engagement_path as (
    select
        ordered.*,
        scoring_models.engagement_floor,
        sum(case when ordered.dimension = 'engagement' then ordered.points else 0 end) over (
            partition by ordered.lead_id, ordered.scoring_model
            order by ordered.entry_number rows between unbounded preceding and current row
        ) - scoring_models.engagement_floor as engagement_above_floor
    from ordered
    inner join scoring_models
        on ordered.scoring_model = scoring_models.scoring_model
),

lowest_points as (
    select
        *,
        min(engagement_above_floor) over (
            partition by lead_id, scoring_model
            order by entry_number rows between unbounded preceding and current row
        ) as lowest_above_floor
    from engagement_path
),

floor_corrections as (
    select
        lead_id,
        scoring_model,
        rule_id,
        'engagement' as dimension,
        'floor' as entry_type,
        signal,
        signal_id,
        signal_detail,
        cast(
            coalesce(
                least(
                    0, lag(lowest_above_floor) over (partition by lead_id, scoring_model order by entry_number)
                ),
                0
            ) - least(0, lowest_above_floor) as {{ dbt.type_int() }}
        ) as points,
        rule_points,
        decay_step,
        occurred_at,
        cast(null as {{ dbt.type_timestamp() }}) as expires_at,
        entry_number,
        1 as correction_order
    from lowest_points
    where engagement_floor is not null
),

all_entries as (
    select
        lead_id,
        scoring_model,
        rule_id,
        dimension,
        entry_type,
        signal,
        signal_id,
        signal_detail,
        points,
        rule_points,
        decay_step,
        occurred_at,
        expires_at,
        entry_number,
        0 as correction_order
    from ordered
    union all
    select * from floor_corrections
    where points <> 0
),

sequenced as (
    select
        *,
        row_number() over (
            partition by lead_id, scoring_model order by entry_number, correction_order
        ) as ledger_sequence,
        case
            when
                dimension = 'engagement' and entry_type in ('award', 'capped') and rule_points > 0
                then row_number() over (
                    partition by
                        lead_id,
                        scoring_model,
                        dimension = 'engagement' and entry_type in ('award', 'capped') and rule_points > 0,
                        signal_id
                    order by entry_number, correction_order
                )
        end as engagement_number,
        case
            when
                dimension = 'engagement' and entry_type in ('award', 'capped') and rule_points > 0
                then row_number() over (
                    partition by
                        lead_id,
                        scoring_model,
                        dimension = 'engagement' and entry_type in ('award', 'capped') and rule_points > 0,
                        {{ dbt.date_trunc('day', 'occurred_at') }}
                    order by entry_number, correction_order
                )
        end as engagement_day_number
    from all_entries
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            'sequenced.lead_id', "'|'", 'sequenced.scoring_model', "'|'", 'sequenced.rule_id', "'|'",
            'sequenced.signal_id', "'|'", 'sequenced.entry_type', "'|'",
            'cast(sequenced.decay_step as ' ~ dbt.type_string() ~ ')'
        ])) }} as ledger_entry_id,
        sequenced.lead_id,
        sequenced.scoring_model,
        sequenced.rule_id,
        sequenced.ledger_sequence,
        sequenced.dimension,
        sequenced.entry_type,
        sequenced.signal,
        sequenced.signal_id,
        sequenced.signal_detail,
        rules.description as rule_description,
        sequenced.points,
        sequenced.rule_points,
        cast(
            sum(case when sequenced.dimension = 'fit' then sequenced.points else 0 end)
                {{ running_total }}
            as {{ dbt.type_int() }}
        ) as fit_score_after,
        cast(
            sum(case when sequenced.dimension = 'engagement' then sequenced.points else 0 end)
                {{ running_total }}
            as {{ dbt.type_int() }}
        ) as engagement_score_after,
        cast(
            sum(sequenced.points)
                {{ running_total }}
            as {{ dbt.type_int() }}
        ) as total_score_after,
        cast(
            sum(case when sequenced.engagement_number = 1 then 1 else 0 end)
                {{ running_total }}
            as {{ dbt.type_int() }}
        ) as engagements_to_date,
        cast(
            sum(case when sequenced.engagement_day_number = 1 then 1 else 0 end)
                {{ running_total }}
            as {{ dbt.type_int() }}
        ) as engagement_days_to_date,
        rules.rule_set_version,
        sequenced.occurred_at,
        sequenced.expires_at
    from sequenced
    inner join rules
        on
            sequenced.rule_id = rules.rule_id
            and sequenced.scoring_model = rules.scoring_model
)

select * from final
