/** Reported while a file is written (every 50,000 rows) and once more when it is complete. */
export interface GenerateProgress {
  /** The input contract's id. */
  readonly source: string;
  /** The file, relative to the workspace folder, POSIX separators. */
  readonly file: string;
  /** Rows written to this file so far. */
  readonly rows: number;
  /** Rows written to all files of this generation so far. */
  readonly totalRows: number;
  /** True when the file is complete. */
  readonly done: boolean;
}

/** How often, in rows, a file being written is reported. */
export const PROGRESS_EVERY_ROWS = 50_000;
