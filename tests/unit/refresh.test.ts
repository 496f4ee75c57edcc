import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { Office, type OfficeEvent } from '../../main/core/office';
import { touches } from '../../renderer/api/hooks';
import { auditRecord, auditWhat } from '../../renderer/modules/accounts/auditWords';

/** A write is told by its module, whatever its method is named after; windows and the log read it so. */
describe("a write's module, from the contract (moduleOf)", () => {
  it('the office tells a write by the module that declares the method, and never a sign-in', async () => {
    const office = new Office(5);
    const heard: OfficeEvent[] = [];
    office.listen((e) => heard.push(e));
    for (const method of ['teams.save', 'patrols.log', 'problems.accept', 'households.setHead', 'auth.login']) office.committed(method);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(heard).toEqual([{ type: 'changed', modules: ['volunteers', 'visits', 'residents'] }]);
  });

  it("a window refreshes what the written module shows, the sums, and everything after a change to people or places", () => {
    expect(touches('teams.list', ['volunteers'])).toBe(true);
    expect(touches('volunteers.get', ['volunteers'])).toBe(true);
    expect(touches('party.members', ['volunteers'])).toBe(false);
    expect(touches('desk.dashboard', ['party'])).toBe(true);
    expect(touches('reports.population', ['mediation'])).toBe(true);
    expect(touches('party.members', ['residents'])).toBe(true);
    expect(touches('lists.needs', ['community'])).toBe(true);
  });

  it("the activity log names a write's area in the menu's words of its module", () => {
    // The words there are, each said as its key; any other key asked with a default gets the default.
    const words = new Set(['nav.volunteers', 'nav.desk', 'nav.accounts', 'nav.sheets', 'audit.kinds.volunteer_activity', 'audit.kinds.volunteer_team']);
    const t = ((key: string, options?: { defaultValue?: string }) => (words.has(key) ? key : (options?.defaultValue ?? key))) as unknown as TFunction;
    expect(auditWhat(t, 'teams.save', 'write')).toBe('nav.volunteers · write');
    expect(auditWhat(t, 'reminders.snooze', 'write')).toBe('nav.desk · write');
    expect(auditWhat(t, 'roles.setPermissions', 'write')).toBe('nav.accounts · write');
    expect(auditWhat(t, 'auth.login', 'login')).toBe('login');
    // An entry from an older version, of a method no module declares now: its prefix, where the menu has the word.
    expect(auditWhat(t, 'sheets.oldThing', 'write')).toBe('nav.sheets · write');
    expect(auditWhat(t, 'gone.thing', 'write')).toBe('write');
    // The record it names links to its page, as shared/contract/links.ts builds it.
    expect(auditRecord(t, 'volunteer_activity:12')).toEqual({ text: 'audit.kinds.volunteer_activity #12', href: '#/volunteers/activity/12' });
    expect(auditRecord(t, 'volunteer_team:3').href).toBeUndefined();
  });
});
