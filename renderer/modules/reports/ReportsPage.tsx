import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, Radio, Row, Segmented, Select, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { REPORT_KINDS, REPORT_PERMISSION, type ReportKind } from '../../../shared/contract/reports';
import { PRESETS, presetPeriod, type Preset } from '../../../shared/rules/periods';
import { todayIso } from '../../../shared/rules/idNumber';
import type { Language } from '../../../shared/i18n/languages';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { saveFile } from '../../components/download';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { ReportView } from './ReportView';
import { printLinks } from '../../../shared/contract/links';

export const REPORT_METHOD = {
  population: 'reports.population',
  party: 'reports.party',
  mediation: 'reports.mediation',
  certificates: 'reports.certificates',
  lists: 'reports.lists',
} as const satisfies Record<ReportKind, string>;

export interface ReportQuery {
  kind: ReportKind;
  from: string;
  to: string;
  gridId?: number;
  branchId?: number;
}

/** The report's call input from what the page or the print address holds. */
export function reportInput(q: ReportQuery, language: Language, extra: { xlsx?: boolean; forPrint?: boolean } = {}) {
  return { from: q.from, to: q.to, language, ...(q.kind === 'population' && q.gridId ? { gridId: q.gridId } : {}), ...(q.kind === 'party' && q.branchId ? { branchId: q.branchId } : {}), ...extra };
}

const validDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** 统计报表: pick a report, a period (a month, quarter or year in one click) and a scope; see it, print it, or take it as xlsx. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const kinds = REPORT_KINDS.filter((k) => can(REPORT_PERMISSION[k]));
  const [kind, setKind] = useState<ReportKind | undefined>(kinds[0]);
  const [preset, setPreset] = useState<Preset | 'custom'>('lastMonth');
  const [period, setPeriod] = useState(presetPeriod('lastMonth', todayIso()));
  const [gridId, setGridId] = useState<number>();
  const [branchId, setBranchId] = useState<number>();
  const scopes = useCall('reports.scopes', {});
  const language = i18n.language as Language;
  const ready = !!kind && validDate(period.from) && validDate(period.to) && period.from <= period.to;
  const query: ReportQuery = { kind: kind ?? 'population', ...period, gridId, branchId };
  const report = useCall(REPORT_METHOD[query.kind], reportInput(query, language), { enabled: ready, keepPrevious: true });
  const exportSheet = () =>
    call(REPORT_METHOD[query.kind], reportInput(query, language, { xlsx: true }))
      .then((r) => r.file && saveFile(r.file))
      .catch((err: unknown) => message.error(errorText(t, err)));
  const printIt = () => navigate(printLinks.report, { kind: query.kind, from: query.from, to: query.to, ...(gridId ? { grid: String(gridId) } : {}), ...(branchId ? { branch: String(branchId) } : {}) });
  if (!kind) return <Card className="page-card">{t('reports:page.none')}</Card>;
  return (
    <Card className="page-card" title={t('reports:page.title')}>
      <Typography.Paragraph type="secondary">{t('reports:page.intro')}</Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={8}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as ReportKind)} style={{ width: '100%' }} data-testid="report-kinds">
            <Space direction="vertical" style={{ width: '100%' }}>
              {kinds.map((k) => (
                <Radio key={k} value={k} data-testid={`report-${k}`} style={{ fontSize: 17 }}>
                  <div>
                    <strong>{t(`reports:kind.${k}.name`)}</strong>
                    <div>
                      <Typography.Text type="secondary">{t(`reports:kind.${k}.about`)}</Typography.Text>
                    </div>
                  </div>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Col>
        <Col xs={24} lg={16}>
          <Form layout="vertical">
            <Form.Item label={t('reports:page.period')}>
              <Segmented
                size="large"
                value={preset}
                onChange={(v) => {
                  setPreset(v as Preset | 'custom');
                  if (v !== 'custom') setPeriod(presetPeriod(v as Preset, todayIso()));
                }}
                options={[...PRESETS, 'custom'].map((p) => ({ value: p, label: t(`reports:preset.${p}`) }))}
                data-testid="report-preset"
              />
            </Form.Item>
            <Space wrap align="start">
              <Form.Item label={t('reports:page.from')} validateStatus={validDate(period.from) ? undefined : 'error'} help={validDate(period.from) ? undefined : t('errors:validation.date')}>
                <Input value={period.from} onChange={(e) => (setPreset('custom'), setPeriod({ ...period, from: e.target.value.trim() }))} style={{ width: 160 }} data-testid="report-from" />
              </Form.Item>
              <Form.Item label={t('reports:page.to')} validateStatus={validDate(period.to) && period.from <= period.to ? undefined : 'error'} help={!validDate(period.to) ? t('errors:validation.date') : period.from > period.to ? t('errors:reports.period') : undefined}>
                <Input value={period.to} onChange={(e) => (setPreset('custom'), setPeriod({ ...period, to: e.target.value.trim() }))} style={{ width: 160 }} data-testid="report-to" />
              </Form.Item>
              {kind === 'population' && (
                <Form.Item label={t('reports:page.grid')}>
                  <Select allowClear placeholder={t('reports:wholeCommunity')} value={gridId} onChange={setGridId} options={scopes.data?.grids.map((g) => ({ value: g.id, label: g.name }))} style={{ width: 200 }} data-testid="report-grid" />
                </Form.Item>
              )}
              {kind === 'party' && (
                <Form.Item label={t('reports:page.branch')}>
                  <Select allowClear placeholder={t('reports:allBranches')} value={branchId} onChange={setBranchId} options={scopes.data?.branches.map((b) => ({ value: b.id, label: b.name }))} style={{ width: 240 }} data-testid="report-branch" />
                </Form.Item>
              )}
            </Space>
            <Space wrap>
              <Button type="primary" size="large" icon={<PrinterOutlined />} disabled={!ready} onClick={printIt} data-testid="report-print">
                {t('reports:page.print')}
              </Button>
              <Button size="large" icon={<DownloadOutlined />} disabled={!ready} onClick={exportSheet} data-testid="report-xlsx">
                {t('reports:page.xlsx')}
              </Button>
            </Space>
          </Form>
        </Col>
      </Row>
      <div style={{ marginTop: 24 }}>
        {report.isError ? <Typography.Text type="danger">{errorText(t, report.error)}</Typography.Text> : report.data ? <ReportView report={report.data} /> : ready && <Spin />}
      </div>
    </Card>
  );
}
