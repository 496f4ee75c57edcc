import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import { yuan } from '../../../../shared/rules/party';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { Waiting } from '../../../components/Waiting';

/** 党费收缴登记表 for one branch and month: 基数, 比例, 应交, 实交, 交纳日期, 收款人 per member, and the totals. */
export function DuesSheetPrint({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const branchId = Number(query.get('branch'));
  const month = query.get('month') ?? todayIso().slice(0, 7);
  const sheet = useCall('party.dues', { branchId, month });
  const branches = useCall('party.branches', {});
  if (!sheet.isSuccess) return <Waiting query={sheet} print />;
  const branchName = branches.data?.find((b) => b.id === branchId)?.name ?? '';
  const rows = sheet.data;
  return (
    <PrintFrame>
      <h1>{t('party:print.duesTitle')}</h1>
      <div className="print-meta">
        <span>{t('party:print.branch', { branch: branchName })}</span>
        <span>{t('party:print.month', { month })}</span>
        <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
      </div>
      <table className="print-table">
        <thead>
          <tr>
            {['index', 'name', 'base', 'rate', 'due', 'paid', 'paidOn', 'collector'].map((c) => (
              <th key={c}>{t(`party:dues.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.memberId}>
              <td>{i + 1}</td>
              <td>{r.name}</td>
              <td>{r.perMille === null ? t(`party:duesKind.${r.kind}`) : yuan(r.baseFen)}</td>
              <td>{r.perMille === null ? '—' : `${r.perMille / 10}%`}</td>
              <td>{yuan(r.dueFen)}</td>
              <td>{r.paidFen === null ? '' : yuan(r.paidFen)}</td>
              <td>{paperDate(r.paidOn)}</td>
              <td>{r.collector}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={4}>{t('party:print.sum')}</th>
            <th>{yuan(rows.reduce((s, r) => s + r.dueFen, 0))}</th>
            <th>{yuan(rows.reduce((s, r) => s + (r.paidFen ?? 0), 0))}</th>
            <th colSpan={2}></th>
          </tr>
        </tbody>
      </table>
      <div className="print-foot">
        <span>{t('party:print.collectorSignature')}</span>
        <span>{branchName}</span>
      </div>
    </PrintFrame>
  );
}
