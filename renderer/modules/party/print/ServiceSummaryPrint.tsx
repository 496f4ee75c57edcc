import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { Waiting } from '../../../components/Waiting';

/** 在职党员进社区服务记录单: one employer's members and their service in a quarter, sent back to the employer. */
export function ServiceSummaryPrint({ query, info }: { query: URLSearchParams; info: AppInfo }) {
  const { t } = useTranslation();
  const summary = useCall('party.serviceSummary', { employer: query.get('employer') ?? '', quarter: query.get('quarter') ?? '' });
  if (!summary.isSuccess) return <Waiting query={summary} print />;
  const s = summary.data;
  return (
    <PrintFrame>
      <h1>{t('party:print.summaryTitle')}</h1>
      <div className="print-meta">
        <span data-testid="summary-employer">{t('party:print.summaryTo', { org: s.employerOrg || s.employer })}</span>
        <span>{t('party:print.quarter', { quarter: s.quarter })}</span>
      </div>
      <table className="print-table">
        <thead>
          <tr>
            {['name', 'posts', 'date', 'post', 'content', 'hours'].map((c) => (
              <th key={c}>{t(`party:print.summaryColumns.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.members.flatMap((m) =>
            (m.services.length ? m.services : [null]).map((x, i) => (
              <tr key={`${m.name}-${i}`}>
                <td>{i === 0 ? m.name : ''}</td>
                <td className="wrap">{i === 0 ? m.posts.join(t('sep')) : ''}</td>
                <td>{x?.date ?? ''}</td>
                <td>{x?.post ?? ''}</td>
                <td className="wrap">{x?.content ?? t('party:print.noService')}</td>
                <td>{x ? x.hours : 0}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <div className="print-foot">
        <span>{info.committeeName} {t('party:print.seal')}</span>
        <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
      </div>
    </PrintFrame>
  );
}
