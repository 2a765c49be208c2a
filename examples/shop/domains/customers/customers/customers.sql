-- Customer profiles: the latest version of each CRM account, with e-mail, phone and country
-- normalized. Input port `crm_customers` is a table of every exported line.
select
  trim(customer_id) as customer_id,
  lower(trim(email)) as email,
  trim(first_name) as first_name,
  trim(last_name) as last_name,
  nullif(regexp_replace(phone, '[^0-9+]', '', 'g'), '') as phone,
  cast(birth_date as date) as birth_date,
  upper(trim(country_code)) as country_code,
  trim(city) as city,
  trim(postal_code) as postal_code,
  cast(marketing_opt_in as boolean) as marketing_opt_in,
  cast(cast(created_at as timestamp) as date) as customer_since,
  cast(updated_at as timestamp) as updated_at
from crm_customers
-- A customer changed on several days is in several exports: keep the latest.
qualify row_number() over (partition by trim(customer_id) order by cast(updated_at as timestamp) desc) = 1
