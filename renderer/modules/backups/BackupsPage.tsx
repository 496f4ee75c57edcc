import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { FolderOpenOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { screenDateTime } from '../../../shared/rules/dates';
import type { BackupRow } from '../../../shared/contract/backups';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';

const MB = 2 ** 20;

/**
 * The backups the app keeps, newest first, with how many people each holds: put one back in a minute
 * (the ledger it replaces is kept, so the restore itself can be undone), take one now, or send them
 * to another folder such as a USB disk.
 */
export function BackupsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const list = useCall('backups.list', {});
  const create = useWrite('backups.create');
  const client = useQueryClient();
  const setFolder = useWrite('backups.setFolder');
  const [folder, setFolderText] = useState<string | null>(null);
  const [otherFile, setOtherFile] = useState('');
  const fail = (err: Error) => message.error(errorText(t, err));
  const when = (iso: string) => screenDateTime(iso);

  const confirmRestore = (file: string, label: string, residents: number | null) =>
    modal.confirm({
      title: t('backups.restoreTitle', { name: label }),
      content: t('backups.restoreHelp', { residents: residents ?? '?' }),
      okText: t('backups.restore'),
      cancelText: t('actions.cancel'),
      okButtonProps: { danger: true, id: 'restore-confirm' },
      // A plain call, not a cached write: this page is gone (the screen goes to sign-in) before a
      // mutation's callbacks would run, and the dialog must close either way.
      onOk: async () => {
        try {
          const r = await call('backups.restore', { file });
          message.success(t('backups.restored', { name: r.restored, residents: r.residents }), 8);
        } catch (err) {
          fail(err as Error);
        } finally {
          void client.invalidateQueries();
        }
      },
    });

  const rows = list.data?.backups ?? [];
  const lastRestore = rows.find((b) => b.reason === 'before-restore');
  return (
    <Card className="page-card" title={t('backups.title')}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('backups.intro')}</Typography.Paragraph>
        <Space wrap>
          <Button type="primary" size="large" icon={<SaveOutlined />} loading={create.isPending} data-testid="backup-now" onClick={() => create.mutate({}, { onSuccess: () => message.success(t('backups.made')), onError: fail })}>
            {t('backups.now')}
          </Button>
          {lastRestore && (
            <Button size="large" icon={<HistoryOutlined />} data-testid="restore-undo" onClick={() => confirmRestore(lastRestore.file, when(lastRestore.at), lastRestore.residents)}>
              {t('backups.undo')}
            </Button>
          )}
        </Space>
        <Table<BackupRow>
          rowKey="file"
          loading={list.isPending}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          data-testid="backup-table"
          columns={[
            { title: t('backups.when'), dataIndex: 'at', render: (at: string) => when(at) },
            { title: t('backups.why'), dataIndex: 'reason', render: (r: string) => <Tag>{t(`backups.reasons.${r}`, { defaultValue: r })}</Tag> },
            {
              title: t('backups.residents'),
              dataIndex: 'residents',
              align: 'right',
              render: (n: number | null, b) => (n === null ? <Typography.Text type="danger">{t('backups.unreadable')}</Typography.Text> : t('backups.counts', { residents: n, households: b.households })),
            },
            { title: t('backups.size'), dataIndex: 'size', align: 'right', render: (s: number) => `${(s / MB).toFixed(1)} MB` },
            {
              title: '',
              key: 'restore',
              render: (_x, b) => (
                <Button disabled={b.residents === null} onClick={() => confirmRestore(b.file, when(b.at), b.residents)} data-testid="restore">
                  {t('backups.restore')}
                </Button>
              ),
            },
          ]}
        />
        <Card size="small" title={t('backups.folder')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="backup-folder">{list.data?.folder}</Typography.Text>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                prefix={<FolderOpenOutlined />}
                placeholder={t('backups.folderPlaceholder')}
                value={folder ?? ''}
                onChange={(e) => setFolderText(e.target.value)}
                data-testid="backup-folder-input"
              />
              <Button
                loading={setFolder.isPending}
                onClick={() => setFolder.mutate({ folder: folder ?? '' }, { onSuccess: (r) => (message.success(t('backups.folderSet', { folder: r.folder })), setFolderText(null)), onError: fail })}
              >
                {folder ? t('backups.useFolder') : t('backups.defaultFolder')}
              </Button>
            </Space.Compact>
            <Typography.Text type="secondary">{t('backups.folderHelp')}</Typography.Text>
          </Space>
        </Card>
        <Card size="small" title={t('backups.otherFile')}>
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder={t('backups.otherFilePlaceholder')} value={otherFile} onChange={(e) => setOtherFile(e.target.value)} data-testid="restore-path" />
            <Button disabled={!otherFile.trim()} onClick={() => confirmRestore(otherFile.trim(), otherFile.trim(), null)}>
              {t('backups.restore')}
            </Button>
          </Space.Compact>
        </Card>
        {list.isError && <Alert type="error" showIcon message={errorText(t, list.error)} />}
      </Space>
    </Card>
  );
}
