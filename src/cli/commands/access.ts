import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { AccessDiagnostic } from '../../access/access-types.js';
import type { Explanation } from '../../access/explain-decision.js';
import type { WorkspacePolicyFile } from '../../access/workspace-access.js';
import { EXIT, MeshplaneError } from '../../errors/index.js';
import { DEFAULT_LOAD_LIMITS } from '../../spec/load/limits.js';
import { analyzeWorkspace } from '../../spec/validate/index.js';
import { MESH_FILE } from '../../workspace/document-files.js';
import { findWorkspaceRoot, listDocumentFiles, readBounded } from '../../workspace/read-documents.js';
import type { CliIo } from '../cli-io.js';
import type { CommandModule } from '../command.js';
import { formatDiagnostic } from '../output/format-text.js';
import { parseFormat } from './validate.js';

interface ExplainFlags {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly workspace?: string;
  readonly principalDomain?: string;
  readonly purpose?: string;
  readonly at?: Date;
  readonly format: 'text' | 'json';
}

/** The folder of the mesh's access policies, relative to the workspace root. */
const POLICY_FOLDER = 'policies';
/** Bounds on what is read from it; compilePolicies bounds the statements again. */
const MAX_POLICY_FILES = 10_000;
const MAX_POLICY_BYTES = 1_000_000;

function parseInstant(value: string): Date {
  // An ISO date and time with an explicit zone, so the same flag means the same instant anywhere.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new InvalidArgumentError(
      'expected an ISO 8601 date and time with a zone, e.g. 2027-01-31T12:00:00Z',
    );
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new InvalidArgumentError(`'${value}' is not a valid date and time`);
  return at;
}

async function workspaceRoot(io: CliIo, flag: string | undefined): Promise<string> {
  if (flag === undefined) {
    const found = await findWorkspaceRoot(io.cwd);
    if (found === undefined)
      throw new MeshplaneError(
        'INVALID_INPUT',
        'not in a workspace (no mesh.yaml here or above); use --workspace',
      );
    return found;
  }
  const root = path.resolve(io.cwd, flag);
  const mesh = await stat(path.join(root, MESH_FILE)).catch(() => undefined);
  if (!mesh?.isFile())
    throw new MeshplaneError('INVALID_INPUT', `${root} is not a workspace: it has no ${MESH_FILE}`);
  return root;
}

