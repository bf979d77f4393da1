{#- CRM rows that cannot be used, with the reason and the row as it landed. -#}
{{ union_rejected_rows([
    ('base_crm__users', 'crm.users'),
    ('base_crm__accounts', 'crm.accounts'),
    ('base_crm__leads', 'crm.leads'),
    ('base_crm__field_history', 'crm.field_history'),
    ('base_crm__activities', 'crm.activities'),
    ('base_crm__lead_status_changes', 'crm.lead_status_changes'),
    ('base_crm__opportunities', 'crm.opportunities'),
    ('base_crm__opportunity_history', 'crm.opportunity_history'),
]) }}
