-- Stock levels: the latest WMS snapshot per warehouse and SKU, with units sold in the 30 days
-- before it. Input ports: `warehouse_stock` (files), and the orders domain's `order_lines` and
-- `orders` output ports.
with latest as (
  select *
  from warehouse_stock
  qualify row_number() over (partition by warehouse_id, sku order by cast(snapshot_at as timestamp) desc) = 1
),
sales as (
  -- Cancelled and returned orders did not take stock for good.
  select l.sku, cast(o.ordered_at as timestamp) as ordered_at, cast(l.quantity as integer) as quantity
  from order_lines l
  join orders o using (order_id)
  where o.order_status not in ('cancelled', 'returned')
)
select
  s.warehouse_id,
  s.sku,
  cast(s.on_hand as integer) as quantity_on_hand,
  cast(s.reserved as integer) as quantity_reserved,
  cast(s.on_hand - s.reserved as integer) as quantity_available,
  cast(s.reorder_point as integer) as reorder_point,
  cast(coalesce((
    select sum(x.quantity)
    from sales x
    where x.sku = s.sku
      and x.ordered_at >= cast(s.snapshot_at as timestamp) - interval 30 day
      and x.ordered_at < cast(s.snapshot_at as timestamp)
  ), 0) as bigint) as units_sold_30d,
  s.on_hand - s.reserved <= s.reorder_point as needs_reorder,
  cast(s.snapshot_at as timestamp) as snapshot_at
from latest s
