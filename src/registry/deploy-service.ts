import path from 'node:path';
import { MeshplaneError, toMeshplaneError } from '../errors/index.js';
import { CONTRACT_BREAKING_CHANGE_REFUSED } from '../notify/index.js';
import type { MeshRuntime, RuntimeProduct } from '../runtime/index.js';
import { resolveProduct, scheduleError } from '../runtime/index.js';
import { formatPath } from '../spec/diagnostic.js';
import type { SourceFile } from '../spec/validate/index.js';
import type { ControlStore, Deploy, DeployStepName } from '../store/index.js';
import { checkDeployCompatibility, type GateOutcome } from './compatibility-gate.js';
import { bundleDigest, checkBundle, type DeployBundle } from './deploy-bundle.js';
import { completionExtras } from './lifecycle-extras.js';
import { withBundledTransforms } from './materialize-bundle.js';
import { registrationOf } from './registration.js';
import { type AnalyzedMesh, analyzeBundles } from './workspace-context.js';

/** What a deploy reports as it goes; also the lines of `POST /api/v1/deploys` with `Accept: application/x-ndjson`. */
export type DeployEvent =
  | { readonly type: 'step'; readonly step: DeployStepName; readonly message: string }
  | {
      readonly type: 'done';
      readonly deployId: string;
      readonly productId: string;
      readonly version: string;
      readonly unchanged: boolean;
    }
  | {
      readonly type: 'failed';
      readonly step: string;
      readonly message: string;
      /** The error code (CONFLICT for an incompatible change, FORBIDDEN for a governance change by a non-owner, ...). */
      readonly code?: string;
      /** The per-port compatibility report, when the registry's rules refused the deploy. */
      readonly compatibility?: unknown;
      /** Active consumers, when a retirement was refused. */
      readonly consumers?: unknown;
    };

/** Who deploys and how: the actor is checked for governance changes and written to the audit log. */
export interface DeployOptions {
  readonly actor?: string;
  /** Retire port versions that still have active consumers (audited). */
  readonly force?: boolean;
}

export interface DeployServiceOptions {
  readonly store: ControlStore;
  readonly runtime: MeshRuntime;
  /** mesh.yaml (and domain.yaml files) of the served workspace, read fresh for each deploy. */
  readonly meshFiles: () => Promise<readonly SourceFile[]>;
  /** Where deployed bundles' SQL is kept (the workspace's `.meshplane/`). */
  readonly stateDir: string;
  /**
   * Checks the settings of the product's input ports that the runtime reads only once it runs
   * (a streamed port's `meshplane.port`); throws INVALID_INPUT naming the port and setting, so a
   * bad setting fails the deploy instead of the port after it.
   */
  readonly checkPorts?: (product: RuntimeProduct) => void;
}

function describeVerdicts(gate: GateOutcome): string {
  const checked = gate.ports.filter((p) => p.verdict === 'compatible');
  return checked.length === 0
    ? ''
    : `; ${checked.map((p) => `${p.subject} ${p.version} is ${p.report?.mode} compatible`).join(', ')}`;
}

function describeErrors(mesh: AnalyzedMesh, max = 5): string {
  const errors = mesh.report.files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error'));
  const shown = errors
    .slice(0, max)
    .map(
      (d) =>
        `${path.basename(d.file)}:${d.line}:${d.column} ${d.code} ${d.message}${d.path.length ? ` (${formatPath(d.path)})` : ''}`,
    );
  return `${errors.length} error${errors.length === 1 ? '' : 's'}: ${shown.join('; ')}${errors.length > max ? '; ...' : ''}`;
}

/**
 * Deploys products as one journaled, idempotent operation: validate (the same code as `meshplane
 * validate`) → provision storage → start (the product enters the mesh) → first build → register.
 * Deploying the same bundle twice changes nothing; a failing step leaves the previous version
 * serving and says why; a deploy a crash interrupted is resumed from its journaled bundle by
 * `repair()` at the next start.
 */
export class DeployService {
  readonly #options: DeployServiceOptions;
  /** The bundle of every product's current version: the context each new deploy is validated in. */
  readonly #bundles = new Map<string, DeployBundle>();

  constructor(options: DeployServiceOptions) {
    this.#options = options;
  }

