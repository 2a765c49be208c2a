/**
 * What the monitors watch of one deployed product: each served output port version with its SLA
 * objectives (read from its contract), when it was first deployed, the column retention is
 * measured on, and the team that owns the product. Built once per deployed product object (a
 * redeploy makes a new one), from the runtime's product and the registry.
 */
import { type ParsedSla, parseSla } from '../../quality/sla/index.js';
import type { RuntimeOutputPort, RuntimeProduct } from '../../runtime/index.js';
import type { ControlStore, ProductDetail } from '../../store/index.js';
import { slaPropertyInputs } from './sla-property-inputs.js';

/** One output port version as the monitors see it. */
export interface PlannedPort {
  /** The port version's key: its table, its name in runs (`orders`, `orders@v2`). */
  readonly key: string;
  readonly portName: string;
  readonly version: string;
  readonly output: RuntimeOutputPort;
  readonly sla: ParsedSla;
  /** When this port version's contract was first registered; absent when the registry does not say. */
  readonly deployedAt?: string;
  /** The column whose oldest value retention is measured on (from the objective's `element`). */
  readonly retentionColumn?: string;
}

export interface PortPlan {
  readonly productId: string;
  readonly ownerTeam?: string;
  readonly ports: readonly PlannedPort[];
}

/** What the plan reads of the registry. */
export type PlanStore = Pick<ControlStore, 'getProduct' | 'listPortContracts'>;

/** The last segment of an element (`orders.created_at` → `created_at`), matched to a column of the port. */
function columnOf(output: RuntimeOutputPort, element: string | undefined): string | undefined {
  if (element === undefined) return undefined;
  const name = element.split('.').at(-1)?.trim().toLowerCase();
  return output.columns.find((c) => c.name.toLowerCase() === name)?.name;
}

function earliest(times: readonly string[]): string | undefined {
  return times.length === 0 ? undefined : [...times].sort()[0];
}

async function planPort(
  store: PlanStore,
  product: RuntimeProduct,
  detail: ProductDetail | undefined,
  output: RuntimeOutputPort,
): Promise<PlannedPort> {
  const { contract } = output;
  const raw = detail?.contracts.find((c) => c.id === contract.id && c.version === contract.version)?.document;
  const sla = parseSla(slaPropertyInputs(contract.slaProperties, raw));
  const history = await store.listPortContracts(product.id, output.portName);
  const deployedAt =
    earliest(history.filter((h) => h.contractId === contract.id).map((h) => h.deployedAt)) ??
    earliest(detail?.versions.map((v) => v.deployedAt) ?? []);
  const retention = sla.objectives.find((o) => o.kind === 'retention');
  const retentionColumn = columnOf(output, retention?.element);
  return {
    key: output.name,
    portName: output.portName,
    version: output.version,
    output,
    sla,
    ...(deployedAt === undefined ? {} : { deployedAt }),
    ...(retentionColumn === undefined ? {} : { retentionColumn }),
  };
}

/** Plans of deployed products, made on first use and kept while the product object is deployed. */
export class PortPlans {
  readonly #store: PlanStore;
  readonly #plans = new WeakMap<RuntimeProduct, Promise<PortPlan>>();

  constructor(store: PlanStore) {
    this.#store = store;
  }

  /** The product's plan; a failed build is forgotten so the next call tries again. */
  of(product: RuntimeProduct): Promise<PortPlan> {
    let plan = this.#plans.get(product);
    if (plan === undefined) {
      plan = this.#build(product);
      plan.catch(() => this.#plans.delete(product));
      this.#plans.set(product, plan);
    }
    return plan;
  }

  async #build(product: RuntimeProduct): Promise<PortPlan> {
    const detail = await this.#store.getProduct(product.id);
    const ports: PlannedPort[] = [];
    for (const output of product.outputs) ports.push(await planPort(this.#store, product, detail, output));
    const ownerTeam = product.product.team.name ?? detail?.ownerTeam;
    return { productId: product.id, ...(ownerTeam === undefined ? {} : { ownerTeam }), ports };
  }
}
