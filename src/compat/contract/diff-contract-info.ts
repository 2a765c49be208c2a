import type { DataContract } from '../../spec/model/data-contract.js';
import type { Emit } from './change-recorder.js';
import { diffAnnotations } from './diff-annotations.js';

/** Statuses after which consumers should plan to move off the contract. */
const ENDING_STATUSES = new Set(['deprecated', 'retired']);

const major = (version: string): string | undefined => /^v?(\d+)\./.exec(version.trim())?.[1];

/**
 * Version and status of the contract, and its own descriptive fields. None breaks by itself;
 * a version whose major number stays the same while breaking changes were found says so.
 */
export function diffContractInfo(
  old: DataContract,
  next: DataContract,
  breakingCount: number,
  emit: Emit,
): void {
  if (old.version !== next.version) {
    const sameMajor = major(old.version) !== undefined && major(old.version) === major(next.version);
    const note =
      sameMajor && breakingCount > 0
        ? `, but ${breakingCount === 1 ? '1 breaking change calls' : `${breakingCount} breaking changes call`} for a new major version`
        : '';
    emit({
      type: 'version-changed',
      path: 'version',
      breaking: false,
      message: `version changed from ${old.version || 'none'} to ${next.version || 'none'}${note}`,
      oldAt: ['version'],
      newAt: ['version'],
    });
  }
  if (old.status !== next.status) {
    const ending = ENDING_STATUSES.has(next.status.toLowerCase())
      ? `: consumers should move off this contract`
      : '';
    emit({
      type: 'status-changed',
      path: 'status',
      breaking: false,
      message: `status changed from ${old.status || 'none'} to ${next.status || 'none'}${ending}`,
      oldAt: ['status'],
      newAt: ['status'],
    });
  }
  const info = (c: DataContract) => ({
    path: [] as const,
    name: c.name,
    description: c.description,
    tags: c.tags,
    domain: c.domain,
    dataProduct: c.dataProduct,
    authoritativeDefinitions: c.authoritativeDefinitions,
    customProperties: c.customProperties,
  });
  diffAnnotations(
    info(old),
    info(next),
    ['name', 'description', 'tags', 'domain', 'dataProduct', 'authoritativeDefinitions', 'customProperties'],
    'contract',
    emit,
  );
}
