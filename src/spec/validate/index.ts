export type { DocumentResult, ValidateOptions } from './validate-document.js';
export { validateDocument } from './validate-document.js';
export type { SourceFile, WorkspaceAnalysis, WorkspaceOptions } from './validate-workspace.js';
export { analyzeWorkspace, validateWorkspace } from './validate-workspace.js';
export type { FileResult, ValidationReport } from './validation-report.js';
