import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/contract/community';
import type { MatterDetail } from '../../../../shared/contract/consultation';
import { paperDate } from '../../../../shared/rules/dates';
import { useCall } from '../../../api/hooks';
import { FieldTable } from '../../../components/FieldTable';
import { PrintFrame } from '../../../components/PrintFrame';
import { Waiting } from '../../../components/Waiting';

type Paper = 'notice' | 'signIn' | 'record' | 'result';

/** The four papers of one matter: the notice, the sign-in sheet, the meeting record, the result notice (公示). */
export function MatterPrint({ id, paper, info }: { id: number; paper: Paper; info: AppInfo }) {
  const { t } = useTranslation();
  const q = useCall('consultation.get', { id, forPrint: true });
  if (!q.isSuccess) return <Waiting query={q} print />;
  const m = q.data;
  const f = (k: string) => t(`consultation:fields.${k}`);
  const body: Record<Paper, () => ReactNode> = {
    notice: () => (
      <>
        <p className="certificate-body">{t('consultation:print.noticeLead')}</p>
        <FieldTable
          rows={[
            [f('title'), m.title],
            [f('content'), m.notice?.text ?? m.content],
            [f('form'), t(`consultation:form.${m.form}`)],
            [f('meetingOn'), `${paperDate(m.notice?.meetingOn)} ${m.notice?.meetingTime ?? ''}`],
            [f('place'), m.notice?.place ?? ''],
            [f('participants'), kindsOf(m, t)],
          ]}
        />
        <Sign info={info} date={m.notice?.on} />
      </>
    ),
    signIn: () => (
      <>
        <p>
          {[t('consultation:print.labelled', { label: f('title'), value: m.title }), t('consultation:print.labelled', { label: f('meetingOn'), value: `${paperDate(m.notice?.meetingOn)} ${m.notice?.meetingTime ?? ''}` }), t('consultation:print.labelled', { label: f('place'), value: m.notice?.place ?? '' })].join(' · ')}
        </p>
        <table className="print-table" data-testid="signin-table">
          <thead>
            <tr>
              {[t('consultation:print.index'), f('name'), f('kind'), f('building'), f('unit'), f('signature')].map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.participants.map((p, i) => (
              <tr key={p.id} style={{ height: '11mm' }}>
                <td>{i + 1}</td>
                <td>{p.name}</td>
                <td>{t(`consultation:kind.${p.kind}`)}</td>
                <td>{p.building}</td>
                <td>{p.unit}</td>
                <td style={{ width: '40mm' }} />
              </tr>
            ))}
          </tbody>
        </table>
      </>
    ),
    record: () => (
      <>
        <FieldTable
          rows={[
            [f('title'), `${m.number} ${m.title}`],
            [f('source'), `${t(`consultation:source.${m.source}`)} ${m.sourceNumber} · ${m.raiser}`],
            [f('meetingOn'), `${paperDate(m.meeting?.on)} · ${m.meeting?.place ?? ''}`],
            [`${f('host')} / ${f('recorder')}`, `${m.meeting?.host ?? ''} / ${m.meeting?.recorder ?? ''}`],
            [f('present'), m.participants.filter((p) => p.present).map((p) => p.name).join(t('sep'))],
            [f('views'), (m.meeting?.views ?? []).map((v) => t('consultation:print.labelled', { label: v.who, value: v.view })).join('\n')],
            [f('decision'), m.meeting?.votes ? t('consultation:print.votes', m.meeting.votes) : f('consensus')],
            [f('result'), t(m.agreed ? 'consultation:resultAgreed' : 'consultation:resultNotAgreed')],
            [f('outcome'), m.meeting?.outcome ?? ''],
          ]}
        />
        <div className="certificate-foot">
          <span>{t('consultation:print.signHere', { label: f('host') })}</span>
          <span>{t('consultation:print.signHere', { label: f('recorder') })}</span>
        </div>
      </>
    ),
    result: () => (
      <>
        <p className="certificate-body">{t('consultation:print.resultLead')}</p>
        <FieldTable
          rows={[
            [f('title'), m.title],
            [f('meetingOn'), `${paperDate(m.meeting?.on)} · ${t(`consultation:form.${m.form}`)}`],
            [f('result'), t(m.agreed ? 'consultation:resultAgreed' : 'consultation:resultNotAgreed')],
            [f('publishText'), m.publication?.text ?? ''],
          ]}
        />
        <p>{t('consultation:print.period', { from: paperDate(m.publication?.from), to: paperDate(m.publication?.to) })}</p>
        <Sign info={info} date={m.publication?.from} />
      </>
    ),
  };
  const titles: Record<Paper, string> = { notice: 'noticeTitle', signIn: 'signInTitle', record: 'recordTitle', result: 'resultTitle' };
  return (
    <PrintFrame singlePage={paper !== 'signIn'}>
      <div className="mediation-form" data-testid={`paper-${paper}`}>
        <h1>{t(`consultation:print.${titles[paper]}`)}</h1>
        <div className="print-meta">
          <span>{info.communityName}</span>
          <span>{m.number}</span>
        </div>
        {body[paper]()}
      </div>
    </PrintFrame>
  );
}

