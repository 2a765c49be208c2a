/**
 * E-mail addresses as people and systems write them: a dot-atom local part, `@`, and a domain of
 * at least two labels with an alphabetic top-level label. Quoted local parts and IP literals are
 * legal (RFC 5321) but so rare in data that accepting them would only add false positives.
 * The pattern has no nested quantifiers over overlapping sets, so it runs in linear time.
 */
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function isEmail(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at < 1 || at > 64) return false;
  return EMAIL.test(value);
}
