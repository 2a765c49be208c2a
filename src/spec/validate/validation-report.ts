import type { Diagnostic } from '../diagnostic.js';
import type { DocumentKind } from '../kind/detect-kind.js';

/** The verdict on one file: the shape of `meshplane validate --format json` (docs/cli.md). */
export interface FileResult {
  readonly file: string;
  readonly kind: DocumentKind;
  readonly apiVersion?: string;
  /** True when the file has no error-severity diagnostic (warnings allowed). */
  readonly valid: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

export interface ValidationReport {
  readonly files: readonly FileResult[];
  readonly summary: {
    readonly files: number;
    readonly valid: number;
    readonly invalid: number;
    readonly errors: number;
    readonly warnings: number;
  };
}
