import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { mergeHandlers } from '../../main/modules';
import { assemble } from '../../renderer/modules/registry';
import { links, printLinks } from '../../shared/contract/links';
import { contract, fromModules, moduleOf, type MethodName } from '../../shared/contract';
import { listEntryFields } from '../../renderer/components/zodRule';

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
    expect((await problems('main/core/ledger/migrations/099-new.ts', "import { DEFAULT_PERMISSIONS } from '../../../../shared/contract';\nexport const x = DEFAULT_PERMISSIONS;\n")).join()).toMatch(/frozen/);
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
    // The shared side likewise: methods and permissions, each declared by one module.
    const spec = { input: z.object({}), output: z.object({}), kind: 'read' as const, permission: 'a.view' };
    expect(() => fromModules([{ name: 'a', contract: { 'a.get': spec }, permissions: { 'a.view': [] } }, { name: 'b', contract: { 'a.get': spec }, permissions: {} }])).toThrow(/method a\.get/);
    expect(() => fromModules([{ name: 'a', contract: {}, permissions: { 'a.view': [] } }, { name: 'b', contract: {}, permissions: { 'a.view': ['staff'] } }])).toThrow(/permission a\.view/);
    expect(() => fromModules([{ name: 'a', contract: {}, permissions: {} }, { name: 'a', contract: {}, permissions: {} }])).toThrow(/two modules are named a/);
    expect(() => fromModules([{ name: 'a', contract: { 'a.get': { ...spec, permission: 'a.veiw' } }, permissions: { 'a.view': [] } }])).toThrow(/a\.veiw, which no module declares/);
    const made = fromModules([{ name: 'a', contract: { 'a.get': spec, 'things.save': spec }, permissions: { 'a.view': ['staff'], 'a.edit': [] } }]);
    expect(made.defaults).toEqual({ admin: ['a.view', 'a.edit'], staff: ['a.view'], mediator: [], secretary: [], coordinator: [] });
    // A method named after a module's records belongs to the module that declares it.
    expect(made.owners).toEqual({ 'a.get': 'a', 'things.save': 'a' });
    expect([moduleOf('teams.save'), moduleOf('problems.accept'), moduleOf('users.create'), moduleOf('nothing.here')]).toEqual(['volunteers', 'visits', 'accounts', undefined]);
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
  it("a form's fields are the method's own: every ContractItem names a field its StepDialog's (or ContractFields') method takes", () => {
    // Read from the sources: a field renamed in the contract fails here, before a form opens on it.
    const files = fs.readdirSync(path.join(ROOT, 'renderer', 'modules'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
    let fields = 0;
    for (const file of files) {
      const src = fs.readFileSync(path.join(ROOT, 'renderer', 'modules', file), 'utf8');
      // Fields made once and put in several dialogs: `const date = (<ContractItem name="date" …` used as {date},
      // and `const text = (name: string …) => (<ContractItem name={name} …` used as {text('note', …)}.
      const made = [...src.matchAll(/const (\w+) = \(\s*<ContractItem\b[^>]*?name="(\w+)"/g)].map((m) => ({ use: new RegExp(`\\{${m[1]}\\}`), name: () => [m[2]!] }));
      const makers = [...src.matchAll(/const (\w+) = \((\w+): string[^)]*\) => \(\s*<ContractItem\b[^>]*?name=\{(\w+)\}/g)]
        .filter((m) => m[2] === m[3])
        .map((m) => ({ use: new RegExp(`\\{${m[1]}\\('`), name: (form: string) => [...form.matchAll(new RegExp(`\\{${m[1]}\\('(\\w+)'`, 'g'))].map((x) => x[1]!) }));
      let helpersUsed = 0;
      for (const form of src.matchAll(/<(StepDialog|ContractFields)\b[^>]*?method="([\w.]+)"[\s\S]*?<\/\1>/g)) {
        const method = form[2] as MethodName;
        const shape = (contract[method].input as unknown as { shape: Record<string, unknown> }).shape;
        const names = [...form[0].matchAll(/<ContractItem\b[^>]*?name="(\w+)"/g)].map((item) => item[1]!);
        for (const helper of [...made, ...makers]) {
          if (!helper.use.test(form[0])) continue;
          helpersUsed++;
          names.push(...helper.name(form[0]));
        }
        for (const name of names) {
          fields++;
          expect(shape[name], `${file}: ${method} takes no field ${name}`).toBeDefined();
        }
        for (const item of form[0].matchAll(/<ContractItem\b[^>]*?list="(\w+)" name=\{\[[\w.]+, '(\w+)'\]\}/g)) {
          fields++;
          expect(listEntryFields(method, item[1]!)?.[item[2]!], `${file}: ${method} takes no field ${item[1]}[].${item[2]}`).toBeDefined();
        }
      }
      expect(helpersUsed >= made.length + makers.length, `${file}: a ContractItem made for dialogs that none uses`).toBe(true);
      // Outside a StepDialog or ContractFields there is no method to ask, but for the fields made for them.
      const outside = src.replace(/<(StepDialog|ContractFields)\b[\s\S]*?<\/\1>/g, '');
      expect((outside.match(/<ContractItem\b/g) ?? []).length, `${file}: ContractItem outside a StepDialog or ContractFields`).toBe(made.length + makers.length);
    }
    expect(fields).toBeGreaterThanOrEqual(52);
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
