{{ config(materialized='table') }}

{#- One row per lifecycle stage with its sort order, for the funnels that keep a row per stage. -#}
with stages as (
    {%- for stage in lifecycle_stages() %}
    select
        '{{ stage }}' as stage,
        {{ loop.index }} as stage_order
    {{- '\n    union all' if not loop.last }}
    {%- endfor %}
),

final as (
    select
        stage,
        stage_order,
        stage in ('customer', 'disqualified') as is_final,
        stage in ('recycled', 'disqualified') as is_detour
    from stages
)

select * from final
