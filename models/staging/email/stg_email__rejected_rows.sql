{#- E-mail rows that cannot be used, with the reason and the row as it landed. -#}
{{ union_rejected_rows([('base_email__events', 'email.events')]) }}
