import { useState } from 'react';
import { App, Button, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CERT_STATUSES, type CertStatus, type Certificate } from '../../../shared/contract/certificates';
import { todayIso } from '../../../shared/rules/idNumber';
import { call } from '../../api/client';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { saveFile } from '../../components/download';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { printLinks } from '../../../shared/contract/links';

const COLOR: Record<CertStatus, string | undefined> = { draft: undefined, approved: 'blue', issued: 'green', void: 'default', refused: 'red' };

/** What the remark column says: the void reason, the refusal's rule, or the number a reissue replaces. */
export function remarkOf(t: TFunction, c: Certificate): string {
  if (c.status === 'void') return t('certificates:register.voided', { reason: c.voidReason, reissued: c.reissuedAs ?? '—' });
  if (c.status === 'refused') return t('certificates:register.refused', { requested: c.requested, instead: c.refusal });
  if (c.reissueOfNumber) return t('certificates:register.reissueOfNumber', { number: c.reissueOfNumber });
  return '';
}

/** 证明开具登记簿: every issue, void and refusal, filtered; void, reissue, approve; printed and exported; counts per item and month. */
export function RegisterTab({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const year = Number(todayIso().slice(0, 4));
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(todayIso());
  const [status, setStatus] = useState<CertStatus>();
  const [itemName, setItemName] = useState<string>();
  const [handler, setHandler] = useState('');
  const items = useCall('certs.items', { all: true });
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const filters = { from, to, status, itemName, handler: handler.trim() || undefined };
  const rows = useCall('certs.register', filters, { enabled: valid, keepPrevious: true });
  const stats = useCall('certs.stats', { year });
  const voidIt = useWrite('certs.void');
  const reissue = useWrite('certs.draft');
  const [voiding, setVoiding] = useState<Certificate | null>(null);
  const [reason, setReason] = useState('');
  const fail = (err: Error) => message.error(errorText(t, err));

  const exportRegister = async () => {
    try {
      saveFile(await call('certs.exportRegister', filters));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  const startReissue = (c: Certificate) =>
    modal.confirm({
      title: t('certificates:register.reissueTitle', { number: c.number }),
      content: t('certificates:register.reissueHelp'),
      okText: t('certificates:register.reissue'),
      cancelText: t('actions.cancel'),
      onOk: () =>
        reissue.mutateAsync({ itemId: c.itemId!, residentId: c.residentId!, purpose: c.purpose, checks: c.checks, reissueOf: c.id }).then((r) => onOpen(r.id), fail),
    });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input size="large" value={from} onChange={(e) => setFrom(e.target.value.trim())} addonBefore={t('certificates:register.from')} style={{ width: 220 }} />
        <Input size="large" value={to} onChange={(e) => setTo(e.target.value.trim())} addonBefore={t('certificates:register.to')} style={{ width: 220 }} />
        <Select size="large" allowClear placeholder={t('certificates:register.anyItem')} value={itemName} onChange={setItemName} style={{ width: 180 }} options={(items.data ?? []).map((i) => ({ value: i.name, label: i.name }))} />
        <Select size="large" allowClear placeholder={t('certificates:register.anyStatus')} value={status} onChange={setStatus} style={{ width: 140 }} options={CERT_STATUSES.map((s) => ({ value: s, label: t(`certificates:status.${s}`) }))} />
        <Input size="large" allowClear value={handler} onChange={(e) => setHandler(e.target.value)} placeholder={t('certificates:register.anyHandler')} style={{ width: 160 }} />
        <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.certificateRegister, { from, to, status, item: itemName, handler: filters.handler })} data-testid="register-print">
          {t('certificates:register.print')}
        </Button>
        <Button size="large" icon={<DownloadOutlined />} onClick={() => void exportRegister()}>
          {t('certificates:register.export')}
        </Button>
      </Space>
      <Table<Certificate>
        rowKey="id"
        size="middle"
        loading={rows.isFetching}
        dataSource={rows.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('certificates:register.empty') }}
        data-testid="cert-register"
        columns={[
          { title: t('certificates:register.columns.number'), dataIndex: 'number', render: (v: string | null) => v ?? '—' },
          { title: t('certificates:register.columns.date'), render: (_, c) => c.issuedAt || c.createdAt.slice(0, 10) },
          { title: t('certificates:register.columns.item'), dataIndex: 'itemName' },
          { title: t('certificates:register.columns.person'), dataIndex: 'personName' },
          { title: t('certificates:register.columns.purpose'), dataIndex: 'purpose' },
          { title: t('certificates:register.columns.handler'), dataIndex: 'handler' },
          { title: t('certificates:register.columns.approver'), dataIndex: 'approver' },
          { title: t('certificates:register.columns.status'), dataIndex: 'status', render: (s: CertStatus) => <Tag color={COLOR[s]}>{t(`certificates:status.${s}`)}</Tag> },
          { title: t('certificates:register.columns.remark'), render: (_, c) => remarkOf(t, c) },
          {
            title: '',
            render: (_, c) => (
              <Space>
                {c.status !== 'refused' && <Button onClick={() => onOpen(c.id)}>{t('certificates:register.open')}</Button>}
                {c.status === 'issued' && (
                  <Button danger onClick={() => (setVoiding(c), setReason(''))} data-testid={`void-${c.number}`}>
                    {t('certificates:register.void')}
                  </Button>
                )}
                {c.status === 'void' && !c.reissuedAs && can('certificates.issue') && (
                  <Button onClick={() => startReissue(c)} data-testid={`reissue-${c.number}`}>
                    {t('certificates:register.reissue')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('certificates:register.stats', { year })}</Typography.Title>
      <Table
        size="small"
        rowKey="itemName"
        pagination={false}
        dataSource={stats.data ?? []}
        columns={[
          { title: t('certificates:register.columns.item'), dataIndex: 'itemName' },
          ...Array.from({ length: 12 }, (_, m) => ({ title: `${m + 1}`, render: (_: unknown, r: { months: number[] }) => r.months[m] || '' })),
          { title: t('certificates:register.sum'), dataIndex: 'total' },
        ]}
      />
      {voiding && (
        <Modal
          open
          title={t('certificates:register.voidTitle', { number: voiding.number })}
          okText={t('certificates:register.void')}
          okButtonProps={{ danger: true, disabled: !reason.trim(), id: 'void-confirm' }}
          cancelText={t('actions.cancel')}
          onCancel={() => setVoiding(null)}
          onOk={() => voidIt.mutate({ id: voiding.id, reason: reason.trim() }, { onSuccess: () => (message.success(t('certificates:register.voidedDone')), setVoiding(null)), onError: fail })}
        >
          <p>{t('certificates:register.voidHelp')}</p>
          <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('certificates:register.voidReason')} data-testid="void-reason" />
        </Modal>
      )}
    </Space>
  );
}
