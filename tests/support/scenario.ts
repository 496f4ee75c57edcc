import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { openApp, type App } from '../../main/app';
import { openTempApp, tempDir, TEST_KEY } from './ledger';

/**
 * A scenario built once into a ledger file, and each test given its own copy of the file: tests of
 * one scenario pass alone and in any order, and none sees another's writes. `app` is the current
 * test's copy (the built one while the scenario is being built).
 */
type TempApp = App & { dir: string; file: string };
export function scenarioPerTest(build: (app: TempApp) => Promise<void>): { readonly app: TempApp } {
  let base: TempApp | undefined;
  let current: TempApp | undefined;
  beforeAll(async () => {
    base = openTempApp();
    current = base;
    await build(base);
    base.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    base.close();
  });
  beforeEach(() => {
    const dir = tempDir('linli-copy-');
    fs.cpSync(base!.dir, dir, { recursive: true });
    const file = path.join(dir, 'ledger.db');
    current = Object.assign(openApp(file, 'cli', { key: TEST_KEY }), { dir, file });
  });
  afterEach(() => current?.close());
  return {
    get app() {
      return current!;
    },
  };
}
