import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InputIssue } from '../../shared/contract';
import { fileToBase64 } from './download';
import { errorText, issueText } from './errors';

type SheetIssue = Pick<InputIssue, 'messageKey' | 'params'> & { row: number; column: string };
export interface SheetReport {
  token: string;
  rows: number;
  valid: number;
  errors: SheetIssue[];
  warnings: SheetIssue[];
}

/**
 * A module's spreadsheet import: the file is checked first and every problem listed by row and
 * column (nothing written), then the rows that passed are imported all at once. The texts come
 * from the module's namespace (`<ns>:import.*`).
 */
export function SheetImportDialog({
  ns,
  title,
  hint,
  testId,
  check,
  commit,
  committing,
  onClose,
}: {
  ns: string;
  title: string;
  hint: string;
  testId: string;
  check: (file: { fileName: string; base64: string }) => Promise<SheetReport>;
  commit: (token: string, done: (created: number) => void, failed: (err: unknown) => void) => void;
  committing: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [report, setReport] = useState<SheetReport>();
  const [checking, setChecking] = useState(false);
  const read = async (file: File) => {
    setChecking(true);
    setReport(undefined);
    try {
      setReport(await check({ fileName: file.name, base64: await fileToBase64(file) }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setChecking(false);
    }
  };
  const issues = report ? [...report.errors.map((e) => ({ ...e, kind: 'error' })), ...report.warnings.map((w) => ({ ...w, kind: 'warning' }))] : [];
  return (
    <Modal open width={860} title={title} onCancel={onClose} footer={null}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => (void read(f), false)} disabled={checking} data-testid={`${testId}-file`}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t(`${ns}:import.drop`)}</p>
          <p className="ant-upload-hint">{hint}</p>
        </Upload.Dragger>
        {report && (
          <>
            <Alert type={report.errors.length ? 'warning' : 'success'} showIcon message={t(`${ns}:import.summary`, { rows: report.rows, valid: report.valid, errors: report.errors.length })} data-testid={`${testId}-summary`} />
            {issues.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.kind}-${r.row}-${r.column}-${r.messageKey}`}
                dataSource={issues}
                pagination={{ pageSize: 8 }}
                columns={[
                  { title: t(`${ns}:import.row`), dataIndex: 'row', width: 70 },
                  { title: t(`${ns}:import.column`), dataIndex: 'column', width: 120 },
                  { title: t(`${ns}:import.problem`), render: (_, r) => issueText(t, r) },
                  { title: '', dataIndex: 'kind', width: 80, render: (k: string) => t(`${ns}:import.${k}`) },
                ]}
              />
            )}
            <Button
              type="primary"
              size="large"
              disabled={report.valid === 0}
              loading={committing}
              data-testid={`${testId}-commit`}
              onClick={() =>
                commit(
                  report.token,
                  (created) => {
                    message.success(t(`${ns}:import.done`, { count: created }));
                    onClose();
                  },
                  (err) => message.error(errorText(t, err)),
                )
              }
            >
              {t(`${ns}:import.commit`, { count: report.valid })}
            </Button>
          </>
        )}
      </Space>
    </Modal>
  );
}
