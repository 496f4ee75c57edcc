import { useState } from 'react';
import { App, Button, Modal, Space, Switch, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ResourceRow } from '../../../shared/contract/lists';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { saveFile } from '../../components/download';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { ResourceDialog } from './ResourceDialog';
import { ListImportDialog } from './ListImportDialog';
import { Reasons } from './Reasons';
import { openableRow } from '../../components/openableRow';
import { links, printLinks } from '../../../shared/contract/links';

/** 资源清单: what units, organisations, volunteers and reporting members offer, and how much of it is left. */
export function ResourcesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [activeOnly, setActiveOnly] = useState(true);
  const [editing, setEditing] = useState<ResourceRow | 'new'>();
  const [importing, setImporting] = useState(false);
  const [needsFor, setNeedsFor] = useState<ResourceRow>();
  const resources = useCall('lists.resources', { activeOnly }, { keepPrevious: true });
  const exportSheet = () =>
    call('lists.export', { list: 'resources' })
      .then(saveFile)
      .catch((err: unknown) => message.error(errorText(t, err)));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {can('lists.edit') && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="resource-add">
            {t('lists:resources.add')}
          </Button>
        )}
        <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.resourceList)} data-testid="resources-print">
          {t('lists:resources.print')}
        </Button>
        <Button size="large" icon={<DownloadOutlined />} onClick={exportSheet}>
          {t('lists:needs.export')}
        </Button>
        {can('lists.edit') && (
          <Button size="large" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('lists:resources.import')}
          </Button>
        )}
        <Space>
          <Switch checked={activeOnly} onChange={setActiveOnly} />
          {t('lists:resources.activeOnly')}
        </Space>
      </Space>
      <Table<ResourceRow>
        rowKey="id"
        dataSource={resources.data ?? []}
        loading={resources.isFetching}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('lists:resources.empty') }}
        data-testid="resource-list"
        columns={[
          { title: t('lists:fields.provider'), render: (_, r) => <Space direction="vertical" size={0}><span>{r.provider}</span><Tag>{t(`lists:kind.${r.providerKind}`)}</Tag></Space>, width: 200 },
          { title: t('lists:fields.category'), dataIndex: 'category', width: 100 },
          { title: t('lists:fields.resourceContent'), dataIndex: 'content' },
          { title: t('lists:fields.capacityShort'), width: 130, render: (_, r) => `${t(`lists:period.${r.capacityPeriod}`, { count: r.capacity })} · ${t('lists:fields.used')} ${r.used}` },
          { title: t('lists:fields.gridsShort'), width: 130, render: (_, r) => r.grids || t('lists:fields.allGrids') },
          { title: t('lists:fields.record'), width: 150, render: (_, r) => t('lists:fields.recordValue', { finished: r.finished, hours: r.hours }) },
          {
            title: '',
            width: 200,
            render: (_, r) => (
              <Space wrap>
                {!r.active && <Tag>{t('lists:resources.inactive')}</Tag>}
                {r.active && (
                  <Button onClick={() => setNeedsFor(r)} data-testid={`needs-for-${r.id}`}>
                    {t('lists:resources.needsFor')}
                  </Button>
                )}
                {can('lists.edit') && <Button onClick={() => setEditing(r)}>{t('actions.edit')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      {editing && <ResourceDialog resource={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
      {importing && <ListImportDialog list="resources" onClose={() => setImporting(false)} />}
      {needsFor && <NeedsForDialog resource={needsFor} onClose={() => setNeedsFor(undefined)} />}
    </Space>
  );
}

/** The other direction of the matching: the waiting needs this resource could meet, best first. */
function NeedsForDialog({ resource, onClose }: { resource: ResourceRow; onClose: () => void }) {
  const { t } = useTranslation();
  const needs = useCall('lists.needsFor', { resourceId: resource.id });
  return (
    <Modal open width={1000} title={t('lists:resources.needsForTitle', { provider: resource.provider })} onCancel={onClose} footer={null}>
      <Table
        rowKey="needId"
        loading={needs.isFetching}
        dataSource={needs.data ?? []}
        pagination={{ pageSize: 8 }}
        locale={{ emptyText: t('lists:resources.noNeeds') }}
        onRow={(r) => openableRow(() => navigate(links.need(r.needId)))}
        columns={[
          { title: t('lists:fields.score'), dataIndex: 'score', width: 70 },
          { title: t('lists:fields.number'), dataIndex: 'number', width: 120 },
          { title: t('lists:fields.content'), dataIndex: 'content' },
          { title: t('lists:fields.beneficiary'), dataIndex: 'beneficiary', width: 120 },
          { title: t('lists:fields.reasons'), render: (_, r) => <Reasons reasons={r.reasons} /> },
        ]}
      />
    </Modal>
  );
}
