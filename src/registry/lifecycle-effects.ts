/**
 * What a deploy tells the mesh about its output ports' lives: a version deprecated (with its
 * sunset), a new major published beside an older one, a version retired, a governance guarantee
 * lowered. Each becomes audit events, in-app notifications to the consumers and owners it
 * concerns, and CloudEvents for the mesh's webhooks, all written with the deploy's registration.
 */
import {
  CONTRACT_DEPRECATED,
  CONTRACT_PUBLISHED,
  CONTRACT_RETIRED,
  GOVERNANCE_CLASSIFICATION_LOWERED,
  type MeshplaneEventType,
} from '../notify/cloud-event.js';
import { customText } from '../runtime/custom-properties.js';
import { parseSemver, portKey } from '../runtime/index.js';
import type { DataContract } from '../spec/model/data-contract.js';
import type { GateRequest, PortContext, RetiredPort } from './compatibility-gate.js';
import { DEFAULT_REGISTRY } from './compatibility-mode.js';
import { portConsumers } from './port-consumers.js';
import { sameMajor, subjectName } from './subject-history.js';

export interface GovernanceChange {
  readonly kind: 'mode' | 'classification';
  readonly port: string;
  readonly message: string;
}

export interface LifecycleEvent {
  /** A CloudEvent type, or `dev.meshplane.governance.mode-lowered` for a compatibility mode. */
  readonly type: MeshplaneEventType | 'dev.meshplane.governance.mode-lowered';
  /** The audit action. */
  readonly action: string;
  readonly productId: string;
  readonly port: string;
  readonly major?: number;
  readonly title: string;
  readonly message: string;
  /** Teams and consumers to notify in-app. */
  readonly recipients: readonly string[];
  readonly data: Readonly<Record<string, unknown>>;
}

const unique = (names: readonly string[]) => [...new Set(names)].sort();

async function consumersOf(request: GateRequest, port: string, major: number): Promise<string[]> {
  const days = (request.mesh.mesh?.registry ?? DEFAULT_REGISTRY).activeConsumerDays;
  const list = await portConsumers(
    request.store,
    { productId: request.product.id, port, key: portKey(port, major), major },
    days,
    request.now,
  );
  return list.map((c) => c.notify);
}

function owner(request: GateRequest): string[] {
  const team = request.mesh.mesh?.domains.find((d) => d.name === request.product.domain)?.ownerTeam;
  return team === undefined ? [] : [team];
}

async function deprecation(request: GateRequest, ctx: PortContext): Promise<LifecycleEvent | undefined> {
  if (ctx.contract.status.toLowerCase() !== 'deprecated') return undefined;
  const previous = sameMajor(ctx.history, ctx.contract.version).at(-1)?.document as DataContract | undefined;
  if (previous?.status.toLowerCase() === 'deprecated') return undefined;
  const major = parseSemver(ctx.version)?.major ?? 0;
  const sunset = customText(ctx.contract.customProperties, 'meshplane.sunset');
  const replacedBy = customText(ctx.contract.customProperties, 'meshplane.replacedBy');
  const subject = subjectName(request.product.id, ctx.port);
  return {
    type: CONTRACT_DEPRECATED,
    action: 'contract.deprecate',
    productId: request.product.id,
    port: ctx.port,
    major,
    title: `${subject} v${major} is deprecated`,
    message: `${subject} v${major} (${ctx.contract.version}) is deprecated${sunset === undefined ? '' : ` and will be retired after ${sunset}`}; move to ${replacedBy ?? 'its latest major version'}.`,
    recipients: unique([...(await consumersOf(request, ctx.port, major)), ...owner(request)]),
    data: {
      subject,
      major,
      version: ctx.contract.version,
      sunset: sunset ?? null,
      replacedBy: replacedBy ?? null,
    },
  };
}

async function publication(request: GateRequest, ctx: PortContext): Promise<LifecycleEvent | undefined> {
  const major = parseSemver(ctx.version)?.major;
  if (major === undefined || sameMajor(ctx.history, ctx.contract.version).length > 0) return undefined;
  const others = unique(
    ctx.history.flatMap((h) => parseSemver(h.contractVersion)?.major ?? []).map(String),
  ).map(Number);
  if (others.length === 0) return undefined;
  const recipients: string[] = [];
  for (const m of others) recipients.push(...(await consumersOf(request, ctx.port, m)));
  const subject = subjectName(request.product.id, ctx.port);
  return {
    type: CONTRACT_PUBLISHED,
    action: 'contract.publish-major',
    productId: request.product.id,
    port: ctx.port,
    major,
    title: `${subject} v${major} is available`,
    message: `${subject} has a new major version ${ctx.contract.version}, served beside v${others.join(', v')}.`,
    recipients: unique([...recipients, ...owner(request)]),
    data: { subject, major, version: ctx.contract.version, previousMajors: others },
  };
}

function retirement(request: GateRequest, retired: RetiredPort): LifecycleEvent {
  const subject = subjectName(request.product.id, retired.port);
  const active = retired.consumers.filter((c) => c.active);
  return {
    type: CONTRACT_RETIRED,
    action: active.length > 0 ? 'contract.retire-forced' : 'contract.retire',
    productId: request.product.id,
    port: retired.port,
    major: retired.major,
    title: `${subject} v${retired.major} is retired`,
    message: `${subject} v${retired.major} (${retired.version}) is retired and no longer served${active.length > 0 ? `; it still had ${active.length} active consumer(s)` : ''}.`,
    recipients: unique([...retired.consumers.map((c) => c.notify), ...owner(request)]),
    data: {
      subject,
      major: retired.major,
      version: retired.version,
      activeConsumers: active.map((c) => c.name),
    },
  };
}

function governanceEvent(request: GateRequest, change: GovernanceChange): LifecycleEvent {
  return {
    type:
      change.kind === 'classification'
        ? GOVERNANCE_CLASSIFICATION_LOWERED
        : 'dev.meshplane.governance.mode-lowered',
    action:
      change.kind === 'classification'
        ? 'governance.classification-lowered'
        : 'governance.compatibility-lowered',
    productId: request.product.id,
    port: change.port,
    title: change.kind === 'classification' ? 'Classification lowered' : 'Compatibility mode lowered',
    message: `${change.message} (by ${request.actor})`,
    recipients: owner(request),
    data: { subject: subjectName(request.product.id, change.port), change: change.message },
  };
}

/** The lifecycle events of a deploy that passed the gate. */
export async function lifecycleEvents(
  request: GateRequest,
  ports: readonly PortContext[],
  retired: readonly RetiredPort[],
  governance: readonly GovernanceChange[],
): Promise<LifecycleEvent[]> {
  const events: LifecycleEvent[] = [];
  for (const ctx of ports) {
    const found = [await deprecation(request, ctx), await publication(request, ctx)];
    events.push(...found.flatMap((e) => (e === undefined ? [] : [e])));
  }
  events.push(...retired.map((r) => retirement(request, r)));
  events.push(...governance.map((g) => governanceEvent(request, g)));
  return events;
}