/** Every `policies/*.cedar` of the workspace (not its subfolders), in name order. */
async function readPolicyFiles(root: string, display: (f: string) => string): Promise<WorkspacePolicyFile[]> {
  const folder = path.join(root, POLICY_FOLDER);
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw new MeshplaneError('INVALID_INPUT', `cannot read ${display(folder)}: ${error.message}`);
  });
  const names = entries
    .filter((e) => e.isFile() && e.name.endsWith('.cedar'))
    .map((e) => e.name)
    .sort();
  if (names.length > MAX_POLICY_FILES) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${display(folder)} holds ${names.length} .cedar files; at most ${MAX_POLICY_FILES} are read`,
    );
  }
  const decoder = new TextDecoder();
  const files: WorkspacePolicyFile[] = [];
  for (const name of names) {
    const absolute = path.join(folder, name);
    const read = await readBounded(absolute, display(absolute), MAX_POLICY_BYTES);
    if (read.readError !== undefined)
      throw new MeshplaneError('INVALID_INPUT', `cannot read ${read.file}: ${read.readError}`);
    // A text over the limit reaches the compiler whole enough to be reported as too large.
    files.push({ path: `${POLICY_FOLDER}/${name}`, text: decoder.decode(read.bytes), file: read.file });
  }
  return files;
}

function explanationJson(explanation: Explanation, diagnostics: readonly AccessDiagnostic[], at: Date) {
  return {
    decision: explanation.decision,
    request: { ...explanation.request, at: at.toISOString() },
    summary: explanation.summary,
    determiningPolicies: explanation.determining.map((p) => ({
      id: p.id,
      effect: p.effect,
      source: p.source,
      file: p.file,
      line: p.line,
      column: p.column,
      text: p.text,
    })),
    errors: explanation.errors,
    diagnostics,
  };
}

/**
 * `meshplane access explain`: what the workspace's access policies decide for one question, offline.
 * Exit 0 for allow, 1 for deny, 2 for a question that names something the workspace does not define.
 */
export const accessCommand: CommandModule = (program, io, setExit) => {
  const access = program.command('access').description('access policies (Cedar) of the workspace');
  access
    .command('explain')
    .description('decide one access question on the workspace, offline, and say which policies decided it')
    .requiredOption(
      '--principal <principal>',
      'a user name or e-mail from mesh.yaml, team:NAME or service:NAME',
    )
    .requiredOption(
      '--action <action>',
      'discover, read, subscribe, export, manage, approveAccess or administer',
    )
    .requiredOption('--resource <resource>', 'DOMAIN.PRODUCT, DOMAIN.PRODUCT/PORT[@VERSION] or domain:NAME')
    .option('--workspace <dir>', 'the workspace (default: the nearest folder with a mesh.yaml)')
    .option('--principal-domain <domain>', "the principal's domain; allows a user mesh.yaml does not declare")
    .option('--purpose <text>', 'the purpose given with the request')
    .option('--at <iso>', 'the time of the request (default: now)', parseInstant)
    .option('--format <format>', 'text or json', parseFormat(['text', 'json'] as const), 'text')
    .action(async (flags: ExplainFlags) => {
      const root = await workspaceRoot(io, flags.workspace);
      const display = (absolute: string) => path.relative(io.cwd, absolute) || absolute;
      const files = await listDocumentFiles(root);
      const sources = await Promise.all(
        files.map((f) => readBounded(f, display(f), DEFAULT_LOAD_LIMITS.maxBytes)),
      );
      const { report, entries } = analyzeWorkspace(sources);
      if (![...entries.values()].some((e) => e.parsed?.kind === 'Mesh')) {
        throw new MeshplaneError(
          'INVALID_INPUT',
          `${display(path.join(root, MESH_FILE))} could not be read as a mesh; run meshplane validate`,
        );
      }
      if (report.summary.errors > 0 && flags.format === 'text') {
        io.stderr(
          `note: ${report.summary.invalid} of the workspace's documents have errors (run meshplane validate); ` +
            'they are read as far as they parse\n',
        );
      }
      const policies = await readPolicyFiles(root, display);
      // Cedar (WebAssembly) loads only for the commands that decide.
      const { buildWorkspaceAccess } = await import('../../access/workspace-access.js');
      const { explainDecision, formatExplanation } = await import('../../access/explain-decision.js');
      const model = buildWorkspaceAccess({ entries: entries.values(), policies });
      const at = flags.at ?? new Date();
      const request = model.request({
        principal: flags.principal,
        action: flags.action,
        resource: flags.resource,
        now: at,
        ...(flags.principalDomain === undefined ? {} : { principalDomain: flags.principalDomain }),
        ...(flags.purpose === undefined ? {} : { purpose: flags.purpose }),
      });
      const explanation = explainDecision(model.point, request);
      const refused = explanation.errors.filter((e) => e.policyId === undefined);
      if (refused.length > 0) {
        // Every entity is built here, so a refused request is a question the schema does not allow.
        throw new MeshplaneError(
          'INVALID_INPUT',
          `cannot ask '${flags.action}' of ${explanation.request.resource}: ${refused.map((e) => e.message).join('; ')}`,
        );
      }
      const diagnostics = model.point.diagnostics;
      if (flags.format === 'json') {
        io.stdout(`${JSON.stringify(explanationJson(explanation, diagnostics, at), null, 2)}\n`);
      } else {
        const texts = new Map(policies.map((p) => [p.file ?? p.path, p.text] as const));
        for (const d of diagnostics)
          io.stdout(`${formatDiagnostic(d, { color: io.isTTY, source: (file) => texts.get(file) })}\n`);
        io.stdout(`${formatExplanation(explanation)}\n`);
      }
      setExit(explanation.decision === 'allow' ? EXIT.OK : EXIT.FINDINGS);
    });
};
