-- Orders: the latest version of each order header, with totals computed from its lines.
-- Input ports: `shop_orders` (one row per exported version of an order) and `shop_order_lines`.
with latest_orders as (
  select *
  from shop_orders
  -- An order is exported again at each status change: keep the latest version.
  qualify row_number() over (partition by order_id order by cast(updated_at as timestamp) desc) = 1
),
line_totals as (
  select
    order_id,
    sum(cast(quantity as integer)) as items_count,
    sum(cast(quantity as integer) * cast(unit_price as decimal(10, 2))) as subtotal_amount
  from shop_order_lines
  group by order_id
)
select
  o.order_id,
  o.customer_id,
  o.status as order_status,
  cast(o.ordered_at as timestamp) as ordered_at,
  cast(cast(o.ordered_at as timestamp) as date) as order_date,
  o.channel as sales_channel,
  upper(o.shipping_country) as shipping_country,
  cast(coalesce(l.items_count, 0) as integer) as items_count,
  cast(coalesce(l.subtotal_amount, 0) as decimal(12, 2)) as subtotal_amount,
  cast(o.shipping_amount as decimal(12, 2)) as shipping_amount,
  cast(o.discount_amount as decimal(12, 2)) as discount_amount,
  cast(
    coalesce(l.subtotal_amount, 0) + cast(o.shipping_amount as decimal(12, 2)) - cast(o.discount_amount as decimal(12, 2))
    as decimal(12, 2)
  ) as total_amount
from latest_orders o
left join line_totals l using (order_id)