const kindsOf = (m: MatterDetail, t: (k: string) => string) => [...new Set(m.participants.map((p) => t(`consultation:kind.${p.kind}`)))].join(t('sep'));

function Sign({ info, date }: { info: AppInfo; date?: string }) {
  const { t } = useTranslation();
  return (
    <div className="certificate-foot">
      <span />
      <div className="certificate-sign">
        <div className="seal-box" />
        <div>{t('consultation:print.committee', { name: info.committeeName })}</div>
        <div>{paperDate(date)}</div>
      </div>
    </div>
  );
}

/** 议事协商台账: the year's matters, one row each, A4 landscape. */
export function RegisterPrint({ year, info }: { year: number; info: AppInfo }) {
  const { t } = useTranslation();
  const q = useCall('consultation.report', { year, forPrint: true });
  if (!q.isSuccess) return <Waiting query={q} print />;
  const f = (k: string) => t(`consultation:fields.${k}`);
  return (
    <PrintFrame landscape countPages>
      <h1 style={{ textAlign: 'center' }}>{t('consultation:print.registerTitle', { year })}</h1>
      <div className="print-meta">
        <span>{info.communityName}</span>
        <span>{t('consultation:report.tookPart', { people: q.data.residentsTookPart, times: q.data.attendances })}</span>
      </div>
      <table className="print-table" data-testid="register-table">
        <thead>
          <tr>
            {[f('number'), f('title'), f('source'), f('raiser'), f('form'), f('proposedOn'), f('meetingOn'), f('result'), f('outcome'), f('residents'), t('consultation:step.publish'), t('consultation:step.carryOut'), f('rate')].map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {q.data.matters.map((m) => (
            <tr key={m.id}>
              <td>{m.number}</td>
              <td className="wrap">{m.title}</td>
              <td>{t(`consultation:source.${m.source}`)}</td>
              <td>{m.raiser}</td>
              <td>{t(`consultation:form.${m.form}`)}</td>
              <td>{paperDate(m.proposedOn)}</td>
              <td>{paperDate(m.meetingOn)}</td>
              <td>{m.state === 'declined' ? t('consultation:outcome.declined') : m.agreed === null ? t('consultation:outcome.pending') : t(m.agreed ? 'consultation:outcome.agreed' : 'consultation:outcome.notAgreed')}</td>
              <td className="wrap">{m.outcome}</td>
              <td>{m.residents}</td>
              <td>{paperDate(m.publishedOn)}</td>
              <td>{paperDate(m.doneOn)}</td>
              <td>{m.rate === null ? '' : `${m.rate}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PrintFrame>
  );
}
