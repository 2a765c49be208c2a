export { EXIT, EXIT_CODE, type ExitCode } from './exit-codes.js';
export {
  ERROR_CODES,
  type ErrorCode,
  HTTP_STATUS,
  MeshplaneError,
  toMeshplaneError,
} from './meshplane-error.js';
