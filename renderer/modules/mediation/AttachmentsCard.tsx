import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES } from '../../../shared/contract/mediation';
import { call } from '../../api/client';
import { useCall, useWrite } from '../../api/hooks';
import { fileToBase64, saveFile } from '../../components/download';
import { errorText } from '../../components/errors';

type Kind = (typeof ATTACHMENT_KINDS)[number];

/** Evidence, investigation records, identity papers …: kept inside the ledger with their hashes; opening one is logged. */
export function AttachmentsCard({ caseId, readOnly }: { caseId: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useCall('mediation.attachments', { id: caseId });
  const attach = useWrite('mediation.attach');
  const [kind, setKind] = useState<Kind>('evidence');
  const [note, setNote] = useState('');
  const add = async (file: File) => {
    if (file.size > MAX_ATTACHMENT_BYTES) return void message.error(t('errors:mediation.fileTooLarge'));
    attach.mutate(
      { id: caseId, kind, fileName: file.name, base64: await fileToBase64(file), note },
      { onSuccess: () => (message.success(t('mediation:files.added', { name: file.name })), setNote('')), onError: (err) => message.error(errorText(t, err)) },
    );
  };
  const open = async (attachmentId: number) => {
    try {
      saveFile(await call('mediation.attachment', { attachmentId }));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  return (
    <Card title={t('mediation:files.title')}>
      {!readOnly && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<Kind> size="large" value={kind} onChange={setKind} style={{ width: 180 }} data-testid="attach-kind" options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`mediation:file.${k}`) }))} />
          <Input size="large" value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('mediation:files.note')} style={{ width: 240 }} />
          <Upload showUploadList={false} beforeUpload={(f) => (void add(f), false)}>
            <Button size="large" icon={<UploadOutlined />} loading={attach.isPending} data-testid="attach-file">
              {t('mediation:files.add')}
            </Button>
          </Upload>
        </Space>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('mediation:files.empty') }}
        data-testid="attachments"
        columns={[
          { title: t('mediation:files.kind'), dataIndex: 'kind', render: (k: Kind) => t(`mediation:file.${k}`) },
          {
            title: t('mediation:files.name'),
            dataIndex: 'name',
            // The checksum is kept for proof, not for reading: on hover, not as a column.
            render: (n: string, r) => (
              <a onClick={() => void open(r.id)} title={t('mediation:files.checksumHelp', { hash: r.sha256 })}>
                {n}
              </a>
            ),
          },
          { title: t('mediation:files.size'), dataIndex: 'size', render: (n: number) => `${Math.max(1, Math.round(n / 1024))} KB` },
          { title: t('mediation:files.note'), dataIndex: 'note' },
          { title: t('mediation:files.addedBy'), render: (_, r) => `${r.addedBy} · ${r.at.slice(0, 16)}` },
        ]}
      />
    </Card>
  );
}
