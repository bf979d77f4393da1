{#- Later deliveries of web events that staging already holds; the first delivery is kept. -#}
{{ union_duplicate_rows([
    ('base_web__pageviews', 'web.pageviews', 'message_id'),
    ('base_web__form_submissions', 'web.form_submissions', 'message_id'),
]) }}
