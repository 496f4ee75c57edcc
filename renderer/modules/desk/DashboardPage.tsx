import { Alert, Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { Chart, type ChartOption } from '../../components/Chart';
import { useCan, useUser } from '../accounts/api';
import { reminderText } from './TodoPage';
import { printLinks } from '../../../shared/contract/links';

type Dashboard = Output<'desk.dashboard'>;
type T = (key: string, params?: Record<string, string | number>) => string;

/** A figure that opens where it comes from: large, plain, one click. */
function Figure({ title, value, suffix, link, testId, warn }: { title: string; value: number; suffix?: string; link: string; testId: string; warn?: boolean }) {
  return (
    <Card hoverable size="small" onClick={() => navigate(link)} data-testid={testId} className="dash-figure">
      <Statistic title={title} value={value} suffix={suffix} valueStyle={warn && value > 0 ? { color: '#b5391f' } : undefined} />
    </Card>
  );
}

/** The figures a user's role sees, module by module. */
function Figures({ d, t }: { d: Dashboard; t: T }) {
  const items: ReactElement[] = [];
  if (d.residents) {
    const care = d.residents.careGroups.reduce((s, c) => s + c.n, 0);
    items.push(
      <Figure key="active" title={t('home:dash.active')} value={d.residents.active} link="residents" testId="fig-active" />,
      <Figure key="households" title={t('home:dash.households')} value={d.residents.households} link="residents" testId="fig-households" />,
      <Figure key="care" title={t('home:dash.care')} value={care} link="residents" testId="fig-care" />,
    );
  }
  if (d.party) items.push(<Figure key="party" title={t('home:dash.members')} value={d.party.full + d.party.probationary} suffix={t('home:dash.ofWhichProbationary', { n: d.party.probationary })} link="party" testId="fig-members" />);
  if (d.mediation) items.push(<Figure key="cases" title={t('home:dash.openCases')} value={d.mediation.open} suffix={d.mediation.overdue ? t('home:dash.overdueSuffix', { n: d.mediation.overdue }) : undefined} link="mediation" testId="fig-cases" warn={d.mediation.overdue > 0} />);
  if (d.lists) items.push(<Figure key="needs" title={t('home:dash.openNeeds')} value={d.lists.open} suffix={d.lists.overdue ? t('home:dash.overdueSuffix', { n: d.lists.overdue }) : undefined} link="lists" testId="fig-needs" warn={d.lists.overdue > 0} />);
  if (d.certificates) items.push(<Figure key="certs" title={t('home:dash.certsThisMonth')} value={d.certificates.thisMonth} suffix={d.certificates.pending ? t('home:dash.pendingSuffix', { n: d.certificates.pending }) : undefined} link="certificates" testId="fig-certs" />);
  if (d.visits) items.push(<Figure key="visits" title={t('home:dash.visitsThisMonth')} value={d.visits.thisMonth} suffix={d.visits.openProblems ? t('home:dash.problemsSuffix', { n: d.visits.openProblems }) : undefined} link="visits" testId="fig-visits" />);
  // What modules offer the desk as providers: each figure in the module's own words, opening the module.
  for (const block of d.modules) for (const f of block.figures) items.push(<Figure key={`${block.module}.${f.key}`} title={t(`${block.module}:dashboard.${f.key}`)} value={f.n} link={block.module} testId={`fig-${block.module}-${f.key}`} warn={f.key === 'overdue'} />);
  return (
    <Row gutter={[12, 12]}>
      {items.map((item) => (
        <Col key={item.key} xs={12} md={8} xl={6}>
          {item}
        </Col>
      ))}
    </Row>
  );
}

const monthLabel = (m: string) => `${Number(m.slice(5))}`;

/** The charts, each with its words for screen readers; the same options on screen and on paper. */
export function useCharts(d: Dashboard | undefined, t: T): { key: string; title: string; option: ChartOption; summary: string }[] {
  return useMemo(() => {
    if (!d) return [];
    const months = d.months.map((m) => t('home:dash.month', { m: monthLabel(m) }));
    const out: { key: string; title: string; option: ChartOption; summary: string }[] = [];
    if (d.residents) {
      const r = d.residents;
      const band = (from: string) => (from === '90' ? t('home:dash.bandOver', { from }) : t('home:dash.band', { from, to: Number(from) + 9 }));
      out.push({
        key: 'pyramid',
        title: t('home:dash.pyramid'),
        summary: r.pyramid.map((b) => `${band(b.band)}: ${t('home:dash.male')} ${b.male}, ${t('home:dash.female')} ${b.female}`).join('; '),
        option: {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => String(Math.abs(Number(v))) },
          xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
          yAxis: { type: 'category', data: r.pyramid.map((b) => band(b.band)), axisTick: { show: false } },
          series: [
            { name: t('home:dash.male'), type: 'bar', stack: 'people', data: r.pyramid.map((b) => -b.male), color: '#2f6fb5' },
            { name: t('home:dash.female'), type: 'bar', stack: 'people', data: r.pyramid.map((b) => b.female), color: '#b5391f' },
          ],
        },
      });
      // The grids with the most people in care groups, at most fifteen: a bar per grid stays readable.
      const perGrid = new Map<string, number>();
      for (const c of r.careByGrid) perGrid.set(c.grid, (perGrid.get(c.grid) ?? 0) + c.n);
      const grids = [...perGrid].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([g]) => g);
      grids.sort((a, b) => r.careByGrid.findIndex((c) => c.grid === a) - r.careByGrid.findIndex((c) => c.grid === b));
      const tags = [...new Set(r.careByGrid.map((c) => c.tag))];
      if (grids.length)
        out.push({
          key: 'care',
          title: t('home:dash.careByGrid'),
          summary: r.careGroups.map((c) => `${t(`codes:careTag.${c.key}`)} ${c.n}`).join('; '),
          option: {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            xAxis: { type: 'category', data: grids, axisLabel: { interval: 0, rotate: grids.length > 6 ? 30 : 0 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: tags.map((tag) => ({ name: t(`codes:careTag.${tag}`), type: 'bar', stack: 'care', data: grids.map((g) => r.careByGrid.find((c) => c.grid === g && c.tag === tag)?.n ?? 0) })),
          },
        });
      out.push({
        key: 'moves',
        title: t('home:dash.moves'),
        summary: d.months.map((m, i) => `${m}: +${r.movedIn[i]} −${r.movedOutByMonth[i]}`).join('; '),
        option: {
          xAxis: { type: 'category', data: months },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: t('home:dash.movedIn'), type: 'line', data: r.movedIn, symbolSize: 8 },
            { name: t('home:dash.movedOut'), type: 'line', data: r.movedOutByMonth, symbolSize: 8 },
          ],
        },
      });
    }
    if (d.mediation && d.mediation.byType.length)
      out.push({
        key: 'cases',
        title: t('home:dash.casesByType'),
        summary: d.mediation.byType.map((c) => `${c.key} ${c.n}`).join('; '),
        option: {
          tooltip: { trigger: 'item' },
          legend: { show: false },
          series: [{ type: 'pie', radius: ['35%', '65%'], data: d.mediation.byType.map((c) => ({ name: c.key, value: c.n })), label: { formatter: '{b} {c}', fontSize: 13 } }],
        },
      });
    if (d.lists)
      out.push({
        key: 'needs',
        title: t('home:dash.needs'),
        summary: d.months.map((m, i) => `${m}: ${d.lists!.raised[i]} / ${d.lists!.done[i]}`).join('; '),
        option: {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: { type: 'category', data: months },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: t('home:dash.raised'), type: 'bar', data: d.lists.raised },
            { name: t('home:dash.done'), type: 'bar', data: d.lists.done, color: '#3a8f5c' },
          ],
        },
      });
    if (d.certificates)
      out.push({
        key: 'certs',
        title: t('home:dash.certs'),
        summary: d.months.map((m, i) => `${m}: ${d.certificates!.issued[i]}`).join('; '),
        option: { legend: { show: false }, xAxis: { type: 'category', data: months }, yAxis: { type: 'value', minInterval: 1 }, series: [{ name: t('home:dash.certsIssued'), type: 'bar', data: d.certificates.issued, color: '#d99a1e' }] },
      });
    if (d.party && d.party.pipeline.length)
      out.push({
        key: 'pipeline',
        title: t('home:dash.pipeline'),
        summary: d.party.pipeline.map((p) => `${t(`party:stage.${p.key}`)} ${p.n}`).join('; '),
        option: {
          legend: { show: false },
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: { type: 'category', data: d.party.pipeline.map((p) => t(`party:stage.${p.key}`)) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ name: t('home:dash.people'), type: 'bar', data: d.party.pipeline.map((p) => p.n), color: '#b5391f' }],
        },
      });
    return out;
  }, [d, t]);
}

