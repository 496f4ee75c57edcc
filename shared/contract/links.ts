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

type Id = number | string;

/**
 * The page of each kind of record the activity log names (`volunteer:12` → its page): a module whose
 * records have pages lists them here, beside the pages themselves.
 */
export const recordPages: Record<string, (id: Id) => string> = {
  resident: links.resident,
  household: links.household,
  mediation_case: links.mediationCase,
  list_need: links.need,
  problem: links.problem,
  consult_matter: links.matter,
  volunteer: links.volunteer,
  volunteer_activity: links.activity,
};

/**
 * The print views' addresses (#/print/<view>/<args…>), built here like the pages': a view renamed is
 * one change, and a test opens each against the views the modules declare. Where a view takes a query
 * (filters, a period), it goes to navigate beside the address.
 */
export const printLinks = {
  certificate: (id: Id) => `print/certificate/${id}`,
  certificateRegister: 'print/cert-register',
  dashboard: 'print/dashboard',
  resourceList: 'print/list-resources',
  needList: 'print/list-needs',
  measures: 'print/list-measures',
  needSlip: (id: Id) => `print/list-slip/${id}`,
  needCard: (id: Id) => `print/list-card/${id}`,
  household: (id: Id) => `print/household/${id}`,
  roster: 'print/roster',
  reportReceipt: (id: Id) => `print/report-receipt/${id}`,
  serviceSummary: 'print/service-summary',
  partyMeeting: (id: Id) => `print/meeting/${id}`,
  partyRoster: 'print/party-roster',
  dues: 'print/dues',
  duesYear: 'print/dues-year',
  consultationPaper: (paper: 'notice' | 'signin' | 'record' | 'result', id: Id) => `print/consult-${paper}/${id}`,
  consultationRegister: (year: Id) => `print/consult-register/${year}`,
  report: 'print/report',
  mediationFile: (id: Id) => `print/mediation-file/${id}`,
  mediationRights: (id: Id) => `print/mediation-rights/${id}`,
  mediationDocument: (id: Id, key: string) => `print/mediation-doc/${id}/${key}`,
  mediationAgreement: (id: Id) => `print/mediation-agreement/${id}`,
  mediationSession: (caseId: Id, sessionId: Id) => `print/mediation-session/${caseId}/${sessionId}`,
  mediationStats: 'print/mediation-stats',
  activitySignIn: (id: Id) => `print/activity-signin/${id}`,
  volunteerCertificate: (id: Id) => `print/volunteer-certificate/${id}`,
  volunteerHours: (year: Id) => `print/volunteer-hours/${year}`,
  problemBoard: 'print/problem-board',
  referral: (problemId: Id, eventId: Id) => `print/referral/${problemId}/${eventId}`,
} as const;
