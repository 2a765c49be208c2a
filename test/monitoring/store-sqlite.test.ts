import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';
import { defineMonitoringStoreCases } from './monitoring-store.cases.js';

describe('monitoring store on SQLite', () => {
  defineMonitoringStoreCases({
    name: 'sqlite',
    fresh: async () => {
      const workspaceDir = await mkdtemp(path.join(tmpdir(), 'meshplane-monitoring-store-'));
      return { options: { workspaceDir }, dispose: () => rm(workspaceDir, { recursive: true, force: true }) };
    },
  });
});
