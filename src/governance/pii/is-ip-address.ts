/**
 * IPv4 in dotted-quad form (four octets 0-255, no leading zeros, so `1.2.3` and `01.2.3.4` are
 * not addresses) and IPv6 in any RFC 4291 text form (`::` compression, embedded IPv4, zone id).
 */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const HEXTET = /^[0-9A-Fa-f]{1,4}$/;

export function isIpv4(value: string): boolean {
  return value.length <= 15 && IPV4.test(value);
}

export function isIpv6(value: string): boolean {
  if (value.length > 64 || value.length < 2) return false;
  const zone = value.indexOf('%');
  const address = zone < 0 ? value : value.slice(0, zone);
  if (zone >= 0 && !/^[0-9A-Za-z._-]{1,16}$/.test(value.slice(zone + 1))) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const all = groups.flat();
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const group = all[i] ?? '';
    if (HEXTET.test(group)) count += 1;
    // An embedded IPv4 address may stand only in the last place and counts as two groups.
    else if (i === all.length - 1 && isIpv4(group) && (halves.length === 2 ? halves[1] !== '' : true))
      count += 2;
    else return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function isIpAddress(value: string): boolean {
  return isIpv4(value) || isIpv6(value);
}
