{#- Web rows that cannot be used, with the reason and the row as it landed. -#}
{{ union_rejected_rows([
    ('base_web__pageviews', 'web.pageviews'),
    ('base_web__form_submissions', 'web.form_submissions'),
]) }}
