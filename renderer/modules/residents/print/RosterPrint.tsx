import { useTranslation } from 'react-i18next';
import { HIGH_AGE } from '../../../../shared/rules/codes';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { filtersFromQuery } from '../filters';
import { PrintFrame } from '../../../components/PrintFrame';
import { PrintTable } from '../../../components/PrintTable';
import { Waiting } from '../../../components/Waiting';

/** 居民花名册: A4 landscape, the filter and total on the first page, the header repeated on every page, IDs masked. */
export function RosterPrint({ query, info }: { query: URLSearchParams; info: AppInfo }) {
  const { t } = useTranslation();
  const filters = filtersFromQuery(query);
  const roster = useCall('residents.roster', filters);
  const tree = useCall('community.tree', {});
  if (!roster.isSuccess) return <Waiting query={roster} print />;
  const code = (list: string, v: string) => (v ? t(`codes:${list}.${v}`) : '');
  const gridName = tree.data?.find((g) => g.id === filters.gridId)?.name;
  const buildingName = tree.data?.flatMap((g) => g.buildings).find((b) => b.id === filters.buildingId)?.name;
  const described = [
    filters.q && t('print.filter.q', { q: filters.q }),
    gridName,
    buildingName,
    filters.status !== 'active' && (filters.status === 'all' ? t('residents:list.allStatus') : code('status', filters.status ?? 'active')),
    ...(filters.tags ?? []).map((tag) => (tag === 'elderly' ? t('residents:tags.elderly') : code('careTag', tag))),
    filters.residenceType && code('residenceType', filters.residenceType),
    filters.gender && code('gender', filters.gender),
    (filters.ageMin !== undefined || filters.ageMax !== undefined) && t('print.filter.age', { from: filters.ageMin ?? 0, to: filters.ageMax ?? '' }),
  ].filter(Boolean);
  return (
    <PrintFrame landscape countPages>
      <h1>{t('print.rosterTitle', { community: info.communityName })}</h1>
      <div className="print-meta">
        <span data-testid="roster-filter">{t('print.filterLabel')}{described.length ? described.join(t('sep')) : t('print.filter.none')}</span>
        <span data-testid="roster-total">{t('print.total', { count: roster.data.total })}</span>
        <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
      </div>
      {roster.data.rows.length < roster.data.total && <p>{t('print.truncated', { shown: roster.data.rows.length })}</p>}
      <PrintTable
        className="print-table dense"
        heads={['index', 'name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'relation', 'address', 'residenceType', 'political', 'phone', 'tags'].map((c) => t(`residents:fields.${c}`))}
        rows={roster.data.rows}
        keyOf={(r) => r.id}
        row={(r, i) => (
          <>
            <td>{i + 1}</td>
            <td>{r.name}</td>
            <td>{code('gender', r.gender)}</td>
            <td>{code('ethnicity', r.ethnicity)}</td>
            <td>{paperDate(r.birthDate)}</td>
            <td>{r.idMasked}</td>
            <td>{code('relation', r.relation)}</td>
            <td className="wrap">{`${r.gridName} ${r.address}`}</td>
            <td>{code('residenceType', r.residenceType)}</td>
            <td>{code('political', r.political)}</td>
            <td>{r.phoneMasked}</td>
            {/* The over-80 tag comes from the age, as the screen shows it, before the care tags kept on the record. */}
            <td className="wrap">{[...(r.age !== null && r.age >= HIGH_AGE ? [t('residents:tags.elderly')] : []), ...r.tags.map((x) => code('careTag', x))].join(t('sep'))}</td>
          </>
        )}
      />
      <div className="print-foot">
        <span>{t('print.preparedBy')}</span>
        <span>{info.committeeName}</span>
      </div>
    </PrintFrame>
  );
}
