/**
 * A product's time to create: from its scaffold time (`meshplane.scaffoldedAt`, written by
 * `meshplane new`) to the finish of its first successful deploy. Without a usable scaffold time
 * it starts at the product's first deploy attempt ("first seen"), which leaves out the time spent
 * before the first deploy, so it is a lower bound; the report says which start was used.
 */
import { scaffoldTimeOf } from '../../workspace/scaffold-time.js';
import { roundSeconds } from './duration-summary.js';
import type { HealthProductInput } from './health-input.js';
import type { ProductTimeToCreate } from './health-report.js';

export interface ProductCreation {
  readonly scaffoldedAt?: string;
  readonly firstSeenAt?: string;
  readonly firstDeployedAt?: string;
  readonly timeToCreate?: ProductTimeToCreate;
  readonly notes: readonly string[];
}

const ms = (iso: string | undefined) => (iso === undefined ? Number.NaN : Date.parse(iso));

/** The product's creation milestones and its time to create, with notes on what was not used. */
export function productCreation(
  product: Pick<HealthProductInput, 'customProperties' | 'firstDeployAt' | 'firstSucceededAt'>,
): ProductCreation {
  const notes: string[] = [];
  const scaffold = scaffoldTimeOf(product.customProperties);
  const to = product.firstSucceededAt;
  let scaffoldedAt = scaffold.kind === 'at' ? scaffold.at : undefined;
  if (scaffold.kind === 'unreadable') notes.push(`${scaffold.problem}; time to create starts at first sight`);
  if (scaffoldedAt !== undefined && to !== undefined && ms(scaffoldedAt) > ms(to)) {
    // A descriptor edited by hand or a skewed clock: a negative duration would only mislead.
    notes.push(
      `meshplane.scaffoldedAt (${scaffoldedAt}) is after the first successful deploy (${to}); time to create starts at first sight`,
    );
    scaffoldedAt = undefined;
  }
  const start =
    scaffoldedAt !== undefined
      ? { at: scaffoldedAt, source: 'scaffolded' as const }
      : product.firstDeployAt !== undefined
        ? { at: product.firstDeployAt, source: 'first-seen' as const }
        : undefined;
  const seconds = start === undefined || to === undefined ? Number.NaN : (ms(to) - ms(start.at)) / 1000;
  const timeToCreate =
    start !== undefined && to !== undefined && Number.isFinite(seconds)
      ? { seconds: roundSeconds(Math.max(0, seconds)), source: start.source, from: start.at, to }
      : undefined;
  return {
    ...(scaffold.kind === 'at' ? { scaffoldedAt: scaffold.at } : {}),
    ...(product.firstDeployAt === undefined ? {} : { firstSeenAt: product.firstDeployAt }),
    ...(to === undefined ? {} : { firstDeployedAt: to }),
    ...(timeToCreate === undefined ? {} : { timeToCreate }),
    notes,
  };
}
