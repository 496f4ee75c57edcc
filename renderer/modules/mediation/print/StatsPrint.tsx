import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import { todayIso } from '../../../../shared/rules/idNumber';
import { PrintFrame } from '../../../components/PrintFrame';
import { StatsTables } from '../StatsCard';

/** 人民调解工作统计表 for a period. */
export function StatsPrint({ query, info }: { query: URLSearchParams; info: AppInfo }) {
  const { t } = useTranslation();
  const from = query.get('from') ?? todayIso();
  const to = query.get('to') ?? todayIso();
  return (
    <PrintFrame>
      <div className="mediation-form">
        <h1>{t('mediation:stats.printTitle', { committee: info.communityName })}</h1>
        <div className="print-meta">
          <span>{t('certificates:register.period', { from, to })}</span>
          <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
        </div>
        <StatsTables from={from} to={to} />
      </div>
    </PrintFrame>
  );
}
