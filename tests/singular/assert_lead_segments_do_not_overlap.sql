{#-
    seeds/lead_segments.csv gives every employee count at most one segment: no two bands
    overlap, no band ends below where it starts, and no band takes the name `unknown`, which is
    kept for leads outside every band. Returns the offending rows with the fix.
-#}
with segments as (
    select * from {{ ref('lead_segments') }}
),

problems as (
    select
        first_band.segment,
        second_band.segment as other_segment,
        'seeds/lead_segments.csv: the bands ' || first_band.segment || ' and '
        || second_band.segment || ' overlap; make one end below where the other starts' as problem
    from segments as first_band
    inner join segments as second_band
        on
            first_band.segment < second_band.segment
            and first_band.min_employee_count
            <= coalesce(second_band.max_employee_count, first_band.min_employee_count)
            and second_band.min_employee_count
            <= coalesce(first_band.max_employee_count, second_band.min_employee_count)

    union all

    select
        segment,
        cast(null as {{ dbt.type_string() }}) as other_segment,
        'seeds/lead_segments.csv: the band ' || segment
        || ' ends below where it starts; swap min_employee_count and max_employee_count' as problem
    from segments
    where max_employee_count < min_employee_count

    union all

    select
        segment,
        cast(null as {{ dbt.type_string() }}) as other_segment,
        'seeds/lead_segments.csv: the name unknown is kept for leads outside every band; rename the band' as problem
    from segments
    where lower(trim(segment)) = 'unknown'
)

select * from problems
