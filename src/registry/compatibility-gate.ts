/**
 * The registry's rules on a product about to be deployed, checked before anything changes:
 *
 * - every output port version is semver, and its contract's major is the port's major;
 * - a registered contract version is immutable: the same version with other content is refused;
 * - a new version of a major line meets the subject's compatibility mode against the registered
 *   versions of that line (compat/); a breaking change needs a new major version;
 * - lowering a subject's compatibility mode or a column's classification is allowed only to a
 *   member of the domain's owner team, and is audited;
 * - a served major that the new version drops or marks retired must have no active consumer,
 *   unless forced (audited).
 *
 * The outcome also carries what a successful deploy must record with its registration:
 * deprecations, retirements and new majors become notifications, webhooks and audit events.
 */
import { type CompatReport, compareContracts } from '../compat/index.js';
import { MeshplaneError } from '../errors/index.js';
import { majorOf, parseSemver } from '../runtime/index.js';
import type { DataContract } from '../spec/model/data-contract.js';
import type { DataProduct } from '../spec/model/data-product.js';
import type { ControlStore, PortContractVersion } from '../store/index.js';
import { DEFAULT_REGISTRY, modeLowered, subjectRules } from './compatibility-mode.js';
import { type GovernanceChange, type LifecycleEvent, lifecycleEvents } from './lifecycle-effects.js';
import { type PortConsumer, portConsumers } from './port-consumers.js';
import {
  contractContent,
  registeredSide,
  sameMajor,
  subjectName,
  subjectVersions,
} from './subject-history.js';
import type { AnalyzedMesh } from './workspace-context.js';

export interface RetiredPort {
  readonly port: string;
  readonly major: number;
  readonly version: string;
  readonly consumers: readonly PortConsumer[];
}

export type PortVerdictKind = 'first' | 'unchanged' | 'compatible' | 'incompatible';

export interface PortVerdict {
  readonly subject: string;
  readonly port: string;
  readonly version: string;
  readonly verdict: PortVerdictKind;
  readonly report?: CompatReport;
}

export interface GateRequest {
  readonly store: ControlStore;
  readonly mesh: AnalyzedMesh;
  readonly product: DataProduct;
  /** Who deploys (checked against the domain's owner team for governance changes). */
  readonly actor: string;
  /** Retire versions that still have active consumers. */
  readonly force: boolean;
  readonly now?: Date;
}

export interface GateOutcome {
  readonly ports: readonly PortVerdict[];
  /** What happens to consumers and governance when the deploy succeeds. */
  readonly events: readonly LifecycleEvent[];
}

/** Thrown when the gate refuses; `details.compatibility` holds the per-port verdicts. */
function refuse(
  code: 'CONFLICT' | 'FORBIDDEN' | 'INVALID_INPUT',
  message: string,
  ports: readonly PortVerdict[],
  extra: object = {},
) {
  return new MeshplaneError(code, message, { details: { compatibility: ports, ...extra } });
}

function isOwner(request: GateRequest): boolean {
  const mesh = request.mesh.mesh;
  const domain = mesh?.domains.find((d) => d.name === request.product.domain);
  const team = mesh?.teams.find((t) => t.name === domain?.ownerTeam);
  return team?.members.some((m) => m.username === request.actor) ?? false;
}

function ownerTeam(request: GateRequest): string | undefined {
  return request.mesh.mesh?.domains.find((d) => d.name === request.product.domain)?.ownerTeam;
}

export interface PortContext {
  readonly port: string;
  readonly version: string;
  readonly contract: DataContract;
  readonly history: readonly PortContractVersion[];
}

