import { describe, expect, it } from 'vitest';
import { isIpAddress, isIpv4, isIpv6 } from './is-ip-address.js';

describe('isIpAddress', () => {
  it.each(['192.168.1.1', '10.0.0.255', '0.0.0.0', '255.255.255.255', '8.8.8.8'])(
    'accepts IPv4 %s',
    (value) => {
      expect(isIpv4(value)).toBe(true);
      expect(isIpAddress(value)).toBe(true);
    },
  );

  it.each([
    '2001:db8::1',
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    '::1',
    'fe80::1%eth0',
    '::ffff:192.0.2.128',
    '2001:db8:0:0:1::1',
  ])('accepts IPv6 %s', (value) => {
    expect(isIpv6(value)).toBe(true);
    expect(isIpAddress(value)).toBe(true);
  });

  it.each([
    ['1.2.3', 'a version string'],
    ['1.2.3.4.5', 'five parts'],
    ['256.1.1.1', 'octet above 255'],
    ['01.2.3.4', 'leading zero'],
    ['1.2.3.4a', 'trailing letter'],
    ['12:30:45', 'a time'],
    ['00:1A:2B:3C:4D:5E', 'a MAC address'],
    ['2001:db8::1::2', 'two ::'],
    ['2001:db8:1:2:3:4:5:6:7', 'nine groups'],
    ['2001:db8:12345::1', 'group of five digits'],
    ['1.2.3.4::', 'IPv4 before ::'],
    ['', 'empty'],
  ])('rejects %s (%s)', (value) => {
    expect(isIpAddress(value)).toBe(false);
  });
});
