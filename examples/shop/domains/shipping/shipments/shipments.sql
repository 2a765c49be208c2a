-- Shipments: one row per parcel from its tracking events. Input port `carrier_events` holds every
-- scan, possibly twice (carriers resend), in any order.
with events as (
  select *, cast(event_at as timestamp) as scanned_at
  from carrier_events
  qualify row_number() over (partition by event_id order by event_at) = 1
)
select
  shipment_id,
  arg_max(order_id, scanned_at) as order_id,
  arg_max(carrier, scanned_at) as carrier,
  arg_max(tracking_number, scanned_at) as tracking_number,
  arg_max(status, scanned_at) as current_status,
  min(scanned_at) filter (where status = 'label_created') as label_created_at,
  min(scanned_at) filter (where status = 'picked_up') as shipped_at,
  min(scanned_at) filter (where status = 'delivered') as delivered_at,
  cast(
    date_diff(
      'minute',
      min(scanned_at) filter (where status = 'picked_up'),
      min(scanned_at) filter (where status = 'delivered')
    ) / 60.0 as decimal(8, 1)
  ) as transit_hours,
  arg_max(recipient_name, scanned_at) as recipient_name,
  arg_max(destination_postal_code, scanned_at) as destination_postal_code,
  arg_max(upper(destination_country), scanned_at) as destination_country,
  max(scanned_at) as last_event_at
from events
group by shipment_id