  /** Loads the registered products into the runtime, from the bundles their current versions were deployed with. */
  async restore(): Promise<readonly string[]> {
    const { store, runtime } = this.#options;
    for (const summary of await store.listProducts()) {
      const detail = await store.getProduct(summary.id);
      const current =
        detail?.versions.find((v) => v.version === detail.currentVersion) ?? detail?.versions[0];
      if (current === undefined) continue;
      const deploy = await store.getDeploy(current.deployId);
      if (deploy !== undefined) this.#bundles.set(summary.id, deploy.bundle as DeployBundle);
    }
    const mesh = analyzeBundles(await this.#options.meshFiles(), [...this.#bundles.values()], () => true);
    const products: RuntimeProduct[] = [];
    const problems: string[] = [];
    for (const [id, bundle] of this.#bundles) {
      const found = mesh.products.get(id);
      try {
        if (found === undefined) throw new Error('its descriptor is missing from the journaled bundle');
        products.push(await this.#resolve(mesh, found.product, bundle));
      } catch (error) {
        problems.push(`${id}: ${toMeshplaneError(error).message}`);
      }
    }
    await runtime.deploy(products);
    return problems;
  }

  /** Resumes, or fails for good, every deploy a crash left unfinished. */
  async repair(onEvent: (event: DeployEvent) => void = () => undefined): Promise<number> {
    const unfinished = await this.#options.store.unfinishedDeploys();
    // A journaled deploy passed the registry's rules when it began; a resumed one is not refused
    // for consumers that appeared since.
    for (const deploy of unfinished) {
      await this.#execute(deploy, deploy.bundle as DeployBundle, onEvent, { actor: 'system', force: true });
    }
    return unfinished.length;
  }

  async deploy(
    input: DeployBundle,
    onEvent: (event: DeployEvent) => void = () => undefined,
    options: DeployOptions = {},
  ): Promise<DeployEvent> {
    const bundle = checkBundle(input);
    const analyzed = this.#analyze(await this.#options.meshFiles(), bundle);
    const descriptor = [...analyzed.products.values()].find((p) => p.file.startsWith(bundle.root + path.sep));
    if (descriptor === undefined || analyzed.report.summary.errors > 0) {
      const failed: DeployEvent = {
        type: 'failed',
        step: 'validate',
        message: `the product does not validate: ${describeErrors(analyzed)}`,
      };
      onEvent(failed);
      return failed;
    }
    const { product } = descriptor;
    const version = product.version ?? '0.0.0';
    const begun = await this.#options.store.beginDeploy({
      productId: product.id,
      version,
      digest: await bundleDigest(bundle),
      bundle,
    });
    if (begun.alreadyDeployed) {
      const done: DeployEvent = {
        type: 'done',
        deployId: begun.deploy.id,
        productId: product.id,
        version,
        unchanged: true,
      };
      onEvent(done);
      return done;
    }
    return this.#execute(begun.deploy, bundle, onEvent, {
      actor: options.actor ?? 'anonymous',
      force: options.force ?? false,
    });
  }

  #analyze(meshFiles: readonly SourceFile[], bundle: DeployBundle): AnalyzedMesh {
    const inBundle = (file: string) => file.startsWith(bundle.root + path.sep);
    const others = [...this.#bundles.entries()].filter(([, b]) => b.root !== bundle.root).map(([, b]) => b);
    return analyzeBundles(meshFiles, [...others, bundle], inBundle);
  }

  #resolve(
    mesh: AnalyzedMesh,
    product: Parameters<typeof resolveProduct>[0],
    bundle: DeployBundle,
  ): Promise<RuntimeProduct> {
    const resolved = resolveProduct(product, bundle.root, {
      contract: (id) => mesh.contracts.get(id),
      publisher: (id) => mesh.publishers.get(id),
    });
    return withBundledTransforms(resolved, bundle, this.#options.stateDir);
  }

  /** A refused deploy is audited and its owners are told, so a refusal in CI is never silent. */
  async #recordRefusal(
    deploy: Deploy,
    actor: string,
    message: string,
    team: string | undefined,
  ): Promise<void> {
    const { store } = this.#options;
    await store.appendAudit([
      {
        actor,
        action: 'deploy.refused',
        subject: deploy.productId,
        details: { deployId: deploy.id, version: deploy.version, message },
      },
    ]);
    if (team !== undefined) {
      await store.addNotifications([
        {
          type: CONTRACT_BREAKING_CHANGE_REFUSED,
          recipient: team,
          title: `Deploy of ${deploy.productId} ${deploy.version} refused`,
          message,
          productId: deploy.productId,
          data: { deployId: deploy.id },
        },
      ]);
    }
  }

  async #execute(
    deploy: Deploy,
    bundle: DeployBundle,
    onEvent: (event: DeployEvent) => void,
    options: Required<DeployOptions>,
  ): Promise<DeployEvent> {
    const { store, runtime } = this.#options;
    const previous = runtime.products().find((p) => p.id === deploy.productId);
    let step: DeployStepName | 'validate' = 'validate';
    let ownerTeam: string | undefined;
    const done = async (name: DeployStepName, message: string, detail?: unknown) => {
      await store.recordDeployStep(deploy.id, name, detail);
      onEvent({ type: 'step', step: name, message });
    };
    try {
      const analyzed = this.#analyze(await this.#options.meshFiles(), bundle);
      const found = analyzed.products.get(deploy.productId);
      if (found === undefined || analyzed.report.summary.errors > 0) {
        throw new MeshplaneError(
          'INVALID_INPUT',
          `the product does not validate: ${describeErrors(analyzed)}`,
        );
      }
      ownerTeam = analyzed.mesh?.domains.find((d) => d.name === found.product.domain)?.ownerTeam;
      const product = await this.#resolve(analyzed, found.product, bundle);
      this.#options.checkPorts?.(product);
      for (const output of product.outputs) {
        const problem = output.schedule === undefined ? undefined : scheduleError(output.schedule);
        if (problem !== undefined)
          throw new MeshplaneError(
            'INVALID_INPUT',
            `output port '${output.name}': meshplane.schedule ${problem}`,
          );
      }
      const gate = await checkDeployCompatibility({
        store,
        mesh: analyzed,
        product: found.product,
        actor: options.actor,
        force: options.force,
      });
      await done('validated', `validated ${deploy.productId} ${deploy.version}${describeVerdicts(gate)}`, {
        compatibility: gate.ports,
      });
      step = 'provisioned';
      await runtime.provision(product);
      await done('provisioned', `provisioned storage for ${product.outputs.length} output port(s)`);
      step = 'started';
      await runtime.deploy([product]);
      await done('started', `started ${product.inputs.length} input port(s)`);
      step = 'built';
      const run = await runtime.runProduct(product, { trigger: 'deploy' });
      const failure = [...run.ingests, ...run.transforms].find((s) => s.status === 'failed');
      if (failure !== undefined) {
        throw new MeshplaneError(
          'INVALID_INPUT',
          `port '${failure.port}': ${failure.error?.message ?? 'failed'}`,
        );
      }
      const rows = run.transforms.reduce((n, t) => n + (t.result?.rowsOut ?? 0), 0);
      await done('built', `built ${run.transforms.length} output port(s), ${rows} row(s)`);
      step = 'registered';
      await store.completeDeploy(
        deploy.id,
        registrationOf(product, analyzed),
        completionExtras(gate.events, options.actor, analyzed.mesh?.webhooks ?? []),
      );
      this.#bundles.set(deploy.productId, bundle);
      onEvent({
        type: 'step',
        step: 'registered',
        message: `registered ${deploy.productId} ${deploy.version} as current`,
      });
      const result: DeployEvent = {
        type: 'done',
        deployId: deploy.id,
        productId: deploy.productId,
        version: deploy.version,
        unchanged: false,
      };
      onEvent(result);
      return result;
    } catch (error) {
      const failure = toMeshplaneError(error);
      // The previous version keeps serving: put its definition back into the mesh.
      if (previous !== undefined && step !== 'validate' && step !== 'provisioned')
        await runtime.deploy([previous]);
      await store.failDeploy(deploy.id, { message: failure.message, step });
      const details = (failure.details ?? {}) as { compatibility?: unknown; consumers?: unknown };
      if (details.compatibility !== undefined)
        await this.#recordRefusal(deploy, options.actor, failure.message, ownerTeam);
      const failed: DeployEvent = {
        type: 'failed',
        step,
        message: failure.message,
        code: failure.code,
        ...(details.compatibility === undefined ? {} : { compatibility: details.compatibility }),
        ...(details.consumers === undefined ? {} : { consumers: details.consumers }),
      };
      onEvent(failed);
      return failed;
    }
  }
}
