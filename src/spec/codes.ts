import type { Severity } from './diagnostic.js';

/**
 * Every diagnostic code Meshplane emits for documents, with its default severity and the one-line
 * explanation that docs/rules.md carries. A test keeps that page in step with this table.
 */
export const CODES = {
  // Reading the file
  'file-empty': { severity: 'error', doc: 'The file is empty or holds only whitespace and comments.' },
  'file-too-large': {
    severity: 'error',
    doc: 'The file is larger than the size limit (5 MB unless configured).',
  },
  'file-binary': { severity: 'error', doc: 'The file holds binary data (NUL bytes), not text.' },
  'file-invalid-utf8': {
    severity: 'error',
    doc: 'The file is not valid UTF-8; the position of the first bad byte is given.',
  },
  'file-unreadable': {
    severity: 'error',
    doc: 'The file could not be read (permissions, a folder, a broken link).',
  },
  'internal-error': {
    severity: 'error',
    doc: 'Meshplane itself failed on this file; this is a bug, please report it with the file.',
  },
  // Parsing YAML and JSON
  'syntax-error': {
    severity: 'error',
    doc: 'The text is not well-formed YAML 1.2 (or JSON, for `.json` files).',
  },
  'duplicate-key': {
    severity: 'error',
    doc: 'A mapping has the same key twice; YAML 1.2 forbids it and tools disagree on which wins.',
  },
  'tab-indent': { severity: 'error', doc: 'A tab is used for indentation; YAML allows only spaces.' },
  'alias-limit': { severity: 'error', doc: 'Aliases expand beyond the limit (a "billion laughs" document).' },
  'depth-limit': { severity: 'error', doc: 'Collections nest deeper than the limit (64 unless configured).' },
  'multiple-documents': {
    severity: 'error',
    doc: 'The file holds more than one YAML document; put each in its own file.',
  },
  'not-an-object': { severity: 'error', doc: 'The top level of the document is not a mapping.' },
  // Recognizing the document
  'kind-unknown': {
    severity: 'error',
    doc: 'The document is none of: ODCS DataContract, ODPS DataProduct, mesh.yaml, domain.yaml.',
  },
  'legacy-format': {
    severity: 'error',
    doc: 'The document uses the older Data Contract Specification (1.x); Meshplane reads ODCS v3.',
  },
  'api-version-unsupported': {
    severity: 'error',
    doc: 'The `apiVersion` is missing or not one Meshplane knows for this kind.',
  },
  // JSON Schema of the standard
  'schema-required': { severity: 'error', doc: 'A required field is missing.' },
  'schema-unknown-property': {
    severity: 'error',
    doc: 'A field is not defined by the standard; a close known name is suggested.',
  },
  'schema-type': {
    severity: 'error',
    doc: 'A value has the wrong type (a string where a list is expected, ...).',
  },
  'schema-enum': {
    severity: 'error',
    doc: 'A value is not one of the allowed values; the allowed values are listed.',
  },
  'schema-const': { severity: 'error', doc: 'A value must be exactly the constant the standard fixes.' },
  'schema-pattern': { severity: 'error', doc: 'A string does not match the pattern the standard requires.' },
  'schema-format': {
    severity: 'error',
    doc: 'A string is not a valid date, date-time, URI, e-mail, ... as its format requires.',
  },
  'schema-range': {
    severity: 'error',
    doc: 'A number, string or list is outside its allowed minimum or maximum.',
  },
  'schema-unique-items': {
    severity: 'error',
    doc: 'A list holds the same item twice where items must be unique.',
  },
  'schema-invalid': {
    severity: 'error',
    doc: 'The value matches none of the shapes the standard allows here.',
  },
  // Rules on each contract
  'quality-unknown-property': {
    severity: 'error',
    doc: 'A quality rule names a property the schema does not have.',
  },
  'sla-unknown-element': {
    severity: 'warning',
    doc: "An SLA property's `element` names a schema object or property the contract does not have.",
  },
  'primary-key-position': {
    severity: 'error',
    doc: 'Primary key positions are repeated or given to a property that is not a primary key.',
  },
  // Workspace rules (they run when a mesh.yaml is among the documents)
  'duplicate-id': { severity: 'error', doc: 'Two documents of the workspace declare the same `id`.' },
  'contract-not-found': {
    severity: 'error',
    doc: "An output port's `contractId` names no contract in the workspace.",
  },
  'input-port-unresolved': {
    severity: 'error',
    doc: "An input port's `contractId` names neither a contract in the workspace nor another product's output port.",
  },
  'product-cycle': {
    severity: 'error',
    doc: 'Products depend on each other in a cycle through their input ports.',
  },
  'primary-key-missing': {
    severity: 'warning',
    doc: 'A table of an output port contract declares no primary key.',
  },
  'name-convention': {
    severity: 'error',
    doc: 'A physical name breaks the naming convention (snake_case unless mesh.yaml says otherwise).',
  },
  'owner-team-missing': { severity: 'error', doc: 'A data product names no owner team.' },
  'owner-team-unknown': {
    severity: 'error',
    doc: "A data product's owner team is not declared in mesh.yaml.",
  },
  'domain-unknown': { severity: 'error', doc: "A data product's domain is not declared in mesh.yaml." },
} as const satisfies Record<string, { severity: Severity; doc: string }>;

export type DiagnosticCode = keyof typeof CODES;
