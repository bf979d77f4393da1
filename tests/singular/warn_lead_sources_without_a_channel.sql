{{ config(severity='warn') }}
{#-
    CRM lead sources that seeds/lead_source_channels.csv does not list: their leads' first touch
    counts as channel `other`. Add a row for each to the file. Returns each source with its leads.
-#}
with crm_records as (
    select * from {{ ref('stg_crm__leads') }}
),

lead_source_channels as (
    select * from {{ ref('lead_source_channels') }}
)

select
    crm_records.lead_source,
    count(*) as crm_records
from crm_records
left join lead_source_channels
    on lower(trim(crm_records.lead_source)) = lead_source_channels.lead_source
where crm_records.lead_source is not null and lead_source_channels.lead_source is null
group by crm_records.lead_source
