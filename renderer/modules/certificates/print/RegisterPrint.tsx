import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import type { CertStatus } from '../../../../shared/contract/certificates';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { PrintTable } from '../../../components/PrintTable';
import { remarkOf } from '../RegisterTab';
import { Waiting } from '../../../components/Waiting';

/** 证明开具登记簿, A4 landscape: every issue, void and refusal of the period, oldest first. */
export function RegisterPrint({ query, info }: { query: URLSearchParams; info: AppInfo }) {
  const { t } = useTranslation();
  const filters = { from: query.get('from') || undefined, to: query.get('to') || undefined, itemName: query.get('item') || undefined, handler: query.get('handler') || undefined, status: (query.get('status') || undefined) as CertStatus | undefined };
  const rows = useCall('certs.register', filters);
  if (!rows.isSuccess) return <Waiting query={rows} print />;
  const list = [...rows.data].reverse();
  return (
    <PrintFrame landscape>
      <h1>{t('certificates:register.title', { committee: info.committeeName })}</h1>
      <div className="print-meta">
        <span>{t('certificates:register.period', { from: paperDate(filters.from) || '—', to: paperDate(filters.to) || '—' })}</span>
        <span data-testid="register-total">{t('certificates:register.total', { count: list.length })}</span>
        <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
      </div>
      <PrintTable
        heads={['number', 'date', 'item', 'person', 'purpose', 'handler', 'approver', 'status', 'remark'].map((c) => t(`certificates:register.columns.${c}`))}
        rows={list}
        keyOf={(c) => c.id}
        row={(c) => (
          <>
            <td>{c.number ?? ''}</td>
            <td>{paperDate(c.issuedAt || c.createdAt.slice(0, 10))}</td>
            <td>{c.itemName}</td>
            <td>{c.personName}</td>
            <td className="wrap">{c.purpose}</td>
            <td>{c.handler}</td>
            <td>{c.approver}</td>
            <td>{t(`certificates:status.${c.status}`)}</td>
            <td className="wrap">{remarkOf(t, c)}</td>
          </>
        )}
      />
    </PrintFrame>
  );
}
