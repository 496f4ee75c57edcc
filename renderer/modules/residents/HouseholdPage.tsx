import { App, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HouseholdCard } from '../../../shared/contract/residents';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { navigate } from '../../app/router';
import { useCan } from '../accounts/api';
import { links, printLinks } from '../../../shared/contract/links';
import { Waiting } from '../../components/Waiting';

type Member = HouseholdCard['members'][number];

/** The household card on screen: members, head, and the way to add a member or print the card. */
export function HouseholdPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const card = useCall('households.card', { id });
  const setHead = useWrite('households.setHead');
  const can = useCan();
  if (!card.isSuccess) return <Waiting query={card} />;
  const h = card.data;
  const code = (list: string, v: string) => (v ? t(`codes:${list}.${v}`) : '');
  const head = h.members.find((m) => m.id === h.headId);
  return (
    <Card
      className="page-card"
      title={t('residents:household.title', { address: `${h.gridName} ${h.address}` })}
      extra={
        <Space>
          {can('residents.edit') && (
            <Button type="primary" icon={<PlusOutlined />} href={`#/residents/new?household=${h.id}`} data-testid="add-member">
              {t('residents:household.addMember')}
            </Button>
          )}
          {can('residents.print') && (
            <Button icon={<PrinterOutlined />} onClick={() => navigate(printLinks.household(h.id))}>
              {t('residents:household.print')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions bordered size="middle" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('residents:fields.householdNumber')}>{h.number}</Descriptions.Item>
        <Descriptions.Item label={t('residents:household.head')}>{head?.name ?? t('residents:household.noHead')}</Descriptions.Item>
        <Descriptions.Item label={t('residents:household.memberCount')}>{h.members.length}</Descriptions.Item>
      </Descriptions>
      <Table<Member>
        rowKey="id"
        pagination={false}
        dataSource={h.members}
        data-testid="household-members"
        columns={[
          { title: t('residents:fields.name'), dataIndex: 'name', render: (v: string, m) => <a href={`#/${links.resident(m.id)}`}>{v}</a> },
          { title: t('residents:fields.relation'), dataIndex: 'relation', render: (v: string) => code('relation', v) },
          { title: t('residents:fields.gender'), dataIndex: 'gender', render: (v: string) => code('gender', v) },
          { title: t('residents:fields.birthDate'), dataIndex: 'birthDate' },
          { title: t('residents:fields.idNumber'), dataIndex: 'idMasked' },
          { title: t('residents:fields.phone'), dataIndex: 'phoneMasked' },
          { title: t('residents:fields.tags'), dataIndex: 'tags', render: (tags: string[]) => tags.map((x) => <Tag key={x}>{code('careTag', x)}</Tag>) },
          {
            title: '',
            key: 'actions',
            render: (_v, m) =>
              m.id !== h.headId &&
              can('residents.edit') && (
                <Button
                  size="small"
                  onClick={() =>
                    setHead.mutate({ householdId: h.id, residentId: m.id }, { onError: (e) => message.error(errorText(t, e)), onSuccess: () => message.success(t('residents:household.headChanged', { name: m.name })) })
                  }
                >
                  {t('residents:household.makeHead')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
