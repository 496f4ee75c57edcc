import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { mergeHandlers } from '../../main/modules';
import { assemble } from '../../renderer/modules/registry';

const ROOT = path.join(__dirname, '..', '..');

/** The rooms' walls, as lint keeps them: what a new file in each place may and may not import. */
describe('one module, one place', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const problems = async (file: string, code: string) => (await eslint.lintText(code, { filePath: path.join(ROOT, file) }))[0]!.messages.map((m) => m.message);

  it("a module reaching into another module's files is refused; its api.ts is the door", async () => {
    expect((await problems('main/modules/desk/new.ts', "import { caseList } from '../mediation/cases';\nexport const x = caseList;\n")).join()).toMatch(/api\.ts/);
    expect(await problems('main/modules/desk/new.ts', "import { caseList } from '../mediation/api';\nexport const x = caseList;\n")).toEqual([]);
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
});
