/** The file input port: CSV, NDJSON/JSON and Parquet files, validated in bulk, ingested exactly once. */
export { contentHash } from './content-hash.js';
export { type LedgerState, type LedgerStatus, readLedger } from './file-ledger.js';
export { type FilePortSpec, filePortSpec, readOptionsFor } from './file-port-spec.js';
export { type CandidateFile, findFiles } from './find-files.js';
export { hasNewFiles } from './has-new-files.js';
export { type FileIngestResult, type FileVersion, ingestFile } from './ingest-file.js';
export {
  type IngestFilesOptions,
  type IngestProgress,
  ingestNewFiles,
  type PortIngestResult,
} from './ingest-files.js';
