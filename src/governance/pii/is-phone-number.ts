/**
 * Phone numbers: E.164 (`+`, or `00` with separators, then 8 to 15 digits, the first not 0), the North American
 * format with separators (`(212) 555-0142`, `212-555-0142`, `212.555.0142`), and national numbers
 * with a trunk prefix (`020 7946 0958`, `06 12 34 56 78`, `030 1234567`: a 0, then 10 or 11 digits
 * in all). Bare digit strings without `+` or a leading 0 are not accepted: they are far more often
 * order numbers or amounts than phone numbers.
 */
const SHAPE = /^\+?\(?\d[\d ().-]*\d$/;
const NANP = /^(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}$/;
const TRUNK = /^(?:0[1-9]|\(0[1-9])/;

export function isPhoneNumber(value: string): boolean {
  if (value.length > 32 || !SHAPE.test(value)) return false;
  if (/[ .-][ .-]/.test(value) || !balancedParentheses(value)) return false;
  const digits = value.replace(/\D/g, '');
  if (value.startsWith('+')) return isE164Digits(digits);
  // Bare `00...` strings are more often zero-padded ids; the written international form has groups.
  if (value.startsWith('00')) return /[ .-]/.test(value) && isE164Digits(digits.slice(2));
  if (NANP.test(value)) return true;
  return TRUNK.test(value) && digits.length >= 10 && digits.length <= 11;
}

/** True for the strict E.164 form (`+14155550142`): what systems should store. */
export function isE164(value: string): boolean {
  return /^\+[1-9]\d{7,14}$/.test(value);
}

function isE164Digits(digits: string): boolean {
  return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0';
}

/** At most one `(...)` pair, opened before it is closed, holding only digits. */
function balancedParentheses(value: string): boolean {
  const open = value.indexOf('(');
  const close = value.indexOf(')');
  if (open < 0 && close < 0) return true;
  if (open < 0 || close < open) return false;
  if (value.indexOf('(', open + 1) >= 0 || value.indexOf(')', close + 1) >= 0) return false;
  return /^\(\d{1,5}\)$/.test(value.slice(open, close + 1));
}
