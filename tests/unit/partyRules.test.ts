import { describe, expect, it } from 'vitest';
import { addMonths, checkStep, fileStatus, monthlyDues, nextStep, probationEnd, voteOutcome, yuan, type FileFacts, type RecordedStep } from '../../shared/rules/party';

describe('dues bands (one rate for the whole base, not progressive)', () => {
  const employed = (y: number) => yuan(monthlyDues({ kind: 'employed', baseFen: Math.round(y * 100) }).fen);
  it('applies the band the base falls in, boundaries included in the lower band', () => {
    expect(employed(3000)).toBe('15.00'); // 0.5%
    expect(employed(3000.01)).toBe('30.00'); // 1%
    expect(employed(5000)).toBe('50.00'); // 1%
    expect(employed(5000.01)).toBe('75.00'); // 1.5%
    expect(employed(10000)).toBe('150.00'); // 1.5%
    expect(employed(10000.01)).toBe('200.00'); // 2%
    expect(employed(5400)).toBe('81.00'); // the domain's example
    expect(employed(0)).toBe('0.00');
  });
  it('rounds to the fen, half up', () => {
    expect(monthlyDues({ kind: 'employed', baseFen: 654321 }).fen).toBe(9815); // 6543.21 × 1.5% = 98.148
    expect(monthlyDues({ kind: 'employed', baseFen: 100 }).fen).toBe(1); // 1.00 × 0.5% = 0.005 → 0.01
  });
  it('has its own bands for retired members', () => {
    expect(monthlyDues({ kind: 'retired', baseFen: 500000 })).toEqual({ fen: 2500, perMille: 5 });
    expect(monthlyDues({ kind: 'retired', baseFen: 500001 })).toEqual({ fen: 5000, perMille: 10 });
  });
  it('fixes 0.20 元 for students, 低保 and laid-off members, and takes the approved amount for farmers', () => {
    for (const kind of ['student', 'lowIncome', 'laidOff'] as const) expect(monthlyDues({ kind, baseFen: 900000 }).fen).toBe(20);
    expect(monthlyDues({ kind: 'farmer', baseFen: 0, fixedFen: 50 })).toEqual({ fen: 50, perMille: null });
  });
});

