import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { connect } from '../../main/core/ledger';
import { describe, expect, it } from 'vitest';
import { ADMIN, CLI, ledgerCli, ledgerKey } from '../support/cli';
import { tempDir } from '../support/ledger';
import { residentsCsv } from '../support/sheets';

/**
 * Power cut in the middle of an import: a child process imports in batches and reports each commit;
 * it is killed with SIGKILL at random moments. After every kill the ledger must be intact, hold every
 * batch it reported, and no part of a batch; importing the same file again continues the run.
 * `npm test` kills eight times; `npm run test:crash` (LINLI_KILLS=200) the full count.
 */
const KILLS = Number(process.env.LINLI_KILLS) || 8;
const ROWS = 3000;
const BATCH = 200;

interface Attempt {
  acknowledged: number;
  finished: boolean;
  /** When the first batch was reported, from the start of the process. */
  firstCommitMs: number;
}

/**
 * Runs one import and kills it: `at` ms after it starts, or `afterFirstCommit` ms after it reports its
 * first batch (a kill among the batches, whatever start-up costs) — unless it finishes first.
 */
function importUntilKilled(db: string, file: string, when: { at: number } | { afterFirstCommit: number }): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'import', 'residents', file, '--user', ADMIN.username, '--db', db], {
      env: { ...process.env, LINLI_PASSWORD: ADMIN.password, LINLI_IMPORT_BATCH_ROWS: String(BATCH) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acknowledged = 0;
    let firstCommitMs = 0;
    const started = performance.now();
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      for (const m of stderr.matchAll(/committed (\d+)\//g)) acknowledged = Math.max(acknowledged, Number(m[1]));
      if (acknowledged && !firstCommitMs) {
        firstCommitMs = performance.now() - started;
        if ('afterFirstCommit' in when) setTimeout(() => child.kill('SIGKILL'), when.afterFirstCommit);
      }
    });
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 'at' in when ? when.at : 120_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ acknowledged, finished: false, firstCommitMs });
      if (code !== 0) return reject(new Error(`import failed (${code}): ${stderr}${stdout}`));
      resolve({ acknowledged: ROWS, finished: true, firstCommitMs });
    });
  });
}

/** What the ledger holds for the run of this file, read by a fresh connection as after a reboot. */
function inspect(db: string, fileHash: string, key: Buffer) {
  const con = connect(db, { key });
  try {
    const integrity = con.pragma('integrity_check', { simple: true });
    const run = con.prepare('SELECT id, rows_done AS rowsDone, state FROM import_runs WHERE file_hash = ? ORDER BY id DESC LIMIT 1').get(fileHash) as
      | { id: number; rowsDone: number; state: string }
      | undefined;
    const inRun = run ? (con.prepare('SELECT count(*) AS n FROM residents WHERE import_run_id = ?').get(run.id) as { n: number }).n : 0;
    const residents = (con.prepare('SELECT count(*) AS n FROM residents').get() as { n: number }).n;
    const indexed = (con.prepare('SELECT count(*) AS n FROM resident_short').get() as { n: number }).n;
    return { integrity, run, inRun, residents, indexed };
  } finally {
    con.close();
  }
}

describe('imports survive SIGKILL at any moment', () => {
  it(`loses no acknowledged batch and leaves no partial one over ${KILLS} kills`, async () => {
    const dir = tempDir('linli-kill-');
    const db = path.join(dir, 'ledger.db');
    ledgerCli(db, 'init', '--admin', ADMIN.username);
    ledgerCli(db, 'setup', '--street', '朝阳门街道', '--community', '幸福里社区', '--grids', '第一网格=1号楼');
    const key = await ledgerKey(db);

    let round = 0;
    let file = '';
    let fileHash = '';
    let before = 0; // residents before this round's file
    const nextFile = () => {
      const content = residentsCsv(ROWS, round * ROWS);
      file = path.join(dir, `round-${round}.csv`);
      fs.writeFileSync(file, content);
      fileHash = createHash('sha256').update(content).digest('hex');
      round++;
    };
    nextFile();

    // How long a whole import takes here, and when its writing starts: most kills land while batches are
    // being written, the rest anywhere from start-up on.
    const started = performance.now();
    const calibration = await importUntilKilled(db, file, { at: 120_000 });
    const whole = performance.now() - started;
    const writing = Math.max(whole - calibration.firstCommitMs, 1);
    const killAt = () => (Math.random() < 0.8 ? { afterFirstCommit: Math.random() * writing } : { at: Math.random() * whole * 1.05 });
    before = inspect(db, fileHash, key).residents;
    nextFile();

    let kills = 0;
    let midImport = 0; // kills that landed after this attempt had committed something
    let lastDone = 0;
    let finishedRounds = 0;
    while (kills < KILLS) {
      const attempt = await importUntilKilled(db, file, killAt());
      const seen = inspect(db, fileHash, key);
      expect(seen.integrity).toBe('ok');
      expect(seen.indexed).toBe(seen.residents);
      // Killed after the last batch but before the process ended: the run is done all the same.
      if (attempt.finished || seen.run?.state === 'done') {
        expect(seen.run).toMatchObject({ rowsDone: ROWS, state: 'done' });
        expect(seen.residents).toBe(before + ROWS);
        before = seen.residents;
        if (!attempt.finished) kills++;
        finishedRounds++;
        lastDone = 0;
        nextFile();
        continue;
      }
      kills++;
      const rowsDone = seen.run?.rowsDone ?? 0;
      if (rowsDone > lastDone) midImport++;
      lastDone = rowsDone;
      // Every batch reported is there …
      expect(rowsDone).toBeGreaterThanOrEqual(attempt.acknowledged);
      // … and only whole batches: the run's rows are exactly the batches it counts.
      expect(rowsDone % BATCH === 0 || rowsDone === ROWS).toBe(true);
      expect(seen.inRun).toBe(rowsDone);
      expect(seen.residents).toBe(before + rowsDone);
    }
    // The last file, finished after all the kills: every one of its rows once.
    await importUntilKilled(db, file, { at: 120_000 });
    const end = inspect(db, fileHash, key);
    expect(end.run).toMatchObject({ rowsDone: ROWS, state: 'done' });
    expect(end.residents).toBe(before + ROWS);
    console.log(`[kill test] ${kills} kills survived (${midImport} after batches of that attempt had landed), ${finishedRounds} imports finished between them, ${end.residents} residents, whole import ${Math.round(whole)} ms`);
  });
});
