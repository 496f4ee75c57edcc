import { useEffect, useState } from 'react';
import { Card, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { openableRow } from '../../components/openableRow';
import { ListSearch } from '../../components/ListSearch';
import { links } from '../../../shared/contract/links';

const PAGE_SIZE = 50;

/** The households list: every household with people living in it, found by a member, its number or address, opened from the keyboard. */
export function HouseholdsPage() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [gridId, setGridId] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const tree = useCall('community.tree', {});
  const list = useCall('households.list', { q, gridId, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { keepPrevious: true });
  // As the resident search: a pause in the typing sends one request.
  useEffect(() => {
    const timer = setTimeout(() => (setQ(typed), setPage(1)), 120);
    return () => clearTimeout(timer);
  }, [typed]);
  return (
    <Card className="page-card" title={t('residents:households.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <ListSearch width={480} placeholder={t('residents:households.search')} label={t('residents:households.search')} value={typed} onChange={setTyped} rowsTestId="household-list" testId="household-search" />
          <Select
            allowClear
            size="large"
            placeholder={t('residents:fields.grid')}
            style={{ width: 160 }}
            value={gridId}
            onChange={(v?: number) => (setGridId(v), setPage(1))}
            options={(tree.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          />
        </Space>
        <Table
          rowKey="id"
          data-testid="household-list"
          loading={list.isFetching && !list.data}
          dataSource={list.data?.rows ?? []}
          onRow={(r) => openableRow(() => navigate(links.household(r.id)))}
          locale={{ emptyText: q || gridId ? t('residents:households.none') : t('residents:households.empty') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('residents:households.total', { count: n }) }}
          columns={[
            { title: t('residents:households.number'), dataIndex: 'number', width: 130, className: 'mono' },
            { title: t('residents:fields.address'), dataIndex: 'address' },
            { title: t('residents:fields.grid'), dataIndex: 'gridName', width: 120 },
            { title: t('residents:households.head'), dataIndex: 'headName', width: 120 },
            { title: t('residents:households.members'), dataIndex: 'members', width: 90, align: 'right' },
          ]}
        />
      </Space>
    </Card>
  );
}
