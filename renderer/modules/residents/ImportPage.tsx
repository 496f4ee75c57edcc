import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Progress, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportReport } from '../../../shared/contract/residents';
import type { Language } from '../../../shared/i18n/languages';
import { call } from '../../api/client';
import { useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { fileToBase64, saveFile } from '../../components/download';
import { navigate } from '../../app/router';

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
    try {
      setReport(await call('residents.importCheck', { fileName: file.name, base64: await fileToBase64(file), lang: i18n.language as Language }));
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
    ? [...report.errors.map((e) => ({ ...e, kind: 'error' })), ...report.warnings.map((w) => ({ ...w, kind: 'warning' }))].sort((a, b) => a.row - b.row)
    : [];

  return (
    <Card className="page-card" title={t('residents:import.title')}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Steps current={done ? 2 : report ? 1 : 0} items={[{ title: t('residents:import.step1') }, { title: t('residents:import.step2') }, { title: t('residents:import.step3') }]} />
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void download(call('residents.importTemplate', {}))}>
            {t('residents:import.template')}
          </Button>
          <Typography.Text type="secondary">{t('residents:import.templateHelp')}</Typography.Text>
        </Space>
        <Upload.Dragger
          accept=".xlsx,.csv"
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
              <Statistic title={t('residents:import.toUpdate')} value={report.toUpdate} />
            </Space>
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
                rowKey={(r) => `${r.kind}-${r.row}-${r.column}-${r.code}`}
                dataSource={issues}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                data-testid="import-issues"
                columns={[
                  { title: t('residents:import.report.row'), dataIndex: 'row', width: 90 },
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
    </Card>
  );
}
