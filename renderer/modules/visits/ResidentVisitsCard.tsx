import { Card, Empty, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ProblemTags } from './ProblemTags';
import { openableRow } from '../../components/openableRow';
import { links } from '../../../shared/contract/links';

/** On a resident's page: the visits to their household and the problems they raised. */
export function ResidentVisitsCard({ residentId }: { residentId: number }) {
  const { t } = useTranslation();
  const q = useCall('visits.forResident', { residentId });
  if (!q.data) return null;
  const { visits, problems } = q.data;
  return (
    <Card title={t('visits:visits.forResident')} data-testid="resident-visits">
      {visits.length === 0 && problems.length === 0 ? (
        <Empty description={t('visits:visits.noneForResident')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {problems.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={problems}
              onRow={(r) => openableRow(() => navigate(links.problem(r.id)))}
              columns={[
                { title: t('visits:fields.number'), dataIndex: 'number', width: 120 },
                { title: t('visits:fields.foundOn'), dataIndex: 'foundOn', width: 110 },
                { title: t('visits:fields.content'), dataIndex: 'content' },
                { title: t('visits:fields.state'), render: (_, r) => <ProblemTags p={r} />, width: 170 },
              ]}
            />
          )}
          {visits.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 5 }}
              dataSource={visits}
              columns={[
                { title: t('visits:fields.date'), dataIndex: 'date', width: 110 },
                { title: t('visits:fields.visitors'), dataIndex: 'visitors', width: 110 },
                { title: t('visits:fields.seen'), render: (_, v) => [v.seen, v.words].filter(Boolean).join(' / ') },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
