import { describe, expect, it } from 'vitest';
import { detectByName } from './detect-by-name.js';

function kinds(name: string, type?: Parameters<typeof detectByName>[1]): string[] {
  return detectByName(name, type).map((m) => `${m.kind}:${m.confidence}`);
}

describe('detectByName', () => {
  it.each([
    ['email', 'email:high'],
    ['customerEmail', 'email:high'],
    ['contact-email-address', 'email:high'],
    ['EMAIL_ADDRESS', 'email:high'],
    ['emailaddress', 'email:high'],
    ['e_mail', 'email:high'],
    ['phone_number', 'phone:high'],
    ['mobilePhone', 'phone:high'],
    ['msisdn', 'phone:high'],
    ['mobile', 'phone:medium'],
    ['first_name', 'person-name:high'],
    ['LastName', 'person-name:high'],
    ['firstname', 'person-name:high'],
    ['full-name', 'person-name:high'],
    ['customer_name', 'person-name:medium'],
    ['reviewername', 'person-name:medium'],
    ['birth_date', 'birth-date:high'],
    ['dateOfBirth', 'birth-date:high'],
    ['dob', 'birth-date:high'],
    ['birthdate', 'birth-date:high'],
    ['street_address', 'postal-address:high'],
    ['addressline1', 'postal-address:high'],
    ['zip_code', 'postal-address:medium'],
    ['postalcode', 'postal-address:medium'],
    ['postcode', 'postal-address:medium'],
    ['ssn', 'national-id:high'],
    ['nationalidnumber', 'national-id:high'],
    ['national_id', 'national-id:high'],
    ['passport_number', 'national-id:high'],
    ['tax_id', 'national-id:high'],
    ['iban', 'bank-account:high'],
    ['accountnumber', 'bank-account:medium'],
    ['card_number', 'payment-card:high'],
    ['cc_number', 'payment-card:high'],
    ['pan', 'payment-card:medium'],
    ['creditCard', 'payment-card:high'],
    ['ip', 'ip-address:high'],
    ['ip_address', 'ip-address:high'],
    ['IPAddress', 'ip-address:high'],
    ['client_ip', 'ip-address:high'],
    ['ipv6', 'ip-address:high'],
    ['device_id', 'device-id:high'],
    ['deviceId', 'device-id:high'],
    ['mac_address', 'device-id:high'],
    ['latitude', 'geo-location:medium'],
    ['geo_long', 'geo-location:medium'],
    ['long', 'geo-location:medium'],
    ['lng', 'geo-location:medium'],
  ])('%s is %s', (name, expected) => {
    expect(kinds(name)).toEqual([expected]);
  });

  it.each([
    'email_verified',
    'emailVerified',
    'is_email',
    'has_phone',
    'phone_count',
    'num_phones',
    'number_of_emails',
    'ip_port_range',
    'ip_version',
    'emailaddressid',
    'address_type',
    'addresstypeid',
    'phonenumbertypeid',
    'creditcardid',
    'card_type',
    'card_expiry_date',
    'email_domain',
    'email_opt_in',
    'email_sent_at',
    'wallet_address',
    'mobile_app_version',
    'long_description',
    'name',
    'product_name',
    'department_name',
    'ipad_model',
    'shipdate',
    'tip_amount',
    'latency',
    'hotel',
    'emailpromotion',
    'passport_country_code',
    'max_lat',
    'order_id',
    'address_updated_at',
    'email_address_id',
  ])('%s is not personal data', (name) => {
    expect(kinds(name)).toEqual([]);
  });

  it('rules out kinds the logical type cannot hold', () => {
    expect(kinds('email', 'boolean')).toEqual([]);
    expect(kinds('email', 'integer')).toEqual([]);
    expect(kinds('first_name', 'number')).toEqual([]);
    expect(kinds('msisdn', 'integer')).toEqual(['phone:high']);
    expect(kinds('latitude', 'number')).toEqual(['geo-location:medium']);
    expect(kinds('birth_date', 'date')).toEqual(['birth-date:high']);
    expect(kinds('phone', 'date')).toEqual([]);
  });

  it('reports every kind a name combines, once each', () => {
    expect(kinds('email_or_phone').sort()).toEqual(['email:high', 'phone:high']);
    expect(kinds('home_address_zip')).toEqual(['postal-address:high']);
  });

  it('reads only the start of an absurdly long name', () => {
    const name = `${'x_'.repeat(500_000)}email`;
    expect(kinds(name)).toEqual([]);
    expect(kinds(`email_${'y'.repeat(1_000_000)}`)).toEqual(['email:high']);
  });
});
