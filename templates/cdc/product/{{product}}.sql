-- {{title}}: builds output port `{{product}}` of {{productId}}.
-- DuckDB SQL. Each input port is a table named after the port: `{{product}}_cdc` is the replica
-- of the source table, with inserts, updates and deletes already applied. The result must have the
-- columns of {{product}}.odcs.yaml; it is merged on `id` (see that contract's customProperties).
select
  cast(id as bigint) as id,
  trim(name) as name,
  lower(trim(email)) as email,
  lower(status) as status,
  cast(created_at as timestamp) as created_at,
  cast(updated_at as timestamp) as updated_at
from {{product}}_cdc
-- The application soft-deletes rows; consumers see only live ones.
where deleted_at is null
