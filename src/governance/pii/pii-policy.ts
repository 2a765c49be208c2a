import { type Diagnostic, diagnostic, type JsonPath, type Position } from '../../spec/diagnostic.js';
import { describeEvidence } from './describe-evidence.js';
import type { PropertyPii } from './property-pii.js';

/**
 * The diagnostic codes of the PII policy, with their severities. `pii-unclassified` fails
 * validation; a low-confidence hint only warns, so a look-alike code column cannot block a deploy.
 */
export const PII_CODES = {
  'pii-unclassified': {
    severity: 'error',
    doc: 'A property that holds personal data has no classification, or is `public`.',
  },
  'pii-suspected': {
    severity: 'warning',
    doc: 'A property may hold personal data (weak evidence) and has no classification, or is `public`.',
  },
  'pii-under-classified': {
    severity: 'warning',
    doc: 'A property that holds personal data is classified below what its kind calls for.',
  },
  'pii-classified': { severity: 'info', doc: 'A property that holds personal data is classified.' },
} as const;

export type PiiCode = keyof typeof PII_CODES;

/** Where findings point: the file and a way to turn a JSON path into a line and column. */
export interface PiiLocation {
  readonly file?: string;
  readonly locate?: (path: JsonPath) => Position;
}

/** Classifications from least to most protected; values outside this list are not compared. */
const RANK: Readonly<Record<string, number>> = {
  public: 0,
  internal: 1,
  confidential: 2,
  restricted: 3,
  secret: 4,
};

/** The one finding for a detected property, by its declared classification. */
export function piiFinding(found: PropertyPii, where: PiiLocation): Diagnostic {
  const declared = found.classification?.trim().toLowerCase() ?? '';
  const evidence = describeEvidence(found);
  const suggested = found.suggestedClassification;
  const subject = `Property \`${found.property}\``;
  if (declared === '' || declared === 'public') {
    const weak = found.confidence === 'low' && !found.declared;
    const state = declared === '' ? 'has no classification' : 'is classified `public`';
    return finding(weak ? 'pii-suspected' : 'pii-unclassified', found, where, {
      message: `${subject} ${weak ? 'may hold' : 'holds'} personal data (${evidence}) but ${state}`,
      hint: `set \`classification: ${suggested}\` (or stricter), or mark the property \`customProperties: [{property: pii, value: false}]\` if it is not personal data`,
    });
  }
  const rank = Object.hasOwn(RANK, declared) ? RANK[declared] : undefined;
  if (rank !== undefined && rank < (RANK[suggested] ?? 0)) {
    return finding('pii-under-classified', found, where, {
      message: `${subject} holds personal data (${evidence}) and is classified \`${declared}\`; \`${suggested}\` is recommended`,
      hint: `set \`classification: ${suggested}\``,
    });
  }
  return finding('pii-classified', found, where, {
    message: `${subject} holds personal data (${evidence}) and is classified \`${declared}\``,
  });
}

function finding(
  code: PiiCode,
  found: PropertyPii,
  where: PiiLocation,
  text: { message: string; hint?: string },
): Diagnostic {
  const at = where.locate?.(found.path) ?? { line: 1, column: 1 };
  return diagnostic({
    code,
    severity: PII_CODES[code].severity,
    message: text.message,
    hint: text.hint,
    file: where.file ?? '',
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    path: found.path,
  });
}
