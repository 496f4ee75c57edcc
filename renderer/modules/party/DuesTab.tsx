import { useState } from 'react';
import { App, Button, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DuesLine } from '../../../shared/contract/party';
import { yuan } from '../../../shared/rules/party';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { printLinks } from '../../../shared/contract/links';

/** 党费: the month's sheet for the branch (due by the bands, paid or not), recording a payment, and arrears. */
export function DuesTab({ branchId }: { branchId?: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const sheet = useCall('party.dues', { branchId: branchId ?? 0, month }, { enabled: !!branchId && valid });
  const arrears = useCall('party.arrears', { branchId, upTo: month }, { enabled: valid });
  const [paying, setPaying] = useState<DuesLine | null>(null);
  const rows = sheet.data ?? [];
  const dueTotal = rows.reduce((s, r) => s + r.dueFen, 0);
  const paidTotal = rows.reduce((s, r) => s + (r.paidFen ?? 0), 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input size="large" value={month} onChange={(e) => setMonth(e.target.value.trim())} style={{ width: 140 }} addonBefore={t('party:dues.month')} data-testid="dues-month" status={valid ? '' : 'error'} />
        <Button size="large" icon={<PrinterOutlined />} disabled={!branchId || !valid} onClick={() => navigate(printLinks.dues, { branch: branchId, month })} data-testid="dues-print">
          {t('party:dues.print')}
        </Button>
        <Typography.Text data-testid="dues-totals">{t('party:dues.totals', { due: yuan(dueTotal), paid: yuan(paidTotal) })}</Typography.Text>
      </Space>
      <Table<DuesLine>
        rowKey="memberId"
        size="middle"
        loading={sheet.isFetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('party:dues.empty') }}
        data-testid="dues-sheet"
        columns={[
          { title: t('party:fields.name'), dataIndex: 'name' },
          { title: t('party:fields.duesKind'), dataIndex: 'kind', render: (k: DuesLine['kind']) => t(`party:duesKind.${k}`) },
          { title: t('party:dues.base'), dataIndex: 'baseFen', align: 'right', render: (v: number, r) => (r.perMille === null ? '—' : yuan(v)) },
          { title: t('party:dues.rate'), dataIndex: 'perMille', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v / 10}%`) },
          { title: t('party:dues.due'), dataIndex: 'dueFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('party:dues.paid'), dataIndex: 'paidFen', align: 'right', render: (v: number | null) => (v === null ? <Tag color="warning">{t('party:dues.unpaid')}</Tag> : yuan(v)) },
          { title: t('party:dues.paidOn'), dataIndex: 'paidOn' },
          { title: t('party:dues.collector'), dataIndex: 'collector' },
          {
            title: '',
            render: (_, r) => (
              <Space>
                {can('party.edit') && (
                  <Button onClick={() => setPaying(r)} data-testid={`pay-${r.name}`}>
                    {r.paidFen === null ? t('party:dues.pay') : t('actions.edit')}
                  </Button>
                )}
                <Button icon={<PrinterOutlined />} onClick={() => navigate(printLinks.duesYear, { member: r.memberId, year: month.slice(0, 4) })}>
                  {t('party:dues.yearStatement')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('party:dues.arrears', { month })}</Typography.Title>
      <Table
        rowKey="memberId"
        size="small"
        pagination={false}
        dataSource={arrears.data ?? []}
        locale={{ emptyText: t('party:dues.noArrears') }}
        data-testid="dues-arrears"
        columns={[
          { title: t('party:fields.name'), dataIndex: 'name' },
          { title: t('party:fields.branch'), dataIndex: 'branchName' },
          { title: t('party:dues.months'), dataIndex: 'months', render: (m: string[]) => m.map((x) => x.slice(5)).join(t('sep')) },
          { title: t('party:dues.owed'), dataIndex: 'owedFen', align: 'right', render: (v: number) => yuan(v) },
        ]}
      />
      {paying && <PayDialog line={paying} month={month} onClose={() => setPaying(null)} />}
    </Space>
  );
}

function PayDialog({ line, month, onClose }: { line: DuesLine; month: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pay = useWrite('party.payDues');
  const [paid, setPaid] = useState<number | null>(line.paidFen !== null ? line.paidFen / 100 : line.dueFen / 100);
  const [paidOn, setPaidOn] = useState(line.paidOn || todayIso());
  const [collector, setCollector] = useState(line.collector);
  const submit = () =>
    pay.mutate(
      { memberId: line.memberId, month, paid: paid ?? 0, paidOn, collector },
      {
        onSuccess: () => {
          message.success(t('party:dues.saved'));
          onClose();
        },
        onError: (err) => message.error(errorText(t, err)),
      },
    );
  return (
    <Modal open title={t('party:dues.payTitle', { name: line.name, month })} onCancel={onClose} onOk={submit} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: pay.isPending, id: 'dues-save' }} cancelButtonProps={{ size: 'large' }}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>{t('party:dues.dueIs', { amount: yuan(line.dueFen) })}</Typography.Text>
        <InputNumber size="large" min={0} precision={2} value={paid} onChange={setPaid} addonBefore={t('party:dues.paid')} addonAfter={t('party:yuan')} data-testid="dues-paid" />
        <Input size="large" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} addonBefore={t('party:dues.paidOn')} data-testid="dues-paidOn" />
        <Input size="large" value={collector} onChange={(e) => setCollector(e.target.value)} addonBefore={t('party:dues.collector')} data-testid="dues-collector" />
      </Space>
    </Modal>
  );
}
