import type { Migration } from './index';

/**
 * Every reminder is now its module's own (`mediation.followUp:12`, not `followUp:12`): a snooze kept
 * under the old key is carried over, so nothing a user put off comes back early. The names are
 * written out here, not taken from the modules, so this step stays what it was when it landed.
 */
const RENAMED: [string, string][] = [
  ['caseOpen30', 'mediation.caseOpen30'],
  ['followUp', 'mediation.followUp'],
  ['judicial', 'mediation.judicial'],
  ['devOverdue', 'party.devOverdue'],
  ['probationDue', 'party.probationDue'],
  ['meetingPending', 'party.meetingPending'],
  ['duesArrears', 'party.duesArrears'],
  ['needOverdue', 'lists.needOverdue'],
  ['visitsDue', 'visits.householdsDue'],
  ['problemOverdue', 'visits.problemOverdue'],
  ['turning80', 'residents.turning80'],
  ['retentionDue', 'retention.due'],
];

export const m016: Migration = {
  version: 16,
  name: 'reminders named by their module',
  up(db) {
    const rename = db.prepare("UPDATE reminder_snoozes SET key = ? || substr(key, ?) WHERE key >= ? AND key < ?");
    for (const [from, to] of RENAMED) rename.run(to, from.length + 1, `${from}:`, `${from};`);
  },
};
