import type { ImportGap } from './imported-table.js';
import type { DomainProposal } from './propose-domains.js';

/** Gaps as warnings, one per line: `warning: models.orders.fields.id: ...`. */
export function formatGaps(gaps: readonly ImportGap[]): string {
  return gaps.map((g) => `warning: ${g.where}: ${g.message}\n`).join('');
}

/** The text summary of a domain proposal, with a ready command per domain. */
export function formatProposal(
  proposal: DomainProposal,
  command: (domain: string, tables: readonly string[]) => string,
): string {
  let out = `Proposed domains (${proposal.domains.length}), from the foreign keys between the tables:\n`;
  for (const d of proposal.domains) {
    out += `\n  ${d.name}  (${d.tables.length} tables, around ${d.anchor})\n`;
    out += `    ${d.tables.join(', ')}\n`;
    out += `    why: ${d.reason}\n`;
    out += `    import: ${command(d.name, d.tables)}\n`;
  }
  if (proposal.unrelated.length > 0) {
    out += `\nNo foreign key to or from another table (assign them yourself): ${proposal.unrelated.join(', ')}\n`;
  }
  if (proposal.crossReferences.length > 0) {
    out += '\nReferences between domains (each becomes a dependency between products; review them):\n';
    for (const r of proposal.crossReferences) {
      out += `  ${r.fromDomain}: ${r.fromTable}(${r.columns.join(', ')}) -> ${r.toDomain}: ${r.toTable}(${r.referencedColumns.join(', ')})\n`;
    }
  }
  if (proposal.externalReferences.length > 0) {
    out += '\nReferences to tables outside this import:\n';
    for (const r of proposal.externalReferences) out += `  ${r.table} -> ${r.referencedTable}\n`;
  }
  return out;
}
