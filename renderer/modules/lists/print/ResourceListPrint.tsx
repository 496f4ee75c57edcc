import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { PrintFrame } from '../../../components/PrintFrame';
import { PrintTable } from '../../../components/PrintTable';
import { Waiting } from '../../../components/Waiting';

/** 资源清单, A4 landscape: who offers what, how often, when and where; phones masked. */
export function ResourceListPrint({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const resources = useCall('lists.resources', { activeOnly: true, forPrint: true });
  if (!resources.isSuccess) return <Waiting query={resources} print />;
  const days = (w: number[]) => w.map((d) => t(`lists:weekday.${d}`)).join('、');
  return (
    <PrintFrame landscape>
      <h1>{t('lists:print.resourcesTitle', { community: info.communityName })}</h1>
      <div className="print-meta">
        <span />
        <span data-testid="print-count">{t('lists:print.count', { count: resources.data.length })}</span>
        <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
      </div>
      <PrintTable
        heads={['provider', 'providerKind', 'category', 'resourceContent', 'capacityShort', 'times', 'gridsShort', 'contact'].map((c) => t(`lists:fields.${c}`))}
        rows={resources.data}
        keyOf={(r) => r.id}
        row={(r) => (
          <>
            <td className="wrap">{r.provider}</td>
            <td>{t(`lists:kind.${r.providerKind}`)}</td>
            <td>{r.category}</td>
            <td className="wrap">{r.content}</td>
            <td>{t(`lists:period.${r.capacityPeriod}`, { count: r.capacity })}</td>
            <td className="wrap">{[days(r.weekdays), r.times, [r.availableFrom, r.availableTo].filter(Boolean).map(paperDate).join('—')].filter(Boolean).join(' ')}</td>
            <td className="wrap">{r.grids || t('lists:fields.allGrids')}</td>
            <td>{[r.contact, r.phoneMasked].filter(Boolean).join(' ')}</td>
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
