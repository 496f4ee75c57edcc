/**
 * 志愿者 and 小巷管家: teams, activities, hours and the committee's recognition of them (points, yearly
 * stars). Pure functions.
 */

/** 小巷管家, 楼栋长, 党员先锋队, 巡逻队, and any other team the committee keeps. */
export const TEAM_KINDS = ['lane', 'building', 'party', 'patrol', 'service', 'other'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const ACTIVITY_STATES = ['planned', 'held', 'cancelled'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

/** Where a volunteer comes from: a resident of the ledger, someone from outside, a reporting party member (在职党员). */
export const VOLUNTEER_ORIGINS = ['resident', 'outside', 'reporter'] as const;
export type VolunteerOrigin = (typeof VOLUNTEER_ORIGINS)[number];

export interface VolunteerSettings {
  /** Points per hour served (积分), redeemable as the committee decides. */
  pointsPerHour: number;
  /** The least hours in a year for one to five stars, rising. */
  starHours: number[];
}
export const DEFAULT_VOLUNTEER_SETTINGS: VolunteerSettings = { pointsPerHour: 1, starHours: [10, 30, 60, 100, 150] };

/** Bands must rise: a band lower than the one before it would give fewer stars for more hours. */
export function bandsProblem(starHours: readonly number[]): 'bandsRise' | null {
  return starHours.every((h, i) => i === 0 || h > starHours[i - 1]!) ? null : 'bandsRise';
}

/** Stars for a year's hours: 0 below the first band. */
export function starsFor(hours: number, starHours: readonly number[]): number {
  return starHours.filter((h) => hours >= h).length;
}

/** Points for hours, to one decimal (half an hour at one point an hour is half a point). */
export const pointsFor = (hours: number, perHour: number) => Math.round(hours * perHour * 10) / 10;

/** Hours are kept to the half hour, as a sign-in sheet records them; a day holds at most 24. */
export function hoursProblem(hours: number): 'hoursHalf' | 'hoursDay' | null {
  if (hours <= 0 || hours > 24) return 'hoursDay';
  return Number.isInteger(hours * 2) ? null : 'hoursHalf';
}

/** Hours of one activity from its start and end times (HH:MM), rounded down to the half hour. */
export function plannedHours(start: string, end: string): number {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const span = minutes(end) - minutes(start);
  return span > 0 ? Math.floor(span / 30) / 2 : 0;
}

export const activityNumber = (year: number, serial: number) => `HD${year}-${String(serial).padStart(4, '0')}`;
export const hoursCertificateNumber = (year: number, serial: number) => `ZY${year}-${String(serial).padStart(4, '0')}`;