function checkVersionLine(product: DataProduct, ctx: PortContext): void {
  const where = `${product.id}/${ctx.port}`;
  const portMajor = majorOf(ctx.version, where);
  const contractMajor = parseSemver(ctx.contract.version)?.major;
  if (contractMajor === undefined) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${where}: contract ${ctx.contract.id} version '${ctx.contract.version}' is not a semantic version`,
    );
  }
  if (contractMajor !== portMajor) {
    throw new MeshplaneError(
      'INVALID_INPUT',
      `${where}: contract ${ctx.contract.id} is version ${ctx.contract.version} but the port is version ${ctx.version}; their major versions must agree`,
    );
  }
}

/** Checks one output port version against its registered line. */
function checkPort(request: GateRequest, ctx: PortContext): { verdict: PortVerdict; modeChange?: string } {
  const { product } = request;
  const subject = subjectName(product.id, ctx.port);
  const base = { subject, port: ctx.port, version: ctx.contract.version };
  const line = sameMajor(ctx.history, ctx.contract.version);
  const same = line.find((h) => h.contractVersion === ctx.contract.version);
  if (same !== undefined) {
    if (
      same.contractId === ctx.contract.id &&
      contractContent(same.document as DataContract) === contractContent(ctx.contract)
    ) {
      return { verdict: { ...base, verdict: 'unchanged' } };
    }
    throw refuse(
      'CONFLICT',
      `${subject}: contract version ${ctx.contract.version} is registered with other content; registered versions are immutable, so give the change a new version`,
      [],
    );
  }
  const registry = request.mesh.mesh?.registry ?? DEFAULT_REGISTRY;
  const rules = subjectRules(ctx.contract, registry);
  const latest = line.at(-1);
  const previousMode =
    latest === undefined ? undefined : subjectRules(latest.document as DataContract, registry).mode;
  const report = compareContracts(
    { contract: ctx.contract, file: ctx.contract.id, label: ctx.contract.version },
    line.map(registeredSide),
    rules.mode,
    rules.policy,
  );
  const verdict: PortVerdict = {
    ...base,
    verdict: latest === undefined ? 'first' : report.compatible ? 'compatible' : 'incompatible',
    report,
  };
  const lowered = previousMode !== undefined && modeLowered(previousMode, rules.mode);
  return lowered ? { verdict, modeChange: `${previousMode} -> ${rules.mode}` } : { verdict };
}

/** Served majors of the registered current version that the candidate no longer serves. */
async function retirements(request: GateRequest) {
  const { store, product, mesh } = request;
  const current = await store.getProduct(product.id);
  if (current === undefined) return [];
  const served = new Set(
    product.outputPorts.flatMap((p) => {
      const contract = p.contractId === undefined ? undefined : mesh.contracts.get(p.contractId);
      const major = parseSemver(p.version)?.major;
      return contract?.status.toLowerCase() === 'retired' || major === undefined
        ? []
        : [`${p.name}\u0000${major}`];
    }),
  );
  const before = current.outputPorts.flatMap((p) => {
    const major = parseSemver(p.version)?.major;
    const contract = current.contracts.find((c) => c.id === p.contractId)?.document as
      | DataContract
      | undefined;
    if (major === undefined || contract?.status.toLowerCase() === 'retired') return [];
    return [{ port: p.name, major, version: p.version }];
  });
  return before.filter((b) => !served.has(`${b.port}\u0000${b.major}`));
}

/**
 * Runs the registry's rules on `request.product`. Throws MeshplaneError (CONFLICT for an
 * incompatible change or a retirement with active consumers, FORBIDDEN for a governance change by
 * someone outside the owner team, INVALID_INPUT for versions that are not semver) with the
 * per-port report in `details.compatibility`; otherwise returns the verdicts and the events.
 */
export async function checkDeployCompatibility(request: GateRequest): Promise<GateOutcome> {
  const { product, mesh, store } = request;
  const ports: PortVerdict[] = [];
  const governance: GovernanceChange[] = [];
  const contexts: PortContext[] = [];
  for (const port of product.outputPorts) {
    const contract = port.contractId === undefined ? undefined : mesh.contracts.get(port.contractId);
    if (contract === undefined) continue;
    const ctx = {
      port: port.name,
      version: port.version,
      contract,
      history: await subjectVersions(store, product.id, port.name),
    };
    checkVersionLine(product, ctx);
    contexts.push(ctx);
    const { verdict, modeChange } = checkPort(request, ctx);
    ports.push(verdict);
    if (modeChange !== undefined) {
      governance.push({
        kind: 'mode',
        port: port.name,
        message: `${verdict.subject}: compatibility mode lowered ${modeChange}`,
      });
    }
    for (const change of verdict.report?.changes ?? []) {
      if (change.governance === true)
        governance.push({
          kind: 'classification',
          port: port.name,
          message: `${verdict.subject}: ${change.message}`,
        });
    }
  }
  const incompatible = ports.filter((p) => p.verdict === 'incompatible');
  if (incompatible.length > 0) {
    const breaking = incompatible.flatMap((p) => (p.report?.changes ?? []).filter((c) => !c.compatible));
    throw refuse(
      'CONFLICT',
      `${incompatible.map((p) => `${p.subject} ${p.version}`).join(', ')} ${incompatible.length === 1 ? 'is' : 'are'} not ${incompatible[0]?.report?.mode} compatible with the registered versions (${breaking.length} breaking change${breaking.length === 1 ? '' : 's'}: ${breaking
        .slice(0, 3)
        .map((c) => c.message)
        .join('; ')}${breaking.length > 3 ? '; ...' : ''}); a breaking change needs a new major version`,
      ports,
    );
  }
  if (governance.length > 0 && !isOwner(request)) {
    throw refuse(
      'FORBIDDEN',
      `only a member of ${ownerTeam(request) ?? 'the domain’s owner team'} may change this: ${governance.map((g) => g.message).join('; ')}`,
      ports,
    );
  }
  const registry = mesh.mesh?.registry ?? DEFAULT_REGISTRY;
  const retired: RetiredPort[] = [];
  for (const r of await retirements(request)) {
    const key = r.major <= 1 ? r.port : `${r.port}@v${r.major}`;
    const consumers = await portConsumers(
      store,
      { productId: product.id, port: r.port, key, major: r.major },
      registry.activeConsumerDays,
      request.now,
    );
    const active = consumers.filter((c) => c.active);
    if (active.length > 0 && !request.force) {
      throw refuse(
        'CONFLICT',
        `${subjectName(product.id, r.port)} v${r.major} still has ${active.length} active consumer${active.length === 1 ? '' : 's'} (${active.map((c) => c.name).join(', ')}); retire it once they have moved, or deploy with --force`,
        ports,
        { consumers: active },
      );
    }
    retired.push({ ...r, consumers });
  }
  const events = await lifecycleEvents(request, contexts, retired, governance);
  return { ports, events };
}
