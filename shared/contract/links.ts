/**
 * The addresses of the app's pages (#/<address>), built in one place: the main process puts them in
 * reminders and search results, the renderer navigates to them, so a page that moves is one change here.
 */
export const links = {
  resident: (id: number | string) => `residents/${id}`,
  household: (id: number | string) => `households/${id}`,
  mediationCase: (id: number | string) => `mediation/${id}`,
  need: (id: number | string) => `lists/need/${id}`,
  problem: (id: number | string) => `visits/problem/${id}`,
  matter: (id: number | string) => `consultation/${id}`,
  volunteer: (id: number | string) => `volunteers/person/${id}`,
  activity: (id: number | string) => `volunteers/activity/${id}`,
  partyMeetings: (branchId: number | string) => `party/meetings?branch=${branchId}`,
  partyDevelopment: 'party/development',
  partyDues: 'party/dues',
  partyRoster: 'party/roster',
  visitsDue: 'visits/due',
  certificateRegister: 'certificates/register',
  retention: 'retention',
} as const;
