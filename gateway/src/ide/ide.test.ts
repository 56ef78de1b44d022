import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { mountIde } from './ide';

describe('mountIde', () => {
  it('refuses to start when the IDE is not built, rather than serve a page that cannot load', () => {
    const empty = mkdtempSync(join(tmpdir(), 'giaoviec-ide-'));
    try {
      expect(() => mountIde(express(), '/graphql', { assetsDir: empty })).toThrow(/not built.*npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
