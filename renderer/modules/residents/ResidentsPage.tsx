import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { AgeTags } from './AgeTags';
import { useCan } from '../accounts/api';
import type { ResidentRow } from '../../../shared/contract/residents';
import type { Language } from '../../../shared/i18n/languages';
import { CARE_TAG, RESIDENCE_TYPE } from '../../../shared/rules/codes';
import { useCall } from '../../api/hooks';
import { call } from '../../api/client';
import { errorText } from '../../components/errors';
import { saveFile } from '../../components/download';
import { navigate } from '../../app/router';
import { ColumnChooser, useChosenColumns } from '../../components/ColumnChooser';
import { openableRow } from '../../components/openableRow';
import { ListSearch } from '../../components/ListSearch';
import { filtersFromQuery, filtersToQuery } from './filters';
import { links, printLinks } from '../../../shared/contract/links';

const PAGE_SIZE = 50;
/** Columns a user may hide; at 1366 px the grid and the relation make way by default (the address says where). */
const OPTIONAL = ['gender', 'age', 'idMasked', 'phoneMasked', 'gridName', 'address', 'relation', 'residenceType', 'tags'] as const;
const SHOWN_BY_DEFAULT = OPTIONAL.filter((c) => c !== 'gridName' && c !== 'relation');

export function ResidentsPage({ query }: { query: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const filters = useMemo(() => filtersFromQuery(query), [query]);
  const page = Number(query.get('page') ?? 1);
  const [typed, setTyped] = useState(filters.q);
  const [exporting, setExporting] = useState(false);
  const can = useCan();
  const tree = useCall('community.tree', {});
  const result = useCall('residents.search', { ...filters, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { keepPrevious: true });

  const update = (patch: Partial<typeof filters>) => navigate('residents', filtersToQuery({ ...filters, ...patch }));

  // Results follow the typing: a pause of 80 ms sends one request; a superseded one is cancelled and never shown.
  useEffect(() => {
    if (typed === filters.q) return;
    const timer = setTimeout(() => update({ q: typed }), 80);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  const grids = tree.data ?? [];
  const buildings = grids.flatMap((g) => (filters.gridId && g.id !== filters.gridId ? [] : g.buildings));
  const code = (list: string, v: string) => (v ? t(`codes:${list}.${v}`) : '');

  const chosen = useChosenColumns('residents', OPTIONAL, SHOWN_BY_DEFAULT);
  const allColumns: ColumnsType<ResidentRow> = [
    { title: t('residents:fields.name'), dataIndex: 'name', width: 110, fixed: 'left', render: (v: string, r) => <a href={`#/${links.resident(r.id)}`}>{v}</a> },
    { title: t('residents:fields.gender'), dataIndex: 'gender', width: 84, render: (v: string) => code('gender', v) },
    { title: t('residents:fields.age'), dataIndex: 'age', width: 64 },
    { title: t('residents:fields.idNumber'), dataIndex: 'idMasked', width: 190, className: 'mono' },
    { title: t('residents:fields.phone'), dataIndex: 'phoneMasked', width: 130 },
    { title: t('residents:fields.grid'), dataIndex: 'gridName', width: 110 },
    { title: t('residents:fields.address'), dataIndex: 'address', width: 180 },
    { title: t('residents:fields.relation'), dataIndex: 'relation', width: 100, render: (v: string) => code('relation', v) },
    { title: t('residents:fields.residenceType'), dataIndex: 'residenceType', width: 120, render: (v: string) => code('residenceType', v) },
    {
      title: t('residents:fields.tags'),
      dataIndex: 'tags',
      width: 172,
      render: (tags: string[], r) => (
        <>
          <AgeTags age={r.age} />
          {tags.map((tag) => (
            <Tag key={tag}>{code('careTag', tag)}</Tag>
          ))}
          {r.status !== 'active' && <Tag color="default">{code('status', r.status)}</Tag>}
        </>
      ),
    },
  ];

  const columns = allColumns.filter((c) => 'dataIndex' in c && (c.dataIndex === 'name' || chosen.shown.includes(String(c.dataIndex))));
  const tableWidth = columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0);

  const exportXlsx = async (full: boolean) => {
    setExporting(true);
    try {
      saveFile(await call('residents.export', { ...filters, lang: i18n.language as Language, full }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card className="page-card" title={t('residents:list.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <ListSearch
            width={560}
            placeholder={t('residents:list.searchPlaceholder')}
            label={t('residents:list.search')}
            value={typed}
            onChange={setTyped}
            onSearch={(v) => update({ q: v })}
            rowsTestId="resident-table"
            testId="resident-search"
          />
          {can('residents.edit') && (
            <Button type="primary" size="large" icon={<PlusOutlined />} href="#/residents/new">
              {t('residents:list.add')}
            </Button>
          )}
          {can('residents.print') && (
            <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.roster, filtersToQuery(filters))}>
              {t('residents:list.printRoster')}
            </Button>
          )}
          {can('residents.export') && (
            <Button size="large" icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportXlsx(false)}>
              {t('residents:list.export')}
            </Button>
          )}
          {can('residents.export') && can('residents.reveal') && (
            <Popconfirm title={t('residents:exportFullConfirm')} okText={t('residents:exportFull')} cancelText={t('actions.cancel')} onConfirm={() => void exportXlsx(true)} okButtonProps={{ size: 'large' }} cancelButtonProps={{ size: 'large' }}>
              <Button size="large" loading={exporting}>
                {t('residents:exportFull')}
              </Button>
            </Popconfirm>
          )}
        </Space>
        <Space wrap>
          <Select
            allowClear
            placeholder={t('residents:fields.grid')}
            style={{ width: 150 }}
            value={filters.gridId}
            onChange={(v?: number) => update({ gridId: v, buildingId: undefined })}
            options={grids.map((g) => ({ value: g.id, label: g.name }))}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('residents:fields.building')}
            style={{ width: 150 }}
            value={filters.buildingId}
            onChange={(v?: number) => update({ buildingId: v })}
            options={buildings.map((b) => ({ value: b.id, label: b.name }))}
          />
          <Select
            style={{ width: 130 }}
            value={filters.status}
            onChange={(v: typeof filters.status) => update({ status: v })}
            options={['active', 'moved_out', 'deceased', 'all'].map((s) => ({ value: s, label: s === 'all' ? t('residents:list.allStatus') : code('status', s) }))}
            aria-label={t('residents:fields.status')}
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={t('residents:fields.tags')}
            style={{ minWidth: 200 }}
            value={filters.tags}
            onChange={(v: string[]) => update({ tags: v })}
            options={[{ value: 'elderly', label: t('residents:tags.elderly') }, ...CARE_TAG.map((c) => ({ value: c.code, label: code('careTag', c.code) }))]}
          />
          <Select
            allowClear
            placeholder={t('residents:fields.residenceType')}
            style={{ width: 170 }}
            value={filters.residenceType}
            onChange={(v?: string) => update({ residenceType: v })}
            options={RESIDENCE_TYPE.map((c) => ({ value: c.code, label: code('residenceType', c.code) }))}
          />
          <Select
            allowClear
            placeholder={t('residents:fields.gender')}
            style={{ width: 100 }}
            value={filters.gender}
            onChange={(v?: '1' | '2') => update({ gender: v })}
            options={['1', '2'].map((g) => ({ value: g, label: code('gender', g) }))}
          />
          <Space.Compact>
            <InputNumber min={0} max={150} placeholder={t('residents:list.ageFrom')} value={filters.ageMin} onChange={(v) => update({ ageMin: v ?? undefined })} style={{ width: 100 }} />
            <InputNumber min={0} max={150} placeholder={t('residents:list.ageTo')} value={filters.ageMax} onChange={(v) => update({ ageMax: v ?? undefined })} style={{ width: 100 }} />
          </Space.Compact>
          <Select
            style={{ width: 150 }}
            value={`${filters.sort}:${filters.order}`}
            aria-label={t('residents:list.sort')}
            onChange={(v: string) => {
              const [sort, order] = v.split(':') as [typeof filters.sort, typeof filters.order];
              update({ sort, order });
            }}
            options={['address:asc', 'name:asc', 'age:desc', 'age:asc', 'entry:desc'].map((v) => ({ value: v, label: t(`residents:sort.${v.replace(':', '_')}`) }))}
          />
          <ColumnChooser
            options={allColumns.map((c) => ({ value: String('dataIndex' in c ? c.dataIndex : ''), label: String(c.title), fixed: 'dataIndex' in c && c.dataIndex === 'name' }))}
            shown={chosen.shown}
            onChange={chosen.choose}
            testId="resident-columns"
          />
        </Space>
        {result.isError && <Typography.Text type="danger">{errorText(t, result.error)}</Typography.Text>}
        {/* data-shown-q: the query whose rows are on screen (the benchmark measures keystroke → rows with it). */}
        <div data-testid="resident-results" data-shown-q={result.data && !result.isPlaceholderData ? filters.q : undefined} hidden />
        <Table<ResidentRow>
          virtual
          size="middle"
          rowKey="id"
          loading={result.isFetching && !result.data}
          columns={columns}
          dataSource={result.data?.rows ?? []}
          scroll={{ x: tableWidth, y: 560 }}
          onRow={(r) => openableRow(() => navigate(links.resident(r.id)))}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: result.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => (result.data?.totalCapped ? t('residents:list.totalCapped', { count: n }) : t('residents:list.total', { count: n })),
            onChange: (p) => navigate('residents', { ...filtersToQuery(filters), page: p }),
          }}
          locale={{ emptyText: t('residents:list.empty') }}
          data-testid="resident-table"
        />
      </Space>
    </Card>
  );
}
