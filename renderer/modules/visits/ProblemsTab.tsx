import { useState } from 'react';
import { Button, Select, Space, Switch, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProblemRow } from '../../../shared/contract/visits';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { useCan } from '../accounts/api';
import { ProblemDialog } from './ProblemDialog';
import { problemColumns } from './ProblemTags';
import { openableRow } from '../../components/openableRow';
import { links } from '../../../shared/contract/links';

export function ProblemsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(true);
  const [gridId, setGridId] = useState<number>();
  const [adding, setAdding] = useState(false);
  const places = useCall('visits.places', {});
  const list = useCall('problems.list', { open, gridId }, { keepPrevious: true });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {can('visits.edit') && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="problem-add">
            {t('visits:problems.add')}
          </Button>
        )}
        <Select allowClear placeholder={t('visits:fields.grid')} style={{ minWidth: 160 }} value={gridId} onChange={(v?: number) => setGridId(v)} options={(places.data ?? []).map((g) => ({ value: g.gridId, label: g.grid }))} />
        <Space>
          <Switch checked={open} onChange={setOpen} />
          {t('visits:problems.openOnly')}
        </Space>
      </Space>
      <Table<ProblemRow>
        rowKey="id"
        dataSource={list.data ?? []}
        loading={list.isFetching}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('visits:problems.empty') }}
        onRow={(r) => openableRow(() => navigate(links.problem(r.id)))}
        data-testid="problem-list"
        columns={problemColumns(t)}
      />
      {adding && <ProblemDialog onClose={() => setAdding(false)} />}
    </Space>
  );
}
