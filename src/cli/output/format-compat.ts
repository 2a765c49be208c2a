import pc from 'picocolors';
import type { CompatChange, CompatReport } from '../../compat/index.js';

function where(change: CompatChange): string {
  const at = change.new ?? change.old;
  return at?.line === undefined ? '' : ` (${at.file}:${at.line}:${at.column ?? 1})`;
}

/** The compat verdict for a person: one line of verdict, then the breaking changes and the rest. */
export function formatCompatReport(report: CompatReport, color: boolean): string {
  const c = color
    ? pc
    : { red: (s: string) => s, green: (s: string) => s, dim: (s: string) => s, yellow: (s: string) => s };
  const against = report.against.length === 0 ? 'nothing registered before it' : report.against.join(', ');
  const head = report.compatible
    ? c.green(`✔ ${report.version} is ${report.mode} compatible (${report.policy}) with ${against}`)
    : c.red(`✖ ${report.version} is not ${report.mode} compatible (${report.policy}) with ${against}`);
  const lines = [head];
  const breaking = report.changes.filter((ch) => !ch.compatible);
  const rest = report.changes.filter((ch) => ch.compatible);
  for (const ch of breaking)
    lines.push(`  ${c.red('breaking')}  ${ch.type} ${ch.path}: ${ch.message}${where(ch)}`);
  for (const ch of rest) {
    const mark = ch.governance === true ? c.yellow('governance') : c.dim('ok');
    lines.push(`  ${mark}  ${ch.type} ${ch.path}: ${ch.message}${where(ch)}`);
  }
  lines.push(`${report.changes.length} change(s), ${breaking.length} breaking`);
  return `${lines.join('\n')}\n`;
}
