import type { MethodName } from '../../../shared/contract';
import { todayIso } from '../../../shared/rules/idNumber';
import { translate } from '../../../shared/i18n/resources';
import { mayReveal } from '../../core/session';
import type { HandlerMap } from '../../core/dispatch';
import { findResidentsWithBuilding } from '../residents/api';
import { visitSettings } from '../visits/api';
import { addReporters, addVolunteer, leave, saveTeam, setVolunteerSettings, teams, updateVolunteer, volunteerDetail, volunteerList, volunteerSettings } from './corps';
import { activityDetail, activityList, attend, cancel, certificate, exportSheet, hoursSheet, issueCertificate, patrol, plan, signUp } from './activities';

type VolunteersMethod = Extract<MethodName, `volunteers.${string}` | `teams.${string}` | `activities.${string}` | `patrols.${string}`>;

const EXPORT_COLUMNS = ['index', 'name', 'origin', 'unit', 'teams', 'activities', 'activityHours', 'serviceHours', 'hours', 'points', 'stars'];

export const volunteersHandlers: HandlerMap<VolunteersMethod> = {
  'volunteers.settings': (_i, ctx) => volunteerSettings(ctx.db),
  'volunteers.setSettings': (input, ctx) => {
    ctx.record('settings:volunteers');
    return setVolunteerSettings(ctx.db, input);
  },
  'volunteers.list': (input, ctx) => volunteerList(ctx.db, input, todayIso()),
  'volunteers.get': ({ id, year }, ctx) => volunteerDetail(ctx.db, id, year ?? Number(todayIso().slice(0, 4))),
  'volunteers.add': (input, ctx) => {
    const id = addVolunteer(ctx, input, todayIso());
    ctx.record(`volunteer:${id}`);
    return { id };
  },
  'volunteers.update': (input, ctx) => (updateVolunteer(ctx.db, input), ctx.record(`volunteer:${input.id}`), { id: input.id }),
  'volunteers.leave': (input, ctx) => (leave(ctx.db, input, todayIso()), ctx.record(`volunteer:${input.id}:left`), { id: input.id }),
  'volunteers.addReporters': ({ date }, ctx) => {
    const added = addReporters(ctx, date);
    ctx.record(`volunteers:reporters:${added}`);
    return { added };
  },
  'volunteers.findResidents': ({ q }, ctx) => findResidentsWithBuilding(ctx.db, q, mayReveal(ctx.session)),
  'teams.list': (_i, ctx) => teams(ctx.db),
  'teams.save': (input, ctx) => {
    const id = saveTeam(ctx.db, input);
    ctx.record(`volunteer_team:${id}`);
    return { id };
  },
  'activities.list': ({ year }, ctx) => activityList(ctx.db, year),
  'activities.get': ({ id, forPrint }, ctx) => {
    if (forPrint) ctx.audit('print', `volunteer_activity:${id}`);
    return activityDetail(ctx.db, id);
  },
  'activities.plan': (input, ctx) => {
    const out = plan(ctx, input);
    ctx.record(`volunteer_activity:${out.id}`);
    return out;
  },
  'activities.signUp': (input, ctx) => {
    const signedUp = signUp(ctx.db, input);
    ctx.record(`volunteer_activity:${input.id}:signUp`);
    return { id: input.id, signedUp };
  },
  'activities.attend': (input, ctx) => {
    const out = attend(ctx.db, input, todayIso());
    ctx.record(`volunteer_activity:${input.id}:held`);
    return { id: input.id, ...out };
  },
  'activities.cancel': (input, ctx) => (cancel(ctx.db, input), ctx.record(`volunteer_activity:${input.id}:cancelled`), { id: input.id }),
  'patrols.categories': (_i, ctx) => visitSettings(ctx.db).categories.map((c) => c.name),
  'patrols.log': (input, ctx) => {
    const out = patrol(ctx, input, todayIso());
    ctx.record(out.problemId ? `volunteer_patrol:${out.id}:problem:${out.problemId}` : `volunteer_patrol:${out.id}`);
    return out;
  },
  'volunteers.hours': ({ year, forPrint }, ctx) => {
    if (forPrint) ctx.audit('print', 'volunteer_hours', String(year));
    return hoursSheet(ctx.db, year);
  },
  'volunteers.export': async ({ year }, ctx) => {
    ctx.audit('export', 'volunteers', String(year));
    // The sheet goes to the street office: official names.
    const t = (k: string) => translate('zh-CN', `volunteers:${k}`);
    return exportSheet(ctx.db, year, {
      header: EXPORT_COLUMNS.map((c) => t(`export.${c}`)),
      origin: { resident: t('origin.resident'), outside: t('origin.outside'), reporter: t('origin.reporter') },
      sheet: t('export.sheet'),
      file: `${t('export.file')}-${year}.xlsx`,
    });
  },
  'volunteers.issueCertificate': ({ volunteerId, year }, ctx) => {
    const out = issueCertificate(ctx, volunteerId, year, todayIso());
    ctx.record(`volunteer_certificate:${out.id}`);
    return out;
  },
  'volunteers.certificate': ({ id }, ctx) => {
    ctx.audit('print', `volunteer_certificate:${id}`);
    return certificate(ctx.db, id);
  },
};
