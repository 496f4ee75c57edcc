import { useState } from 'react';
import { App, Button, Segmented, Select, Space, Switch, Table, TreeSelect } from 'antd';
import { DownloadOutlined, PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../shared/contract';
import type { NeedRow } from '../../../shared/contract/lists';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { saveFile } from '../../components/download';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { NeedDialog } from './NeedDialog';
import { NeedStateTag } from './NeedStateTag';
import { ListImportDialog } from './ListImportDialog';
import { useCategories } from './useCategories';
import { openableRow } from '../../components/openableRow';
import { links, printLinks } from '../../../shared/contract/links';

type StateFilter = Input<'lists.needs'>['state'];
const FILTERS: NonNullable<StateFilter>[] = ['waiting', 'active', 'fulfilled', 'withdrawn', 'all'];

/** 需求清单: what residents and the community need, waiting ones first, urgent and earliest at the top. */
export function NeedsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [state, setState] = useState<NonNullable<StateFilter>>('waiting');
  const [categoryId, setCategoryId] = useState<number>();
  const [gridId, setGridId] = useState<number>();
  const [wish, setWish] = useState(false);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const filters = { state, categoryId, gridId, wish: wish || undefined };
  const needs = useCall('lists.needs', filters, { keepPrevious: true });
  const choices = useCall('lists.choices', {});
  const { tree } = useCategories(false);
  const exportSheet = () =>
    call('lists.export', { list: 'needs' })
      .then(saveFile)
      .catch((err: unknown) => message.error(errorText(t, err)));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {can('lists.edit') && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="need-add">
            {t('lists:needs.add')}
          </Button>
        )}
        <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.needList, { state, category: categoryId, grid: gridId, wish: wish ? 1 : undefined })} data-testid="needs-print">
          {t('lists:needs.print')}
        </Button>
        <Button size="large" icon={<DownloadOutlined />} onClick={exportSheet}>
          {t('lists:needs.export')}
        </Button>
        {can('lists.edit') && (
          <Button size="large" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('lists:needs.import')}
          </Button>
        )}
      </Space>
      <Space wrap>
        <Segmented value={state} onChange={(v) => setState(v as NonNullable<StateFilter>)} options={FILTERS.map((f) => ({ value: f, label: t(`lists:filter.${f}`) }))} data-testid="needs-filter" />
        <TreeSelect allowClear placeholder={t('lists:filter.category')} style={{ minWidth: 180 }} treeData={tree} value={categoryId} onChange={(v?: number) => setCategoryId(v)} treeDefaultExpandAll />
        <Select allowClear placeholder={t('lists:filter.grid')} style={{ minWidth: 160 }} value={gridId} onChange={(v?: number) => setGridId(v)} options={(choices.data?.grids ?? []).map((g) => ({ value: g.id, label: g.name }))} />
        <Space>
          <Switch checked={wish} onChange={setWish} />
          {t('lists:filter.wishOnly')}
        </Space>
      </Space>
      <Table<NeedRow>
        rowKey="id"
        dataSource={needs.data ?? []}
        loading={needs.isFetching}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('lists:needs.empty') }}
        onRow={(r) => openableRow(() => navigate(links.need(r.id)))}
        data-testid="need-list"
        columns={[
          { title: t('lists:fields.number'), dataIndex: 'number', width: 130, className: 'mono' },
          { title: t('lists:fields.category'), dataIndex: 'category', width: 110 },
          { title: t('lists:fields.content'), dataIndex: 'content' },
          { title: t('lists:fields.beneficiary'), dataIndex: 'beneficiary', width: 140 },
          { title: t('lists:fields.grid'), dataIndex: 'grid', width: 100 },
          { title: t('lists:fields.wantedBy'), dataIndex: 'wantedBy', width: 120 },
          { title: t('lists:fields.provider'), dataIndex: 'provider', width: 150 },
          { title: t('lists:fields.state'), width: 170, render: (_, r) => <NeedStateTag need={r} /> },
        ]}
      />
      {adding && <NeedDialog onClose={() => setAdding(false)} />}
      {importing && <ListImportDialog list="needs" onClose={() => setImporting(false)} />}
    </Space>
  );
}
