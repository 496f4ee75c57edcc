import { useTranslation } from 'react-i18next';
import { paperDate } from '../../../../shared/rules/dates';
import type { AppInfo } from '../../../../shared/contract/community';
import { todayIso } from '../../../../shared/rules/idNumber';
import { useCall } from '../../../api/hooks';
import { Chart } from '../../../components/Chart';
import { PrintFrame } from '../../../components/PrintFrame';
import { useCharts } from '../DashboardPage';

/** The dashboard on A4: the key figures as a table, then each chart the width of the page. */
export function DashboardPrint({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const q = useCall('desk.dashboard', {});
  const charts = useCharts(q.data, t);
  const d = q.data;
  const rows: [string, string | number][] = [];
  if (d?.residents) rows.push([t('home:dash.active'), d.residents.active], [t('home:dash.households'), d.residents.households], [t('home:dash.movedOutTotal'), d.residents.movedOut], [t('home:dash.care'), d.residents.careGroups.reduce((s, c) => s + c.n, 0)]);
  if (d?.party) rows.push([t('home:dash.full'), d.party.full], [t('home:dash.probationary'), d.party.probationary], [t('home:dash.mobile'), d.party.mobile]);
  if (d?.mediation) rows.push([t('home:dash.openCases'), d.mediation.open], [t('home:dash.overdueCases'), d.mediation.overdue], [t('home:dash.followingUp'), d.mediation.followingUp]);
  if (d?.lists) rows.push([t('home:dash.openNeeds'), d.lists.open], [t('home:dash.inHand'), d.lists.inHand], [t('home:dash.fulfilled'), d.lists.fulfilled], [t('home:dash.overdueNeeds'), d.lists.overdue]);
  if (d?.certificates) rows.push([t('home:dash.certsThisMonth'), d.certificates.thisMonth], [t('home:dash.certsPending'), d.certificates.pending]);
  if (d?.visits) rows.push([t('home:dash.visitsThisMonth'), d.visits.thisMonth], [t('home:dash.openProblems'), d.visits.openProblems]);
  return (
    <PrintFrame>
      <h1>{t('home:dash.printTitle', { community: info.communityName })}</h1>
      <div className="print-meta">
        <span>{t('home:dash.asOf', { date: paperDate(d?.today ?? todayIso()) })}</span>
        <span>{t('print.date', { date: paperDate(todayIso()) })}</span>
      </div>
      <table className="print-table" data-testid="dash-print-figures">
        <tbody>
          {Array.from({ length: Math.ceil(rows.length / 2) }, (_, i) => (
            <tr key={i}>
              {rows.slice(i * 2, i * 2 + 2).flatMap(([label, value]) => [<th key={`${label}-l`}>{label}</th>, <td key={`${label}-v`}>{value}</td>])}
            </tr>
          ))}
        </tbody>
      </table>
      {charts.map((c) => (
        <section key={c.key} className="print-chart">
          <h3>{c.title}</h3>
          <Chart option={c.option} summary={c.summary} width={680} height={250} />
        </section>
      ))}
    </PrintFrame>
  );
}