describe('dates', () => {
  it('adds months, landing on the month end when the day does not exist', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
});

const steps = (...dates: string[]): RecordedStep[] => dates.map((date, i) => ({ step: i + 1, date }));
const facts = (s: RecordedStep[], extra: Partial<FileFacts> = {}): FileFacts => ({ birthDate: '1995-06-01', steps: s, extensionMonths: 0, entitledVoters: 9, ...extra });
const TODAY = '2026-11-25';

describe('the development procedure', () => {
  it('refuses steps out of order, in the future or before the previous one', () => {
    expect(checkStep(facts([]), { step: 2, date: '2024-01-01' }, TODAY)).toEqual({ rule: 'order', params: { expected: 1 } });
    expect(checkStep(facts([]), { step: 1, date: '2026-12-01' }, TODAY)).toEqual({ rule: 'future' });
    expect(checkStep(facts(steps('2024-03-01')), { step: 2, date: '2024-02-01' }, TODAY)).toEqual({ rule: 'beforePrevious', params: { date: '2024-03-01' } });
  });
  it('takes an application only from someone 18 or older on its date', () => {
    expect(checkStep(facts([], { birthDate: '2006-11-26' }), { step: 1, date: '2024-11-25' }, TODAY)).toEqual({ rule: 'tooYoung', params: { age: 17, min: 18 } });
    expect(checkStep(facts([], { birthDate: '2006-11-25' }), { step: 1, date: '2024-11-25' }, TODAY)).toBeNull();
    expect(checkStep(facts([], { birthDate: '' }), { step: 1, date: '2024-11-25' }, TODAY)).toEqual({ rule: 'birthDateNeeded' });
  });
  it('wants the talk within a month and shows it overdue after', () => {
    const f = facts(steps('2026-09-10'));
    expect(nextStep(f)).toEqual({ step: 2, due: '2026-10-10' });
    expect(fileStatus(f, TODAY)).toMatchObject({ stage: 'applicant', overdue: true });
    expect(fileStatus(f, '2026-10-10')).toMatchObject({ overdue: false });
  });
  it('asks for two 培养联系人 and two 入党介绍人', () => {
    const four = steps('2024-01-01', '2024-01-15', '2024-03-01', '2024-03-05');
    expect(checkStep(facts(four), { step: 5, date: '2024-03-06', people: ['王芳'] }, TODAY)).toEqual({ rule: 'twoPeople' });
    expect(checkStep(facts(four), { step: 5, date: '2024-03-06', people: ['王芳', '李强'] }, TODAY)).toBeNull();
  });
  it('makes an activist wait a full year before becoming a 发展对象', () => {
    const six = steps('2024-01-01', '2024-01-15', '2024-03-01', '2024-03-05', '2024-03-06', '2024-09-01');
    expect(checkStep(facts(six), { step: 7, date: '2025-02-28' }, TODAY)).toEqual({ rule: 'activistYear', params: { date: '2025-03-01' } });
    expect(checkStep(facts(six), { step: 7, date: '2025-03-01' }, TODAY)).toBeNull();
    expect(fileStatus(facts(six), '2025-01-01')).toMatchObject({ stage: 'activist', waiting: true, next: { step: 7, earliest: '2025-03-01' } });
  });
  it('wants 3 days or 24 class hours of training', () => {
    const ten = steps(...Array.from({ length: 10 }, (_, i) => `2025-0${Math.min(9, i + 1)}-01`));
    expect(checkStep(facts(ten), { step: 11, date: '2025-09-10', trainingDays: 2, trainingHours: 16 }, TODAY)).toMatchObject({ rule: 'training' });
    expect(checkStep(facts(ten), { step: 11, date: '2025-09-10', trainingHours: 24 }, TODAY)).toBeNull();
    expect(checkStep(facts(ten), { step: 11, date: '2025-09-10', trainingDays: 3 }, TODAY)).toBeNull();
  });
  it('counts quorum and majority from the members entitled to vote', () => {
    expect(voteOutcome(9, 4, 4)).toBe('noQuorum');
    expect(voteOutcome(9, 5, 4)).toBe('rejected');
    expect(voteOutcome(9, 5, 5)).toBe('passed');
    expect(voteOutcome(10, 5, 5)).toBe('noQuorum'); // half is not more than half
    expect(voteOutcome(10, 8, 6)).toBe('passed');
    const fourteen = steps(...Array.from({ length: 14 }, () => '2025-10-01'));
    expect(checkStep(facts(fourteen), { step: 15, date: '2025-10-08', present: 4, inFavour: 4 }, TODAY)).toEqual({ rule: 'noQuorum', params: { entitled: 9, needed: 5 } });
    expect(checkStep(facts(fourteen), { step: 15, date: '2025-10-08', present: 12, inFavour: 4 }, TODAY)).toMatchObject({ rule: 'voteCounts' });
    expect(checkStep(facts(fourteen), { step: 15, date: '2025-10-08', present: 7, inFavour: 7 }, TODAY)).toBeNull();
  });
  it('wants approval within 3 months of the branch meeting and never after 6', () => {
    const sixteen = steps(...Array.from({ length: 16 }, () => '2025-10-08'));
    expect(nextStep(facts(sixteen))).toEqual({ step: 17, due: '2026-01-08' });
    expect(checkStep(facts(sixteen), { step: 17, date: '2026-04-09' }, TODAY)).toEqual({ rule: 'approvalTooLate', params: { date: '2026-04-08' } });
    expect(checkStep(facts(sixteen), { step: 17, date: '2026-04-08' }, TODAY)).toBeNull();
  });
  it('runs the probation a year from the branch meeting, longer by an extension, and holds the 转正 vote until it ends', () => {
    const twentyTwo = steps(...Array.from({ length: 22 }, (_, i) => (i < 15 ? '2025-10-08' : '2025-11-01')));
    expect(probationEnd(facts(twentyTwo))).toBe('2026-10-08');
    expect(probationEnd(facts(twentyTwo, { extensionMonths: 6 }))).toBe('2027-04-08');
    expect(checkStep(facts(twentyTwo), { step: 23, date: '2026-10-07', present: 7, inFavour: 7 }, TODAY)).toEqual({ rule: 'probationRunning', params: { date: '2026-10-08' } });
    expect(checkStep(facts(twentyTwo), { step: 23, date: '2026-10-08', present: 7, inFavour: 7 }, TODAY)).toBeNull();
    expect(nextStep(facts(twentyTwo))).toEqual({ step: 23, due: '2026-10-08' });
  });
  it('calls a file full once step ㉔ is recorded, and finished after ㉕', () => {
    const all = steps(...Array.from({ length: 24 }, () => '2025-10-08'));
    expect(fileStatus(facts(all), TODAY).stage).toBe('full');
    expect(nextStep(facts(steps(...Array.from({ length: 25 }, () => '2025-10-08'))))).toBeNull();
  });
});