/** The first few things due today, with the way to all of them. */
function TodayCard() {
  const { t } = useTranslation();
  const q = useCall('reminders.list', {});
  const items = q.data?.items ?? [];
  const overdue = items.filter((r) => r.overdue).length;
  return (
    <Card
      title={t('home:dash.todayTitle', { count: items.length })}
      extra={
        <Button size="large" onClick={() => navigate('todo')} data-testid="dash-all-todo">
          {t('home:dash.allTodo')}
        </Button>
      }
      data-testid="dash-today"
    >
      {overdue > 0 && <Typography.Paragraph type="danger">{t('home:dash.overdueCount', { count: overdue })}</Typography.Paragraph>}
      <List
        loading={q.isPending}
        dataSource={items.slice(0, 6)}
        locale={{ emptyText: <Empty description={t('home:empty')} /> }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="open" type="primary" href={`#/${r.link}`} data-testid={`dash-open-${r.key}`}>
                {t('home:open')}
              </Button>,
            ]}
          >
            <Space wrap>
              {r.overdue ? <Tag color="volcano">{t('home:overdue')}</Tag> : <Tag color="gold">{t('home:due', { date: r.due })}</Tag>}
              <Typography.Text>{reminderText(t, r)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** An empty ledger: the first screen leads to the two ways of filling it, not to charts of zeros. */
function FirstSteps() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="dash-first-steps"
      message={t('home:dash.firstSteps')}
      description={
        <Space direction="vertical">
          {t('home:dash.firstStepsHelp')}
          <Space wrap>
            {can('residents.edit') && (
              <Button type="primary" size="large" href="#/residents/new">
                {t('home:dash.addResident')}
              </Button>
            )}
            {can('residents.import') && (
              <Button size="large" href="#/import">
                {t('home:dash.importSheet')}
              </Button>
            )}
          </Space>
        </Space>
      }
    />
  );
}

/** 工作台: the first screen. What needs me today, then the figures and charts of the modules my role works in. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useUser();
  const q = useCall('desk.dashboard', {});
  const charts = useCharts(q.data, t);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="dashboard">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('home:dash.hello', { name: user?.displayName ?? '', date: q.data?.today ?? '' })}
        </Typography.Title>
        <Space wrap>
          <Button size="large" onClick={() => navigate('reports')} data-testid="dash-reports">
            {t('home:dash.reports')}
          </Button>
          <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.dashboard)} disabled={!q.data} data-testid="dash-print">
            {t('home:dash.print')}
          </Button>
        </Space>
      </Space>
      {q.data?.residents?.active === 0 && <FirstSteps />}
      <TodayCard />
      {q.data && <Figures d={q.data} t={t} />}
      <Row gutter={[16, 16]}>
        {charts.map((c) => (
          <Col key={c.key} xs={24} xl={12}>
            <Card title={c.title} size="small">
              <Chart option={c.option} summary={c.summary} testId={`chart-${c.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
