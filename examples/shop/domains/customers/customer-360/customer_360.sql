-- Customer 360: a customer's profile, orders and deliveries in one row. Input ports are other
-- products' output ports: `customers` (customers domain), `orders` (orders domain) and
-- `shipments` (shipping domain).
with order_stats as (
  select
    customer_id,
    count(*) filter (where order_status <> 'cancelled') as orders_count,
    sum(cast(total_amount as decimal(12, 2))) filter (where order_status not in ('cancelled', 'returned')) as lifetime_value,
    avg(cast(total_amount as decimal(12, 2))) filter (where order_status not in ('cancelled', 'returned')) as average_order_value,
    min(cast(ordered_at as timestamp)) as first_order_at,
    max(cast(ordered_at as timestamp)) as last_order_at
  from orders
  group by customer_id
),
shipment_stats as (
  select
    o.customer_id,
    count(*) as shipments_count,
    count(s.delivered_at) as delivered_shipments_count,
    avg(cast(s.transit_hours as decimal(8, 1))) as avg_transit_hours
  from shipments s
  join orders o using (order_id)
  group by o.customer_id
)
select
  c.customer_id,
  c.email,
  c.first_name,
  c.last_name,
  c.country_code,
  cast(c.customer_since as date) as customer_since,
  cast(c.marketing_opt_in as boolean) as marketing_opt_in,
  coalesce(os.orders_count, 0) as orders_count,
  cast(coalesce(os.lifetime_value, 0) as decimal(12, 2)) as lifetime_value,
  cast(os.average_order_value as decimal(12, 2)) as average_order_value,
  os.first_order_at,
  os.last_order_at,
  coalesce(ss.shipments_count, 0) as shipments_count,
  coalesce(ss.delivered_shipments_count, 0) as delivered_shipments_count,
  cast(ss.avg_transit_hours as decimal(8, 1)) as avg_transit_hours,
  case
    when coalesce(os.orders_count, 0) = 0 then 'prospect'
    when os.orders_count = 1 then 'new'
    when os.orders_count < 5 then 'repeat'
    else 'loyal'
  end as customer_segment
from customers c
left join order_stats os using (customer_id)
left join shipment_stats ss using (customer_id)
