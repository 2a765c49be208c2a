import type { ErrorCode } from './meshplane-error.js';

/** Exit codes shared by every CLI command. */
export const EXIT = {
  /** The command did what was asked and found nothing wrong. */
  OK: 0,
  /** The command ran and found problems: invalid documents, failed checks. */
  FINDINGS: 1,
  /** The command was called wrongly or the configuration is unusable. */
  USAGE: 2,
  /** Something broke inside Meshplane or a service it needs is unreachable. */
  INTERNAL: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODE: Readonly<Record<ErrorCode, ExitCode>> = {
  INVALID_INPUT: EXIT.USAGE,
  NOT_FOUND: EXIT.USAGE,
  CONFLICT: EXIT.FINDINGS,
  UNAUTHENTICATED: EXIT.USAGE,
  FORBIDDEN: EXIT.USAGE,
  PRECONDITION_FAILED: EXIT.FINDINGS,
  UNAVAILABLE: EXIT.INTERNAL,
  ENGINE_ERROR: EXIT.INTERNAL,
  INTERNAL: EXIT.INTERNAL,
};
