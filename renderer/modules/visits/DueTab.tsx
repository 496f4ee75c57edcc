import { useState } from 'react';
import { Button, InputNumber, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useCan } from '../accounts/api';

/** 该走访了: residents whose visit rule is due or overdue, most overdue first; one click logs the visit. */
export function DueTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [within, setWithin] = useState(0);
  const due = useCall('visits.due', { within }, { keepPrevious: true });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <span>{t('visits:visits.within')}</span>
        <InputNumber min={0} max={60} value={within} onChange={(v) => setWithin(v ?? 0)} />
      </Space>
      <Table
        rowKey="residentId"
        dataSource={due.data ?? []}
        loading={due.isFetching}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('visits:visits.dueEmpty') }}
        data-testid="due-list"
        columns={[
          { title: t('visits:fields.name'), dataIndex: 'name', width: 110 },
          { title: t('visits:fields.address'), render: (_, d) => [d.grid, d.address].filter(Boolean).join(' ') },
          { title: t('visits:fields.tag'), render: (_, d) => t('visits:visits.rule', { tag: t(`codes:careTag.${d.tag}`), days: d.days }), width: 200 },
          { title: t('visits:fields.lastVisit'), render: (_, d) => d.lastVisit || t('visits:visits.never'), width: 120 },
          { title: t('visits:fields.due'), dataIndex: 'due', width: 120 },
          { title: t('visits:fields.overdueDays'), width: 100, render: (_, d) => (d.overdueDays > 0 ? <Tag color="volcano">{t('visits:visits.days', { count: d.overdueDays })}</Tag> : '') },
          {
            title: '',
            width: 140,
            render: (_, d) =>
              can('visits.edit') && d.householdId && (
                <Button onClick={() => navigate('visits/visits', { household: d.householdId ?? undefined })} data-testid={`due-visit-${d.residentId}`}>
                  {t('visits:visits.visitNow')}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
