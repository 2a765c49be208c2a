import type { ChangeLocation, ContractChange } from './contract-change.js';

/** Options of `formatChanges`. */
export interface FormatChangesOptions {
  /** Mark breaking changes red and governance events yellow with ANSI codes. Off by default. */
  readonly color?: boolean;
}

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const DIM = '\u001b[2m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

function where(location: ChangeLocation | undefined): string {
  if (location === undefined) return '';
  return location.line === undefined
    ? `${location.file} ${location.path}`
    : `${location.file}:${location.line}:${location.column ?? 1}`;
}

function marker(change: ContractChange): string {
  if (change.breaking) return 'BREAKING  ';
  return change.governance ? 'GOVERNANCE' : '          ';
}

function line(change: ContractChange, paint: (code: string, text: string) => string): string {
  const mark = marker(change);
  const painted = change.breaking
    ? paint(RED + BOLD, mark)
    : change.governance
      ? paint(YELLOW + BOLD, mark)
      : mark;
  const at = where(change.new ?? change.old);
  return `  ${painted} ${change.type}: ${change.message}${at === '' ? '' : ` ${paint(DIM, `(${at})`)}`}`;
}

/**
 * A human report: one line per change, grouped under the schema object it belongs to (contract-
 * level changes last, under `contract`), breaking changes marked, ending with a one-line summary
 * such as `3 changes, 1 breaking`. Plain text unless `color` is set.
 */
export function formatChanges(
  changes: readonly ContractChange[],
  options: FormatChangesOptions = {},
): string {
  const paint = (code: string, text: string): string =>
    options.color === true ? `${code}${text}${RESET}` : text;
  const groups = new Map<string, ContractChange[]>();
  for (const change of changes) {
    const group = change.object === undefined ? '' : `schema object ${change.object}`;
    groups.set(group, [...(groups.get(group) ?? []), change]);
  }
  const contractLevel = groups.get('');
  groups.delete('');
  if (contractLevel !== undefined) groups.set('contract', contractLevel);
  const lines: string[] = [];
  for (const [group, members] of groups) {
    lines.push(paint(BOLD, group));
    for (const change of members) lines.push(line(change, paint));
  }
  const breaking = changes.filter((c) => c.breaking).length;
  const governance = changes.filter((c) => c.governance).length;
  const count = `${changes.length} change${changes.length === 1 ? '' : 's'}`;
  const summary = [
    count,
    `${breaking} breaking`,
    ...(governance > 0 ? [`${governance} governance`] : []),
  ].join(', ');
  lines.push(breaking > 0 ? paint(RED + BOLD, summary) : summary);
  return `${lines.join('\n')}\n`;
}
