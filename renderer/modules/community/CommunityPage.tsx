import { useState } from 'react';
import { App, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { expandBuildings } from './buildings';

/** Grids and buildings can be extended at any time; nothing here is ever deleted. */
export function CommunityPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tree = useCall('community.tree', {});
  const info = useCall('app.info', {});
  const addGrid = useWrite('community.addGrid');
  const addBuilding = useWrite('community.addBuilding');
  const [gridName, setGridName] = useState('');
  const [newBuildings, setNewBuildings] = useState<Record<number, string>>({});
  const fail = (err: Error) => message.error(errorText(t, err));

  const addBuildings = async (gridId: number) => {
    for (const name of expandBuildings(newBuildings[gridId] ?? '', (n) => t('setup.buildingName', { n }))) {
      try {
        await addBuilding.mutateAsync({ gridId, name, leader: '' });
      } catch (err) {
        fail(err as Error);
      }
    }
    setNewBuildings((s) => ({ ...s, [gridId]: '' }));
  };

  return (
    <Space direction="vertical" size="large" className="page-card" style={{ width: '100%' }}>
      <Card title={t('community.title')}>
        <Typography.Paragraph>
          {info.data?.streetName} · {info.data?.communityName} · {info.data?.committeeName}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('community.ledgerAt', { path: info.data?.ledgerPath ?? '' })}</Typography.Paragraph>
        {info.data && <CommitteePhone phone={info.data.committeePhone} />}
        <Space.Compact>
          <Input placeholder={t('setup.gridName')} value={gridName} onChange={(e) => setGridName(e.target.value)} style={{ width: 240 }} />
          <Button type="primary" onClick={() => addGrid.mutate({ name: gridName, leader: '' }, { onError: fail, onSuccess: () => setGridName('') })}>
            {t('setup.addGrid')}
          </Button>
        </Space.Compact>
      </Card>
      {(tree.data ?? []).map((g) => (
        <Card key={g.id} title={g.name} size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            {g.buildings.map((b) => (
              <Tag key={b.id} style={{ fontSize: 15, padding: '4px 10px' }}>
                {b.name}
              </Tag>
            ))}
          </Space>
          <Space.Compact style={{ display: 'flex' }}>
            <Input placeholder={t('setup.buildingsHelp')} value={newBuildings[g.id] ?? ''} onChange={(e) => setNewBuildings((s) => ({ ...s, [g.id]: e.target.value }))} style={{ maxWidth: 420 }} />
            <Button onClick={() => void addBuildings(g.id)}>{t('community.addBuildings')}</Button>
          </Space.Compact>
        </Card>
      ))}
    </Space>
  );
}

/** The committee's phone, printed on every certificate it issues (联系电话). */
function CommitteePhone({ phone }: { phone: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useWrite('community.setPhone');
  const [value, setValue] = useState(phone);
  return (
    // The label beside the box, not inside it: in English it would leave no room for the number.
    <Space wrap style={{ marginBottom: 16 }}>
      <label htmlFor="committee-phone">{t('community.phone')}</label>
      <Space.Compact>
        <Input id="committee-phone" placeholder="010-12345678" value={value} onChange={(e) => setValue(e.target.value)} style={{ width: 200 }} data-testid="committee-phone" />
        <Button onClick={() => save.mutate({ phone: value.trim() }, { onSuccess: () => message.success(t('community.phoneSaved')), onError: (err) => message.error(errorText(t, err)) })} data-testid="committee-phone-save">
          {t('actions.save')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
