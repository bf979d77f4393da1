{#-
    Later deliveries of CRM rows that staging already holds: the same change (its id) or the same
    record version (record id and updated_at as delivered) landed again; the first load is kept.
-#}
{{ union_duplicate_rows([
    ('base_crm__users', 'crm.users', dbt.concat(['user_id', "'@'", 'updated_at'])),
    ('base_crm__accounts', 'crm.accounts', dbt.concat(['account_id', "'@'", 'updated_at'])),
    ('base_crm__leads', 'crm.leads', dbt.concat(['record_id', "'@'", 'updated_at'])),
    ('base_crm__field_history', 'crm.field_history', 'history_id'),
    ('base_crm__activities', 'crm.activities', 'activity_id'),
    ('base_crm__lead_status_changes', 'crm.lead_status_changes', 'status_change_id'),
    ('base_crm__opportunities', 'crm.opportunities', dbt.concat(['opportunity_id', "'@'", 'updated_at'])),
    ('base_crm__opportunity_history', 'crm.opportunity_history', 'history_id'),
]) }}
