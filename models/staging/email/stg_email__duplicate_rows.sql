{#- Later deliveries of e-mail events that staging already holds; the first delivery is kept. -#}
{{ union_duplicate_rows([('base_email__events', 'email.events', 'event_id')]) }}
