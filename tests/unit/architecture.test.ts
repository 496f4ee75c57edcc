import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { mergeHandlers } from '../../main/modules';
import { assemble } from '../../renderer/modules/registry';
import { links, printLinks } from '../../shared/contract/links';
import { contract, type MethodName } from '../../shared/contract';

const ROOT = path.join(__dirname, '..', '..');

/** The rooms' walls, as lint keeps them: what a new file in each place may and may not import. */
describe('one module, one place', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const problems = async (file: string, code: string) => (await eslint.lintText(code, { filePath: path.join(ROOT, file) }))[0]!.messages.map((m) => m.message);

  it("a module reaching into another module's files is refused; its api.ts is the door", async () => {
    expect((await problems('main/modules/desk/new.ts', "import { caseList } from '../mediation/cases';\nexport const x = caseList;\n")).join()).toMatch(/api\.ts/);
    expect(await problems('main/modules/desk/new.ts', "import { openCase } from '../mediation/api';\nexport const x = openCase;\n")).toEqual([]);
  });

  it("the renderer's modules likewise: another module's components only through its api.ts", async () => {
    expect((await problems('renderer/modules/party/New.tsx', "import { useCan } from '../accounts/session';\nexport const x = useCan;\n")).join()).toMatch(/api\.ts/);
    expect(await problems('renderer/modules/party/New.tsx', "import { useCan } from '../accounts/api';\nexport const x = useCan;\n")).toEqual([]);
    // Still a renderer file: the ledger's driver stays out.
    expect((await problems('renderer/modules/party/New.tsx', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;\n")).join()).toMatch(/may not import/);
  });

  it("the app's frame (renderer/app) too: the modules' list from modules/index.ts, the rest through a module's api.ts", async () => {
    expect((await problems('renderer/app/New.tsx', "import { useCan } from '../modules/accounts/session';\nexport const x = useCan;\n")).join()).toMatch(/api\.ts/);
    expect(await problems('renderer/app/New.tsx', "import { useCan } from '../modules/accounts/api';\nimport { SECTIONS } from '../modules';\nexport const x = [useCan, SECTIONS];\n")).toEqual([]);
    expect((await problems('renderer/app/New.tsx', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;\n")).join()).toMatch(/may not import/);
  });

  it('a migration is frozen: it imports no role defaults, templates or rules that may still change', async () => {
    expect((await problems('main/core/ledger/migrations/099-new.ts', "import { DEFAULT_PERMISSIONS } from '../../../../shared/rules/roles';\nexport const x = DEFAULT_PERMISSIONS;\n")).join()).toMatch(/frozen/);
    expect(await problems('main/core/ledger/migrations/099-new.ts', "import { grantPermissions } from './grant';\nexport const x = grantPermissions;\n")).toEqual([]);
  });

  it('the core imports no module', async () => {
    expect((await problems('main/core/new.ts', "import { handlers } from '../modules';\nexport const x = handlers;\n")).join()).toMatch(/imports nothing from the modules/);
    expect((await problems('main/core/new.ts', "import { openApp } from '../app';\nexport const x = openApp;\n")).join()).toMatch(/imports nothing from the modules/);
  });

  it('two modules claiming one method, one section or one print view is an error, not a silent override', () => {
    expect(() => mergeHandlers([{ 'residents.get': () => 1 }, { 'residents.get': () => 2 }])).toThrow(/residents\.get has two handlers/);
    const page = () => null;
    expect(() => assemble([{ name: 'a', sections: [{ key: 'x', permission: 'desk.view', page }] }, { name: 'b', sections: [{ key: 'x', permission: 'desk.view', page }] }])).toThrow(/section x/);
    expect(() => assemble([{ name: 'a', sections: [], prints: { p: page } }, { name: 'b', sections: [], prints: { p: page } }])).toThrow(/print view p/);
  });

  it('every page address the main process and the renderer build (shared/contract/links.ts) opens a section of the renderer', () => {
    // The sections' keys, as each module declares them (the renderer itself needs a window to load).
    const dir = path.join(ROOT, 'renderer', 'modules');
    const keys = new Set(fs.readdirSync(dir).flatMap((m) => (fs.existsSync(path.join(dir, m, 'module.tsx')) ? [...fs.readFileSync(path.join(dir, m, 'module.tsx'), 'utf8').matchAll(/\bkey: '([a-z]+)'/g)].map((x) => x[1]!) : [])));
    expect(keys.size).toBeGreaterThan(15);
    for (const [name, link] of Object.entries(links)) {
      const address = typeof link === 'function' ? link(7) : link;
      expect(keys.has(address.split(/[/?]/)[0]!), `${name}: ${address}`).toBe(true);
    }
  });
  it("a dialog's fields are the method's own: every ContractItem names a field its StepDialog's method takes", () => {
    // Read from the sources: a field renamed in the contract fails here, before a dialog opens on it.
    const files = fs.readdirSync(path.join(ROOT, 'renderer', 'modules'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
    let fields = 0;
    for (const file of files) {
      const src = fs.readFileSync(path.join(ROOT, 'renderer', 'modules', file), 'utf8');
      for (const dialog of src.matchAll(/<StepDialog\b[^>]*?method="([\w.]+)"[\s\S]*?<\/StepDialog>/g)) {
        const shape = (contract[dialog[1] as MethodName].input as unknown as { shape: Record<string, unknown> }).shape;
        for (const item of dialog[0].matchAll(/<ContractItem\b[^>]*?name="(\w+)"/g)) {
          fields++;
          expect(shape[item[1]!], `${file}: ${dialog[1]} takes no field ${item[1]}`).toBeDefined();
        }
      }
      // Outside a StepDialog there is no method to ask.
      const outside = src.replace(/<StepDialog\b[\s\S]*?<\/StepDialog>/g, '');
      expect(outside.match(/<ContractItem\b/g) ?? [], `${file}: ContractItem outside a StepDialog`).toEqual([]);
    }
    expect(fields).toBeGreaterThanOrEqual(45);
  });
  it('every print address (printLinks) opens a print view a module declares, and no page builds one by hand', () => {
    const dir = path.join(ROOT, 'renderer', 'modules');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
    // The keys of each module.tsx's `prints: { … }`, at its own depth (the views' bodies hold braces too).
    const printKeys = (src: string) => {
      const start = src.indexOf('prints: {');
      if (start < 0) return [];
      const keys: string[] = [];
      let depth = 0;
      for (let i = start + 'prints: '.length; i < src.length; i++) {
        const ch = src[i];
        if (ch === '{' || ch === '(' || ch === '[') depth++;
        else if (ch === '}' || ch === ')' || ch === ']') {
          if (--depth === 0) break;
        } else if (depth === 1) {
          const key = /^\s*'?([a-z][a-z-]*)'?:/.exec(src.slice(i, i + 40));
          if (key && /[{,\s]/.test(src[i - 1]!)) {
            keys.push(key[1]!);
            i += key[0].length - 1;
          }
        }
      }
      return keys;
    };
    const views = new Set(files.filter((f) => f.endsWith('module.tsx')).flatMap((f) => printKeys(fs.readFileSync(path.join(dir, f), 'utf8'))));
    expect(views.size).toBeGreaterThan(25);
    const papers = ['notice', 'signin', 'record', 'result'] as const;
    for (const [name, link] of Object.entries(printLinks)) {
      const addresses = typeof link === 'string' ? [link] : name === 'consultationPaper' ? papers.map((p) => (link as (p: string, id: number) => string)(p, 7)) : [(link as (...a: unknown[]) => string)(7, 8)];
      for (const address of addresses) {
        const [root, view] = address.split(/[/?]/);
        expect(root).toBe('print');
        expect(views.has(view!), `${name}: ${address}`).toBe(true);
      }
    }
    for (const f of files) expect(fs.readFileSync(path.join(dir, f), 'utf8').match(/navigate\([`'"]print\//g) ?? [], f).toEqual([]);
  });
});
