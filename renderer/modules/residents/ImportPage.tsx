import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Collapse, InputNumber, Modal, Progress, Select, Space, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportChoices, ImportIssue, ImportReport, ImportSheet } from '../../../shared/contract/residents';
import type { Language } from '../../../shared/i18n/languages';
import { call } from '../../api/client';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { fileToBase64, saveFile } from '../../components/download';
import { navigate } from '../../app/router';
import { ColumnMapping } from '../../components/ColumnMapping';

/** The fields a sheet's column can be taken as, in the order of the form. */
const IMPORT_FIELDS = ['name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'phone', 'grid', 'estate', 'address', 'building', 'unit', 'room', 'householdNumber', 'relation', 'residenceType', 'hukouAddress', 'political', 'education', 'marital', 'occupation', 'tags', 'note'] as const;

/** Spreadsheet in: check first (nothing written), show every problem by Excel row, then import the valid rows or cancel. */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [done, setDone] = useState<{ created: number; updated: number; rowsDone: number; rows: number; stopped: boolean } | null>(null);
  const [progress, setProgress] = useState<{ rowsDone: number; rows: number } | null>(null);
  const [stopping, setStopping] = useState(false);
  const commit = useWrite('residents.importCommit');
  const token = report?.token;
  const [mappingSheet, setMappingSheet] = useState<ImportSheet | null>(null);
  const [gridForNew, setGridForNew] = useState<number>();
  const [working, setWorking] = useState(false);
  /** Header rows the user named for sheets where Linli found none; sent with every re-check. */
  const [headerRows, setHeaderRows] = useState<Record<string, number>>({});
  const [typedRow, setTypedRow] = useState<Record<string, number | null>>({});
  const grids = useCall('community.tree', {});
  const lang = i18n.language as Language;

  /** What the user changed so far, sent with every re-check. */
  const choicesOf = (r: ImportReport, change?: Partial<ImportChoices>): ImportChoices => ({
    leaveOut: r.sheets.filter((x) => x.headerRow !== null && !x.included).map((x) => x.name),
    columns: Object.fromEntries(r.sheets.filter((x) => x.mapping === 'chosen').map((x) => [x.name, Object.fromEntries(x.columns.filter((c) => c.field).map((c) => [String(c.index), c.field!]))])),
    headerRows,
    ...change,
  });
  const again = async (work: () => Promise<ImportReport>) => {
    setWorking(true);
    try {
      setReport(await work());
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setWorking(false);
    }
  };

  // The import commits in batches; between them the main process answers how far it got.
  useEffect(() => {
    if (!commit.isPending || !token) return;
    const timer = setInterval(() => {
      call('residents.importProgress', { token }).then(setProgress, () => undefined);
    }, 400);
    return () => clearInterval(timer);
  }, [commit.isPending, token]);

  const check = async (file: File) => {
    setChecking(true);
    setDone(null);
    setProgress(null);
    setStopping(false);
    setReport(null);
    setHeaderRows({});
    try {
      setReport(await call('residents.importCheck', { fileName: file.name, base64: await fileToBase64(file), lang }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setChecking(false);
    }
  };
  const download = async (p: Promise<{ fileName: string; base64: string }>) => {
    try {
      saveFile(await p);
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  const issues: (ImportIssue & { kind: string })[] = report
    ? [...report.errors.map((e) => ({ ...e, kind: 'error' })), ...report.warnings.map((w) => ({ ...w, kind: 'warning' }))]
    : [];
  const sheetOrder = new Map(report?.sheets.map((sh, i) => [sh.name, i]));
  issues.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row);

  return (
    <Card className="page-card" title={t('residents:import.title')}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Steps current={done ? 2 : report ? 1 : 0} items={[{ title: t('residents:import.step1') }, { title: t('residents:import.step2') }, { title: t('residents:import.step3') }]} />
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void download(call('residents.importTemplate', { lang }))}>
            {t('residents:import.template')}
          </Button>
          <Typography.Text type="secondary">{t('residents:import.templateHelp')}</Typography.Text>
        </Space>
        <Upload.Dragger
          accept=".xlsx,.xlsm,.xls,.et,.ods,.csv,.txt"
          showUploadList={false}
          disabled={checking}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{checking ? t('residents:import.checking') : t('residents:import.drop')}</p>
          <p className="ant-upload-hint">{t('residents:import.dropHint')}</p>
        </Upload.Dragger>
        {report && !done && (
          <>
            <Space size="large" data-testid="import-summary">
              <Statistic title={t('residents:import.rows')} value={report.rows} />
              <Statistic title={t('residents:import.valid')} value={report.valid} valueStyle={{ color: '#3f8600' }} />
              <Statistic title={t('residents:import.invalid')} value={report.invalid} valueStyle={{ color: report.invalid ? '#cf1322' : undefined }} />
              <Statistic title={t('residents:import.households')} value={report.households} />
              <Statistic title={t('residents:import.toUpdate')} value={report.toUpdate} />
            </Space>
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={report.sheets}
              data-testid="import-sheets"
              columns={[
                {
                  title: t('residents:import.sheetUse'),
                  width: 90,
                  render: (_, sh) => (
                    <Checkbox
                      checked={sh.included}
                      disabled={sh.headerRow === null || working}
                      aria-label={sh.name}
                      onChange={(e) => {
                        const leaveOut = choicesOf(report).leaveOut.filter((n) => n !== sh.name);
                        if (!e.target.checked) leaveOut.push(sh.name);
                        void again(() => call('residents.importRecheck', { token: report.token, lang, choices: choicesOf(report, { leaveOut }) }));
                      }}
                    />
                  ),
                },
                { title: t('residents:import.report.sheetName'), dataIndex: 'name' },
                {
                  title: t('residents:import.headerRow'),
                  width: 300,
                  render: (_, sh) =>
                    sh.headerRow !== null ? (
                      t('residents:import.rowN', { row: sh.headerRow })
                    ) : (
                      <Space direction="vertical" size={4}>
                        <Typography.Text type="secondary">{t('residents:import.noHeaderHere')}</Typography.Text>
                        <Space.Compact>
                          <InputNumber
                            min={1}
                            max={1000}
                            style={{ width: 140 }}
                            placeholder={t('residents:import.headerRowPlaceholder')}
                            value={typedRow[sh.name] ?? null}
                            onChange={(v) => setTypedRow({ ...typedRow, [sh.name]: v })}
                            aria-label={t('residents:import.headerRowPlaceholder')}
                            data-testid={`import-header-row-${sh.name}`}
                          />
                          <Button
                            disabled={!typedRow[sh.name] || working}
                            onClick={() => {
                              const next = { ...headerRows, [sh.name]: typedRow[sh.name]! };
                              setHeaderRows(next);
                              void again(() => call('residents.importRecheck', { token: report.token, lang, choices: choicesOf(report, { headerRows: next }) }));
                            }}
                          >
                            {t('residents:import.useHeaderRow')}
                          </Button>
                        </Space.Compact>
                      </Space>
                    ),
                },
                { title: t('residents:import.rows'), dataIndex: 'rows', width: 100 },
                {
                  title: t('residents:import.columns'),
                  render: (_, sh) =>
                    sh.headerRow === null ? null : (
                      <Space>
                        <Tag color={sh.mapping === 'guessed' ? 'blue' : 'green'}>{t(`residents:import.mapping.${sh.mapping}`)}</Tag>
                        <Button onClick={() => setMappingSheet(sh)} data-testid={`import-map-${sh.name}`}>
                          {t('residents:import.checkColumns')}
                        </Button>
                      </Space>
                    ),
                },
              ]}
            />
            {report.newBuildings.length > 0 && (
              <Alert
                type={report.waiting ? 'warning' : 'info'}
                showIcon
                data-testid="import-new-buildings"
                message={report.waiting ? t('residents:import.newBuildingsWaiting', { count: report.waiting }) : t('residents:import.newBuildingsWithGrid')}
                description={
                  <Space direction="vertical">
                    <Typography.Text>
                      {report.newBuildings.map((b) => t('residents:import.newBuilding', { name: b.name, rows: b.rows, grid: b.grid || t('residents:import.noGrid') })).join('；')}
                    </Typography.Text>
                    {report.waiting > 0 && (
                      <Space wrap>
                        <Select
                          size="large"
                          style={{ width: 220 }}
                          placeholder={t('residents:import.pickGrid')}
                          value={gridForNew}
                          onChange={setGridForNew}
                          options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
                          data-testid="import-grid"
                        />
                        <Button
                          size="large"
                          type="primary"
                          disabled={!gridForNew}
                          loading={working}
                          data-testid="import-add-buildings"
                          onClick={() => void again(() => call('residents.importAddBuildings', { token: report.token, lang, gridId: gridForNew! }))}
                        >
                          {t('residents:import.addBuildings', { count: report.newBuildings.filter((b) => !b.grid).length })}
                        </Button>
                      </Space>
                    )}
                  </Space>
                }
              />
            )}
            {report.skipped.length > 0 && (
              <Collapse
                size="small"
                items={[
                  {
                    key: 'skipped',
                    label: t('residents:import.skippedRows', { count: report.skipped.length }),
                    children: (
                      <ul data-testid="import-skipped" style={{ margin: 0 }}>
                        {report.skipped.map((k) => (
                          <li key={`${k.sheet}-${k.row}`}>
                            {t('residents:import.skippedRow', { sheet: k.sheet, row: k.row, reason: t(`residents:import.skip.${k.reason}`), text: k.text })}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            )}
            {report.invalid > 0 && <Alert type="warning" showIcon message={t('residents:import.someInvalid', { count: report.invalid })} />}
            {report.resume && (
              <Alert
                type="info"
                showIcon
                data-testid="import-resume"
                message={t('residents:import.resume', { done: report.resume.rowsDone, left: report.valid - report.resume.rowsDone })}
              />
            )}
            {commit.isPending && (
              <div data-testid="import-progress">
                <Progress percent={progress ? Math.floor((progress.rowsDone / Math.max(progress.rows, 1)) * 100) : 0} status="active" />
                <Typography.Text>
                  {t('residents:import.progress', { done: progress?.rowsDone ?? report.resume?.rowsDone ?? 0, total: report.valid })}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">{t('residents:import.keepOpen')}</Typography.Text>
              </div>
            )}
            <Space>
              <Button
                type="primary"
                size="large"
                disabled={report.valid === 0}
                loading={commit.isPending}
                data-testid="import-commit"
                onClick={() =>
                  commit.mutate(
                    { token: report.token },
                    { onSuccess: (out) => setDone(out), onError: (err) => message.error(errorText(t, err)) },
                  )
                }
              >
                {t('residents:import.commit', { count: report.valid - (report.resume?.rowsDone ?? 0) })}
              </Button>
              {commit.isPending ? (
                <Button
                  size="large"
                  danger
                  loading={stopping}
                  data-testid="import-stop"
                  onClick={() => {
                    setStopping(true);
                    void call('residents.importCancel', { token: report.token });
                  }}
                >
                  {stopping ? t('residents:import.stopping') : t('residents:import.stop')}
                </Button>
              ) : (
                <Button size="large" onClick={() => (void call('residents.importCancel', { token: report.token }), setReport(null))}>
                  {t('actions.cancel')}
                </Button>
              )}
              {issues.length > 0 && (
                <Button size="large" icon={<DownloadOutlined />} onClick={() => void download(call('residents.importReportFile', { token: report.token }))}>
                  {t('residents:import.downloadReport')}
                </Button>
              )}
            </Space>
            {issues.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.kind}-${r.sheet}-${r.row}-${r.column}-${r.code}`}
                dataSource={issues}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                data-testid="import-issues"
                columns={[
                  { title: t('residents:import.report.sheetName'), dataIndex: 'sheet', width: 120 },
                  { title: t('residents:import.report.row'), dataIndex: 'row', width: 80 },
                  { title: t('residents:import.report.column'), dataIndex: 'column', width: 160 },
                  { title: t('residents:import.report.problem'), dataIndex: 'message' },
                  { title: t('residents:import.report.kind'), dataIndex: 'kind', width: 100, render: (k: string) => t(`residents:import.report.${k}`) },
                ]}
              />
            )}
          </>
        )}
        {done && (
          <Alert
            type={done.stopped ? 'warning' : 'success'}
            showIcon
            data-testid="import-done"
            message={
              done.stopped
                ? t('residents:import.stopped', { done: done.rowsDone, total: done.rows, left: done.rows - done.rowsDone })
                : t('residents:import.done', { created: done.created, updated: done.updated })
            }
            action={<Button onClick={() => navigate('residents')}>{t('residents:import.toList')}</Button>}
          />
        )}
      </Space>
      {mappingSheet && report && (
        <MappingDialog
          sheet={mappingSheet}
          onClose={() => setMappingSheet(null)}
          onSave={(columns) => {
            setMappingSheet(null);
            const chosen = choicesOf(report);
            void again(() => call('residents.importRecheck', { token: report.token, lang, choices: { ...chosen, columns: { ...chosen.columns, [mappingSheet.name]: columns } } }));
          }}
        />
      )}
    </Card>
  );
}

/** One sheet's columns as Linli took them, with sample values, for the user to put right; checked again on save. */
function MappingDialog({ sheet, onClose, onSave }: { sheet: ImportSheet; onClose: () => void; onSave: (columns: Record<string, string>) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<Record<string, string>>(() => Object.fromEntries(sheet.columns.filter((c) => c.field).map((c) => [String(c.index), c.field!])));
  return (
    <Modal
      open
      width={900}
      title={t('residents:import.mappingTitle', { sheet: sheet.name })}
      onCancel={onClose}
      okText={t('residents:import.mappingApply')}
      onOk={() => onSave(value)}
      okButtonProps={{ size: 'large', 'data-testid': 'import-mapping-save' } as never}
      cancelButtonProps={{ size: 'large' }}
    >
      <Typography.Paragraph type="secondary">{t('residents:import.mappingHint', { row: sheet.headerRow })}</Typography.Paragraph>
      <ColumnMapping
        testId="import-mapping"
        columns={sheet.columns.map((c) => ({ key: String(c.index), header: c.header, samples: c.samples }))}
        value={value}
        onChange={setValue}
        options={[...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`residents:fields.${f}`) })), ...(['serial', 'age', 'status', 'headName'] as const).map((f) => ({ value: f, label: t(`residents:fields.${f === 'serial' ? 'index' : f}`) }))]}
      />
    </Modal>
  );
}
