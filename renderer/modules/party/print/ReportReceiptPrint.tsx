import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { Waiting } from '../../../components/Waiting';

/** 在职党员进社区报到回执: returned to the member's employer, with the posts claimed and the community's seal. */
export function ReportReceiptPrint({ id, info }: { id: number; info: AppInfo }) {
  const { t } = useTranslation();
  const r = useCall('party.reporter', { id });
  if (!r.isSuccess) return <Waiting query={r} print />;
  const m = r.data;
  return (
    <PrintFrame>
      <h1>{t('party:print.receiptTitle')}</h1>
      <p data-testid="receipt-to">{t('party:print.receiptTo', { org: m.employerOrg || m.employer })}</p>
      <p className="receipt-body">{t('party:print.receiptBody', { name: m.name, employer: m.employer, date: paperDate(m.reportedOn), community: info.communityName, posts: m.posts.join(t('sep')) })}</p>
      <table className="print-table">
        <tbody>
          <tr>
            <th>{t('party:fields.name')}</th>
            <td>{m.name}</td>
            <th>{t('party:reporting.reportedOn')}</th>
            <td>{paperDate(m.reportedOn)}</td>
          </tr>
          <tr>
            <th>{t('party:reporting.employer')}</th>
            <td className="wrap">{m.employer}</td>
            <th>{t('party:reporting.employerOrg')}</th>
            <td className="wrap">{m.employerOrg}</td>
          </tr>
          <tr>
            <th>{t('party:reporting.posts')}</th>
            <td className="wrap" colSpan={3}>
              {m.posts.join(t('sep'))}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="print-foot">
        <span>{t('party:print.contact', { contact: m.employerContact })}</span>
        <span>
          {info.committeeName} {t('party:print.seal')}
          <br />
          {t('print.date', { date: paperDate(todayIso()) })}
        </span>
      </div>
    </PrintFrame>
  );
}
