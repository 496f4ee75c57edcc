import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/contract/community';
import { paperDate } from '../../../../shared/rules/dates';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { Waiting } from '../../../components/Waiting';

/** 志愿服务时长证明: one A4 page, the figures kept with its number, its service lines, the committee's seal. */
export function HoursCertificatePrint({ id, info }: { id: number; info: AppInfo }) {
  const { t } = useTranslation();
  const q = useCall('volunteers.certificate', { id });
  if (!q.isSuccess) return <Waiting query={q} print />;
  const c = q.data;
  const params = { name: c.name, joined: paperDate(c.joinedOn), year: c.year, hours: c.hours, activities: c.activities, stars: c.stars, points: c.points };
  return (
    <PrintFrame singlePage>
      <div className="certificate-paper" data-testid="hours-certificate">
        <div className="certificate-number">{c.number}</div>
        <h1>{t('volunteers:print.certificateTitle')}</h1>
        <p className="certificate-body">{t(c.stars ? 'volunteers:print.certificateBody' : 'volunteers:print.certificateNoStar', params)}</p>
        <table className="print-table">
          <thead>
            <tr>
              {[t('volunteers:fields.date'), t('volunteers:fields.kind'), t('volunteers:fields.what'), t('volunteers:line.hours')].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.lines.slice(0, 20).map((l, i) => (
              <tr key={i}>
                <td>{paperDate(l.date)}</td>
                <td>{t(`volunteers:line.${l.kind}`)}</td>
                <td className="wrap">{l.what}</td>
                <td>{l.hours}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="certificate-foot">
          <span />
          <div className="certificate-sign">
            <div className="seal-box" />
            <div>{t('volunteers:print.committee', { name: info.committeeName })}</div>
            <div>{paperDate(c.issuedOn)}</div>
          </div>
        </div>
      </div>
    </PrintFrame>
  );
}

/** The year's hours sheet, one row per volunteer, A4 landscape. */
export function HoursSheetPrint({ year, info }: { year: number; info: AppInfo }) {
  const { t } = useTranslation();
  const q = useCall('volunteers.hours', { year, forPrint: true });
  if (!q.isSuccess) return <Waiting query={q} print />;
  const cols = ['index', 'name', 'origin', 'unit', 'teams', 'activities', 'activityHours', 'serviceHours', 'hours', 'points', 'stars'];
  return (
    <PrintFrame landscape countPages>
      <h1 style={{ textAlign: 'center' }}>{t('volunteers:hours.title', { year })}</h1>
      <div className="print-meta">
        <span>{info.communityName}</span>
      </div>
      <table className="print-table" data-testid="hours-table">
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c}>{t(`volunteers:export.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {q.data.rows.map((r, i) => (
            <tr key={r.id}>
              <td>{i + 1}</td>
              <td>{r.name}</td>
              <td>{t(`volunteers:origin.${r.origin}`)}</td>
              <td>{r.unit}</td>
              <td className="wrap">{r.teams}</td>
              <td>{r.activities}</td>
              <td>{r.activityHours}</td>
              <td>{r.serviceHours}</td>
              <td>{r.hours}</td>
              <td>{r.points}</td>
              <td>{'★'.repeat(r.stars)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PrintFrame>
  );
}

/** An activity's sign-in sheet: who signed up, room to sign and note the hours. */
export function ActivitySignInPrint({ id, info }: { id: number; info: AppInfo }) {
  const { t } = useTranslation();
  const q = useCall('activities.get', { id, forPrint: true });
  if (!q.isSuccess) return <Waiting query={q} print />;
  const a = q.data;
  const blanks = Math.max(0, a.wanted - a.people.length);
  return (
    <PrintFrame>
      <div className="mediation-form">
        <h1>{t('volunteers:print.signInTitle')}</h1>
        <div className="print-meta">
          <span>{info.communityName}</span>
          <span>{a.number}</span>
        </div>
        <p>
          {a.title} · {paperDate(a.date)} {a.start}–{a.end} · {a.place}
        </p>
        <table className="print-table" data-testid="activity-signin">
          <thead>
            <tr>
              {[t('volunteers:print.index'), t('volunteers:fields.name'), t('volunteers:fields.phone'), t('volunteers:print.signature'), t('volunteers:fields.hours')].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...a.people.map((p) => [p.name, p.phoneMasked]), ...Array.from({ length: blanks }, () => ['', ''])].map(([name, phone], i) => (
              <tr key={i} style={{ height: '10mm' }}>
                <td>{i + 1}</td>
                <td>{name}</td>
                <td>{phone}</td>
                <td style={{ width: '45mm' }} />
                <td style={{ width: '25mm' }} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PrintFrame>
  );
}
