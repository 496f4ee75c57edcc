import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { Waiting } from '../../../components/Waiting';

/** 会议记录, A4 portrait, in the usual paper form: who was expected, present and absent (with reasons), and two signatures. */
export function MeetingPrint({ id }: { id: number }) {
  const { t } = useTranslation();
  const meeting = useCall('party.meeting', { id });
  if (!meeting.isSuccess) return <Waiting query={meeting} print />;
  const m = meeting.data;
  const present = m.attendance.filter((a) => a.present);
  const absent = m.attendance.filter((a) => !a.present);
  return (
    <PrintFrame>
      <h1>{t('party:print.meetingTitle', { branch: m.branchName })}</h1>
      <table className="print-table meeting-record">
        <tbody>
          <tr>
            <th>{t('party:meetings.kind')}</th>
            <td>{t(`party:meetingKind.${m.kind}`)}</td>
            <th>{t('party:meetings.date')}</th>
            <td>{paperDate(m.date)}</td>
          </tr>
          <tr>
            <th>{t('party:meetings.place')}</th>
            <td className="wrap">{m.place}</td>
            <th>{t('party:meetings.host')}</th>
            <td>{m.host}</td>
          </tr>
          <tr>
            <th>{t('party:meetings.recorder')}</th>
            <td>{m.recorder}</td>
            <th>{t('party:print.counts')}</th>
            <td data-testid="meeting-counts">{t('party:print.countsValue', { expected: m.attendance.length, present: present.length, absent: absent.length })}</td>
          </tr>
          <tr>
            <th>{t('party:print.presentNames')}</th>
            <td className="wrap" colSpan={3}>
              {present.map((a) => a.name).join(t('sep'))}
            </td>
          </tr>
          <tr>
            <th>{t('party:print.absentNames')}</th>
            <td className="wrap" colSpan={3}>
              {absent.map((a) => t('party:print.absentEntry', { name: a.name, reason: a.reason })).join(t('sep')) || t('party:print.none')}
            </td>
          </tr>
          <tr>
            <th>{t('party:meetings.topic')}</th>
            <td className="wrap" colSpan={3}>
              {m.topic}
            </td>
          </tr>
          <tr className="tall">
            <th>{t('party:meetings.content')}</th>
            <td className="wrap pre" colSpan={3}>
              {m.content}
            </td>
          </tr>
          <tr>
            <th>{t('party:meetings.resolutions')}</th>
            <td className="wrap pre" colSpan={3}>
              {m.resolutions}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="print-foot">
        <span>{t('party:print.hostSignature')}</span>
        <span>{t('party:print.recorderSignature')}</span>
      </div>
    </PrintFrame>
  );
}
