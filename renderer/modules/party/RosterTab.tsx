import { useState } from 'react';
import { App, Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { PlusOutlined, PrinterOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MEMBER_STATUSES, type MemberRow } from '../../../shared/contract/party';
import { yuan } from '../../../shared/rules/party';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { saveFile } from '../../components/download';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { MemberDialog } from './MemberDialog';
import { ImportMembersDialog } from './ImportMembersDialog';
import { openableRow } from '../../components/openableRow';
import { printLinks } from '../../../shared/contract/links';

type StatusFilter = (typeof MEMBER_STATUSES)[number] | 'all';

/** 党员花名册: who is in the branch, in what standing; add, open, print and export. */
export function RosterTab({ branchId }: { branchId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [status, setStatus] = useState<StatusFilter>('normal');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const filters = { branchId, status, q };
  const members = useCall('party.members', filters, { keepPrevious: true });
  const stats = useCall('party.stats', { branchId });
  const code = (list: string, v: string) => (v ? t(`codes:${list}.${v}`) : '');

  const exportRoster = async () => {
    try {
      saveFile(await call('party.exportRoster', filters));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          size="large"
          placeholder={t('party:roster.search')}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ('')}
          style={{ width: 260 }}
          data-testid="party-search"
        />
        <Select<StatusFilter>
          size="large"
          value={status}
          onChange={setStatus}
          style={{ width: 160 }}
          aria-label={t('party:fields.status')}
          options={[...MEMBER_STATUSES, 'all' as const].map((s) => ({ value: s, label: s === 'all' ? t('party:roster.allStatus') : t(`party:status.${s}`) }))}
        />
        {can('party.edit') && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setOpen('new')} data-testid="member-add">
            {t('party:roster.add')}
          </Button>
        )}
        {can('party.edit') && branchId && (
          <Button size="large" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="member-import">
            {t('party:import.title')}
          </Button>
        )}
        {can('party.export') && (
          <>
            <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(printLinks.partyRoster, { branch: branchId, status })} data-testid="party-roster-print">
              {t('party:roster.print')}
            </Button>
            <Button size="large" icon={<DownloadOutlined />} onClick={() => void exportRoster()}>
              {t('party:roster.export')}
            </Button>
          </>
        )}
      </Space>
      <Table<MemberRow>
        rowKey="id"
        size="middle"
        loading={members.isFetching}
        dataSource={members.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('party:roster.count', { count: n }) }}
        locale={{ emptyText: t('party:roster.empty') }}
        onRow={(r) => openableRow(() => setOpen(r.id))}
        data-testid="party-members"
        columns={[
          { title: t('party:fields.name'), dataIndex: 'name', render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a> },
          { title: t('party:fields.gender'), dataIndex: 'gender', render: (v: string) => code('gender', v), width: 70 },
          { title: t('party:fields.age'), dataIndex: 'age', width: 70 },
          { title: t('party:fields.branch'), dataIndex: 'branchName' },
          { title: t('party:fields.category'), dataIndex: 'category', render: (v: MemberRow['category']) => <Tag color={v === 'full' ? 'red' : 'orange'}>{t(`party:category.${v}`)}</Tag> },
          { title: t('party:fields.joinDate'), dataIndex: 'joinDate' },
          { title: t('party:fields.status'), dataIndex: 'status', render: (v: MemberRow['status']) => t(`party:status.${v}`) },
          { title: t('party:fields.employer'), dataIndex: 'employer', ellipsis: true },
          { title: t('party:fields.phone'), dataIndex: 'phoneMasked' },
          { title: t('party:fields.dues'), dataIndex: 'duesFen', render: (v: number) => yuan(v), align: 'right' },
        ]}
      />
      {stats.data && (
        <Card size="small" title={t('party:stats.title')}>
          <Row gutter={24}>
            <Col span={4}>
              <Statistic title={t('party:stats.total')} value={stats.data.total} />
            </Col>
            <Col span={4}>
              <Statistic title={t('party:category.full')} value={stats.data.full} />
            </Col>
            <Col span={4}>
              <Statistic title={t('party:category.probationary')} value={stats.data.probationary} />
            </Col>
            <Col span={12}>
              <p>
                {t('party:stats.byAge')}: {stats.data.byAge.map((b) => `${t('party:stats.ageBand', { band: b.band })} ${b.count}`).join(t('sep'))}
              </p>
              <p>
                {t('party:stats.byYears')}: {stats.data.byYears.map((b) => `${t('party:stats.yearsBand', { band: b.band })} ${b.count}`).join(t('sep'))}
              </p>
              <p>
                {t('party:stats.byGender')}: {stats.data.byGender.map((b) => `${code('gender', b.code) || t('party:stats.unknown')} ${b.count}`).join(t('sep'))}
                {'　'}
                {t('party:stats.byEducation')}: {stats.data.byEducation.map((b) => `${code('education', b.code) || t('party:stats.unknown')} ${b.count}`).join(t('sep'))}
              </p>
            </Col>
          </Row>
        </Card>
      )}
      {importing && branchId && <ImportMembersDialog branchId={branchId} onClose={() => setImporting(false)} />}
      {open !== null && <MemberDialog id={open === 'new' ? undefined : open} defaultBranch={branchId} onClose={() => setOpen(null)} />}
    </Space>
  );
}
