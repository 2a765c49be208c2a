/** What every SQL server engine reads the same way from an error its driver threw. */

/** The driver's error code (`28P01`, `ER_NO_SUCH_TABLE`, `ECONNREFUSED`), or `''`. */
export function driverErrorCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

/** The error's message with every secret in `secrets` replaced by `***`. */
export function driverErrorReason(error: unknown, secrets: readonly string[]): string {
  const text = error instanceof Error ? error.message : String(error);
  const redacted = secrets.filter((s) => s !== '').reduce((t, s) => t.split(s).join('***'), text);
  return redacted || 'no reason given';
}
