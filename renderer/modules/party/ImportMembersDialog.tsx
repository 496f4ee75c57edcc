import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { call } from '../../api/client';
import { useWrite } from '../../api/hooks';
import { fileToBase64 } from '../../components/download';
import { errorText, issueText } from '../../components/errors';

type Report = Output<'party.importCheck'>;

/** The branch's existing roster spreadsheet: checked first (nothing written), then imported all at once. */
export function ImportMembersDialog({ branchId, onClose }: { branchId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [report, setReport] = useState<Report>();
  const [checking, setChecking] = useState(false);
  const commit = useWrite('party.importCommit');
  const check = async (file: File) => {
    setChecking(true);
    setReport(undefined);
    try {
      setReport(await call('party.importCheck', { fileName: file.name, base64: await fileToBase64(file), branchId }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setChecking(false);
    }
  };
  const issues = report ? [...report.errors.map((e) => ({ ...e, kind: 'error' })), ...report.warnings.map((w) => ({ ...w, kind: 'warning' }))] : [];
  return (
    <Modal open width={860} title={t('party:import.title')} onCancel={onClose} footer={null}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => (void check(f), false)} disabled={checking} data-testid="party-import-file">
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('party:import.drop')}</p>
          <p className="ant-upload-hint">{t('party:import.hint')}</p>
        </Upload.Dragger>
        {report && (
          <>
            <Alert
              type={report.errors.length ? 'warning' : 'success'}
              showIcon
              message={t('party:import.summary', { rows: report.rows, valid: report.valid, errors: report.errors.length })}
              data-testid="party-import-summary"
            />
            {issues.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.kind}-${r.row}-${r.column}-${r.messageKey}`}
                dataSource={issues}
                pagination={{ pageSize: 8 }}
                columns={[
                  { title: t('party:import.row'), dataIndex: 'row', width: 70 },
                  { title: t('party:import.column'), dataIndex: 'column', width: 120 },
                  { title: t('party:import.problem'), render: (_, r) => issueText(t, r) },
                  { title: '', dataIndex: 'kind', width: 80, render: (k: string) => t(`party:import.${k}`) },
                ]}
              />
            )}
            <Button
              type="primary"
              size="large"
              disabled={report.valid === 0}
              loading={commit.isPending}
              data-testid="party-import-commit"
              onClick={() =>
                commit.mutate(
                  { token: report.token },
                  {
                    onSuccess: (r) => {
                      message.success(t('party:import.done', { count: r.created }));
                      onClose();
                    },
                    onError: (err) => message.error(errorText(t, err)),
                  },
                )
              }
            >
              {t('party:import.commit', { count: report.valid })}
            </Button>
          </>
        )}
      </Space>
    </Modal>
  );
}
