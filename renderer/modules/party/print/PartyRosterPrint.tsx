import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import { MEMBER_STATUSES } from '../../../../shared/contract/party';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { errorText } from '../../../components/errors';
import { PrintFrame } from '../../../components/PrintFrame';
import { PrintTable } from '../../../components/PrintTable';

type StatusFilter = (typeof MEMBER_STATUSES)[number] | 'all';

/** 党员花名册, A4 landscape: the columns of the usual form, the branch and the date at the top, IDs never printed. */
export function PartyRosterPrint({ query, info }: { query: URLSearchParams; info: AppInfo }) {
  const { t } = useTranslation();
  const branchId = Number(query.get('branch')) || undefined;
  const status = (query.get('status') ?? 'normal') as StatusFilter;
  const roster = useCall('party.roster', { branchId, status });
  const branches = useCall('party.branches', {});
  if (roster.isPending || branches.isPending) return <Spin />;
  if (roster.isError) return <p>{errorText(t, roster.error)}</p>;
  const code = (list: string, v: string) => (v ? t(`codes:${list}.${v}`) : '');
  const branchName = branches.data?.find((b) => b.id === branchId)?.name ?? info.communityName;
  const columns = ['index', 'name', 'gender', 'ethnicity', 'birthMonth', 'education', 'joinDate', 'fullDate', 'category', 'partyGroup', 'employer', 'phone', 'remarks'];
  return (
    <PrintFrame landscape>
      <h1>{t('party:print.rosterTitle', { branch: branchName })}</h1>
      <div className="print-meta">
        <span data-testid="party-roster-branch">{t('party:print.branch', { branch: branchName })}</span>
        <span data-testid="party-roster-total">{t('party:print.total', { count: roster.data.rows.length })}</span>
        <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
      </div>
      <PrintTable
        heads={columns.map((c) => t(`party:fields.${c}`))}
        rows={roster.data.rows}
        keyOf={(r) => r.id}
        row={(r, i) => (
          <>
            <td>{i + 1}</td>
            <td>{r.name}</td>
            <td>{code('gender', r.gender)}</td>
            <td>{code('ethnicity', r.ethnicity)}</td>
            <td>{paperDate(r.birthDate.slice(0, 7))}</td>
            <td>{code('education', r.education)}</td>
            <td>{paperDate(r.joinDate)}</td>
            <td>{paperDate(r.fullDate)}</td>
            <td>{t(`party:category.${r.category}`)}</td>
            <td>{r.partyGroup}</td>
            <td className="wrap">{[r.employer, r.partyPost].filter(Boolean).join(' ')}</td>
            <td>{r.phoneMasked}</td>
            <td className="wrap">{r.status === 'normal' ? '' : t(`party:status.${r.status}`)}</td>
          </>
        )}
      />
      <div className="print-foot">
        <span>{t('party:print.preparedBy')}</span>
        <span>{branchName}</span>
      </div>
    </PrintFrame>
  );
}
