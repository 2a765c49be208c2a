-- {{title}}: builds output port `{{product}}` of {{productId}}.
-- DuckDB SQL. Each input port is a table named after the port. The result must have the columns
-- of {{product}}.odcs.yaml; how it is written (merge on the primary key) and when it runs are set
-- in that contract's customProperties.
select
  trim(cast(id as varchar)) as id,
  trim(name) as name,
  lower(trim(status)) as status,
  lower(trim(contact_email)) as contact_email,
  cast(amount as decimal(12, 2)) as amount,
  upper(trim(currency)) as currency,
  cast(updated_at as timestamp) as updated_at
from {{product}}_files
where id is not null
-- A record may appear in several files: keep its latest version.
qualify row_number() over (partition by trim(cast(id as varchar)) order by cast(updated_at as timestamp) desc) = 1
