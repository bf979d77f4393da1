{{ config(materialized='table') }}

{#-
    Every event that can move a lead between lifecycle stages, with the stage it points to, what
    triggered it and the detail a reader needs to check it: score crossings of the lead's primary
    scoring model (sales-ready, and falling below the recycle threshold), sales-ready actions,
    CRM status changes (with BANT), opportunities (created, won, lost) and disqualifying
    signals. Events are kept in the order they happened (occurred_at), not the order they were
    loaded (recorded_at); fct_lead_stage_transitions decides which of them move the lead.
-#}
with score_history as (
    select * from {{ ref('fct_lead_score_history') }}
),

lead_models as (
    select * from {{ ref('int_lead_scoring_models') }}
    where is_primary_model
),

signals as (
    select * from {{ ref('int_lead_signals') }}
),

profiles as (
    select * from {{ ref('int_lead_profile_history') }}
),

status_changes as (
    select * from {{ ref('stg_crm__lead_status_changes') }}
),

opportunity_versions as (
    select * from {{ ref('stg_crm__opportunity_versions') }}
    where not is_deleted
),

resolved as (
    select * from {{ ref('int_identity_resolved') }}
    where identifier_type = 'crm' and lead_id is not null
),

attributes_history as (
    select * from {{ ref('int_lead_attributes_history') }}
),

sql_actions as (
    select * from {{ ref('lifecycle_sql_actions') }}
),

status_outcomes as (
    select * from {{ ref('lifecycle_status_outcomes') }}
),

bant_values as (
    select * from {{ ref('bant_values') }}
),

disqualifying_signals as (
    select * from {{ ref('lifecycle_disqualifying_signals') }}
),

primary_history as (
    select
        score_history.*,
        lag(score_history.is_sales_ready) over (
            partition by score_history.lead_id order by score_history.valid_from
        ) as was_sales_ready,
        lag(score_history.is_below_recycle_threshold) over (
            partition by score_history.lead_id order by score_history.valid_from
        ) as was_below_recycle_threshold
    from score_history
    inner join lead_models
        on
            score_history.lead_id = lead_models.lead_id
            and score_history.scoring_model = lead_models.scoring_model
),

score_events as (
    select
        lead_id,
        case when is_sales_ready then 'mql' else 'recycled' end as target_stage,
        case when is_sales_ready then 'score_threshold' else 'score_decay' end as trigger_type,
        last_ledger_entry_id as trigger_id,
        {{ dbt.concat([
            "'model '", 'scoring_model', "', score '", 'cast(total_score as ' ~ dbt.type_string() ~ ')',
            "', rule set '", 'rule_set_version'
        ]) }} as trigger_detail,
        scoring_model,
        total_score as score_at_event,
        rule_set_version,
        valid_from as occurred_at,
        valid_from as recorded_at
    from primary_history
    where
        (is_sales_ready and not coalesce(was_sales_ready, false))
        or (is_below_recycle_threshold and not coalesce(was_below_recycle_threshold, true))
),

action_signals as (
    select
        signals.*,
        cast(null as {{ dbt.type_int() }}) as days_inactive
    from signals
),

-- Sales-ready actions and disqualifying events are both "an event of this signal meeting this
-- condition"; one list of them is matched once.
event_rules as (
    select
        action_id as rule_id,
        signal,
        condition_field,
        condition_operator,
        condition_value,
        'sql' as target_stage,
        'sales_action' as trigger_type,
        'action ' as detail_prefix
    from sql_actions

    union all

    select
        signal_id as rule_id,
        signal,
        condition_field,
        condition_operator,
        condition_value,
        'disqualified' as target_stage,
        'disqualifying_signal' as trigger_type,
        'signal ' as detail_prefix
    from disqualifying_signals
    where lower(trim(signal)) not in ('lead', 'account')
),

rule_events as (
    select
        action_signals.lead_id,
        event_rules.target_stage,
        event_rules.trigger_type,
        action_signals.signal_id as trigger_id,
        {{ dbt.concat(['event_rules.detail_prefix', 'event_rules.rule_id']) }} as trigger_detail,
        cast(null as {{ dbt.type_string() }}) as scoring_model,
        cast(null as {{ dbt.type_int() }}) as score_at_event,
        cast(null as {{ dbt.type_string() }}) as rule_set_version,
        action_signals.occurred_at,
        action_signals.loaded_at as recorded_at
    from action_signals
    inner join event_rules
        on lower(trim(event_rules.signal)) = action_signals.signal
    where {{ scoring_condition_matches(
        'action_signals', 'event', 'lower(trim(event_rules.condition_field))',
        'lower(trim(event_rules.condition_operator))', scoring_condition_text('event_rules.condition_value'),
        scoring_condition_number('event_rules.condition_value', 1),
        scoring_condition_number('event_rules.condition_value', 2)
    ) }}
),

status_changes_with_lead as (
    select
        resolved.lead_id,
        status_changes.*
    from status_changes
    inner join resolved
        on status_changes.lead_record_id = resolved.identifier_value
),

bant_captured as (
    select
        status_changes_with_lead.status_change_id,
        sum(case when bant_values.is_qualifying then 1 else 0 end) as qualifying_fields
    from status_changes_with_lead
    inner join bant_values
        on
            (bant_values.bant_field = 'budget' and lower(trim(status_changes_with_lead.budget)) = bant_values.raw_value)
            or (
                bant_values.bant_field = 'authority'
                and lower(trim(status_changes_with_lead.authority)) = bant_values.raw_value
            )
            or (bant_values.bant_field = 'need' and lower(trim(status_changes_with_lead.need)) = bant_values.raw_value)
            or (
                bant_values.bant_field = 'timeline'
                and lower(trim(status_changes_with_lead.timeline)) = bant_values.raw_value
            )
    group by status_changes_with_lead.status_change_id
),

status_outcome_matches as (
    select
        status_changes_with_lead.status_change_id,
        status_outcomes.outcome,
        row_number() over (
            partition by status_changes_with_lead.status_change_id
            order by case when status_outcomes.reason is null then 1 else 0 end
        ) as match_rank
    from status_changes_with_lead
    inner join status_outcomes
        on
            status_changes_with_lead.status = status_outcomes.status
            and (
                status_outcomes.reason is null
                or lower(trim(status_changes_with_lead.reason)) = lower(trim(status_outcomes.reason))
            )
),

status_events as (
    select
        status_changes_with_lead.lead_id,
        case status_outcome_matches.outcome
            when 'sales_accepted' then 'sql'
            when 'recycle' then 'recycled'
            else 'disqualified'
        end as target_stage,
        'crm_status' as trigger_type,
        status_changes_with_lead.status_change_id as trigger_id,
        {{ dbt.concat([
            "'status '", 'status_changes_with_lead.status',
            "coalesce(', reason ' || status_changes_with_lead.reason, '')",
            "', BANT fields captured '", "cast(coalesce(bant_captured.qualifying_fields, 0) as "
            ~ dbt.type_string() ~ ")"
        ]) }} as trigger_detail,
        cast(null as {{ dbt.type_string() }}) as scoring_model,
        cast(null as {{ dbt.type_int() }}) as score_at_event,
        cast(null as {{ dbt.type_string() }}) as rule_set_version,
        status_changes_with_lead.changed_at as occurred_at,
        status_changes_with_lead.loaded_at as recorded_at
    from status_changes_with_lead
    inner join status_outcome_matches
        on
            status_changes_with_lead.status_change_id = status_outcome_matches.status_change_id
            and status_outcome_matches.match_rank = 1
    left join bant_captured
        on status_changes_with_lead.status_change_id = bant_captured.status_change_id
    where
        status_outcome_matches.outcome <> 'sales_accepted'
        or coalesce(bant_captured.qualifying_fields, 0) >= {{ var('bant_min_qualifying_fields') }}
),

opportunity_milestones as (
    select
        opportunity_id,
        account_id,
        primary_contact_record_id,
        min(created_at) as created_at,
        min(case when is_won then updated_at end) as won_at,
        min(case when is_closed and not is_won then updated_at end) as lost_at,
        min(loaded_at) as first_loaded_at,
        min(case when is_won then loaded_at end) as won_loaded_at,
        min(case when is_closed and not is_won then loaded_at end) as lost_loaded_at
    from opportunity_versions
    group by opportunity_id, account_id, primary_contact_record_id
),

opportunity_leads as (
    select
        resolved.lead_id,
        opportunity_milestones.*
    from opportunity_milestones
    inner join resolved
        on opportunity_milestones.primary_contact_record_id = resolved.identifier_value

    union all

    -- An opportunity on an account, with no contact, belongs to the leads converted into
    -- contacts of that account when it was created.
    select distinct
        attributes_history.lead_id,
        opportunity_milestones.*
    from opportunity_milestones
    inner join attributes_history
        on
            opportunity_milestones.account_id = attributes_history.account_id
            and attributes_history.record_type = 'contact'
            and opportunity_milestones.created_at >= attributes_history.valid_from
            and (
                attributes_history.valid_to is null
                or opportunity_milestones.created_at < attributes_history.valid_to
            )
    where opportunity_milestones.primary_contact_record_id is null
),

opportunity_milestone_kinds as (
    select
        'created' as what,
        'opportunity' as target_stage
    union all
    select
        'won' as what,
        'customer' as target_stage
    union all
    select
        'lost' as what,
        'recycled' as target_stage
),

opportunity_events as (
    select
        opportunity_leads.lead_id,
        milestones.target_stage,
        'opportunity' as trigger_type,
        opportunity_leads.opportunity_id as trigger_id,
        {{ dbt.concat([
            "'opportunity '", 'opportunity_leads.opportunity_id', "' '", 'milestones.what'
        ]) }} as trigger_detail,
        cast(null as {{ dbt.type_string() }}) as scoring_model,
        cast(null as {{ dbt.type_int() }}) as score_at_event,
        cast(null as {{ dbt.type_string() }}) as rule_set_version,
        case milestones.what
            when 'created' then opportunity_leads.created_at
            when 'won' then opportunity_leads.won_at
            else opportunity_leads.lost_at
        end as occurred_at,
        case milestones.what
            when 'created' then opportunity_leads.first_loaded_at
            when 'won' then opportunity_leads.won_loaded_at
            else opportunity_leads.lost_loaded_at
        end as recorded_at
    from opportunity_leads
    cross join opportunity_milestone_kinds as milestones
),

attribute_disqualification_matches as (
    select
        profiles.lead_id,
        disqualifying_signals.signal_id as disqualifying_signal_id,
        profiles.lead_profile_id,
        profiles.valid_from,
        row_number() over (
            partition by profiles.lead_id, disqualifying_signals.signal_id order by profiles.valid_from
        ) as match_number
    from profiles
    inner join disqualifying_signals
        on lower(trim(disqualifying_signals.signal)) in ('lead', 'account')
    where {{ scoring_condition_matches(
        'profiles', 'attribute', 'lower(trim(disqualifying_signals.condition_field))',
        'lower(trim(disqualifying_signals.condition_operator))',
        scoring_condition_text('disqualifying_signals.condition_value'),
        scoring_condition_number('disqualifying_signals.condition_value', 1),
        scoring_condition_number('disqualifying_signals.condition_value', 2)
    ) }}
),

attribute_disqualifications as (
    select
        lead_id,
        'disqualified' as target_stage,
        'disqualifying_signal' as trigger_type,
        lead_profile_id as trigger_id,
        {{ dbt.concat(["'signal '", 'disqualifying_signal_id']) }} as trigger_detail,
        cast(null as {{ dbt.type_string() }}) as scoring_model,
        cast(null as {{ dbt.type_int() }}) as score_at_event,
        cast(null as {{ dbt.type_string() }}) as rule_set_version,
        valid_from as occurred_at,
        valid_from as recorded_at
    from attribute_disqualification_matches
    where match_number = 1
),

unioned as (
    select * from score_events
    union all
    select * from rule_events
    union all
    select * from status_events
    union all
    select * from opportunity_events
    where occurred_at is not null
    union all
    select * from attribute_disqualifications
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            'lead_id', "'|'", 'trigger_type', "'|'", 'trigger_id', "'|'", 'target_stage', "'|'", 'trigger_detail'
        ])) }} as stage_event_id,
        lead_id,
        target_stage,
        trigger_type,
        trigger_id,
        trigger_detail,
        scoring_model,
        score_at_event,
        rule_set_version,
        occurred_at,
        recorded_at
    from unioned
)

select * from final
