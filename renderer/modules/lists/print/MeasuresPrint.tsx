import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import { todayIso } from '../../../../shared/rules/idNumber';
import { PrintFrame } from '../../../components/PrintFrame';
import { MeasuresView } from '../MeasuresTab';

export function MeasuresPrint({ query, info }: { query: URLSearchParams; info: AppInfo }) {
  const { t } = useTranslation();
  const from = query.get('from') ?? todayIso();
  const to = query.get('to') ?? todayIso();
  return (
    <PrintFrame>
      <h1>{t('lists:print.measuresTitle', { community: info.communityName })}</h1>
      <div className="print-meta">
        <span>{t('certificates:register.period', { from, to })}</span>
        <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
      </div>
      <MeasuresView from={from} to={to} print />
    </PrintFrame>
  );
}
