-- {{title}}: builds output port `{{product}}` of {{productId}}.
-- DuckDB SQL. Each input port is a table named after the port (see product.odps.yaml).
--
-- A starting point: one row per input port with its row count, so the product validates and its
-- tests pass as scaffolded. Replace it with the join or aggregation this product exists for, e.g.
--   select c.customer_id, count(o.order_id) as order_count
--   from customers c left join orders o using (customer_id)
--   group by all
-- then describe the result in {{product}}.odcs.yaml and update tests/expected/{{product}}.csv.
{{inputsSql}}
