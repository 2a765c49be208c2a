-- {{title}}: builds output port `{{product}}` of {{productId}}.
-- DuckDB SQL. Each input port is a table named after the port. The result must have the columns
-- of {{product}}.odcs.yaml; it is appended on `event_id` (see that contract's customProperties).
select
  cast(event_id as varchar) as event_id,
  lower(event_type) as event_type,
  entity_id,
  cast(occurred_at as timestamp) as occurred_at,
  cast(cast(occurred_at as timestamp) as date) as event_date,
  lower(trim(actor_email)) as actor_email,
  cast(amount as double) as amount
from {{product}}_events
-- A producer that retries sends the same event again: keep one copy.
qualify row_number() over (partition by event_id order by occurred_at) = 1
