import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { Input } from '../../../../shared/contract';
import type { AppInfo } from '../../../../shared/contract/community';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { PrintTable } from '../../../components/PrintTable';
import { Waiting } from '../../../components/Waiting';

type Filters = Input<'lists.needs'>;

/** 需求清单 for the notice board, A4 landscape: residents' names masked, what is wanted and by when, who took it. */
export function NeedListPrint({ query, info }: { query: URLSearchParams; info: AppInfo }) {
  const { t } = useTranslation();
  const filters: Filters = {
    state: (query.get('state') as Filters['state']) ?? 'waiting',
    categoryId: Number(query.get('category')) || undefined,
    gridId: Number(query.get('grid')) || undefined,
    wish: query.get('wish') ? true : undefined,
    forPrint: true,
  };
  const needs = useCall('lists.needs', filters);
  if (!needs.isSuccess) return <Waiting query={needs} print />;
  return (
    <PrintFrame landscape>
      <h1>{t('lists:print.needsTitle', { community: info.communityName })}</h1>
      <div className="print-meta">
        <span>{t(`lists:filter.${filters.state ?? 'all'}`)}</span>
        <span data-testid="print-count">{t('lists:print.count', { count: needs.data.length })}</span>
        <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
      </div>
      <PrintTable
        heads={['number', 'category', 'content', 'beneficiary', 'grid', 'urgency', 'wantedBy', 'state', 'provider'].map((c) => t(`lists:fields.${c}`))}
        rows={needs.data}
        keyOf={(n) => n.id}
        row={(n) => (
          <>
            <td>{n.number}</td>
            <td>{n.category}</td>
            <td className="wrap">
              {n.wish ? t('lists:print.wishMark') : ''}
              {n.content}
            </td>
            <td>{n.beneficiaryMasked}</td>
            <td>{n.grid}</td>
            <td>{t(`lists:urgency.${n.urgency}`)}</td>
            <td>{paperDate(n.wantedBy)}</td>
            <td>{t(`lists:state.${n.state}`)}</td>
            <td className="wrap">{n.provider}</td>
          </>
        )}
      />
      <p className="print-note">{t('lists:print.boardNote')}</p>
      <div className="print-foot">
        <span>{t('print.preparedBy')}</span>
        <span>{info.committeeName}</span>
      </div>
    </PrintFrame>
  );
}
