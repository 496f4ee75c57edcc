import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import { yuan } from '../../../../shared/rules/party';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { Waiting } from '../../../components/Waiting';

/** A member's dues for a year, month by month: what was due, what was paid, when and to whom. */
export function DuesYearPrint({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const year = Number(query.get('year')) || Number(todayIso().slice(0, 4));
  const statement = useCall('party.duesYear', { memberId: Number(query.get('member')), year });
  if (!statement.isSuccess) return <Waiting query={statement} print />;
  const s = statement.data;
  const paid = s.months.reduce((n, m) => n + (m.paidFen ?? 0), 0);
  const due = s.months.reduce((n, m) => n + m.dueFen, 0);
  return (
    <PrintFrame>
      <h1>{t('party:print.yearTitle', { year, name: s.name })}</h1>
      <div className="print-meta">
        <span>{t('party:print.branch', { branch: s.branchName })}</span>
        <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
      </div>
      <table className="print-table">
        <thead>
          <tr>
            {['month', 'due', 'paid', 'paidOn', 'collector'].map((c) => (
              <th key={c}>{t(`party:dues.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.months.map((m) => (
            <tr key={m.month}>
              <td>{m.month}</td>
              <td>{yuan(m.dueFen)}</td>
              <td>{m.paidFen === null ? t('party:dues.unpaid') : yuan(m.paidFen)}</td>
              <td>{paperDate(m.paidOn)}</td>
              <td>{m.collector}</td>
            </tr>
          ))}
          <tr>
            <th>{t('party:print.sum')}</th>
            <th>{yuan(due)}</th>
            <th>{yuan(paid)}</th>
            <th colSpan={2}></th>
          </tr>
        </tbody>
      </table>
    </PrintFrame>
  );
}
