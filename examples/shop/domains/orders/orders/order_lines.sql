-- Order lines: every line whose order is known. Input ports: `shop_order_lines` and `shop_orders`
-- (only to hold back lines that arrived before their order).
select
  l.order_id,
  cast(l.line_number as integer) as line_number,
  trim(l.sku) as sku,
  trim(l.product_name) as product_name,
  cast(l.quantity as integer) as quantity,
  cast(l.unit_price as decimal(10, 2)) as unit_price,
  cast(cast(l.quantity as integer) * cast(l.unit_price as decimal(10, 2)) as decimal(12, 2)) as line_amount
from shop_order_lines l
where l.order_id in (select order_id from shop_orders)
