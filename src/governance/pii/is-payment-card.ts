/**
 * Payment card numbers (PAN): 13 to 19 digits, optionally in groups separated by single spaces or
 * dashes, starting with a major network's first digit (2-6), passing the Luhn check, and not one
 * digit repeated (`0000 0000 0000 0000` passes Luhn but is a placeholder).
 */
const CARD_SHAPE = /^\d{2,19}(?:[ -]\d{1,19}){0,6}$/;

export function isPaymentCard(value: string): boolean {
  if (value.length > 25 || !CARD_SHAPE.test(value)) return false;
  const digits = value.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  if (!/^[2-6]/.test(digits) || /^(\d)\1*$/.test(digits)) return false;
  return isLuhnValid(digits);
}

/** The Luhn (mod 10) check digit test over a string of digits. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}
