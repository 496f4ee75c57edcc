import { useState } from 'react';
import { App, Button, Card, Dropdown, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';
import { expandBuildings } from './buildings';
import { enterToNext } from '../../components/keyboard';
import { ContractFields, ContractItem } from '../../components/StepDialog';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';

type Renaming = { kind: 'grid' | 'building'; id: number; name: string; leader: string } | { kind: 'names' };

/**
 * Grids and buildings: added at any time, renamed (the residents' addresses follow), and removed only
 * where nothing was ever registered — a building typed by mistake, never a building with history.
 */
export function CommunityPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const tree = useCall('community.tree', {});
  const info = useCall('app.info', {});
  const addGrid = useWrite('community.addGrid');
  const addBuilding = useWrite('community.addBuilding');
  const [gridName, setGridName] = useState('');
  const [newBuildings, setNewBuildings] = useState<Record<number, string>>({});
  const [renaming, setRenaming] = useState<Renaming | null>(null);
  const remove = useWrite('community.remove');
  const removeOne = (kind: 'grid' | 'building', id: number) => remove.mutate({ kind, id }, { onSuccess: () => message.success(t('community.removed')), onError: fail });
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
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>
            {info.data?.streetName} · {info.data?.communityName} · {info.data?.committeeName}
          </Typography.Text>
          <Button icon={<EditOutlined />} onClick={() => setRenaming({ kind: 'names' })} data-testid="rename-names">
            {t('community.rename')}
          </Button>
        </Space>
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
        <Card
          key={g.id}
          title={g.name}
          size="small"
          extra={
            <Space>
              <Button size="small" onClick={() => setRenaming({ kind: 'grid', id: g.id, name: g.name, leader: '' })} data-testid={`rename-grid-${g.name}`}>
                {t('community.rename')}
              </Button>
              <Popconfirm title={t('community.removeConfirm', { name: g.name })} description={t('community.removeHelp')} okText={t('community.remove')} cancelText={t('actions.cancel')} okButtonProps={{ danger: true, size: 'large' }} cancelButtonProps={{ size: 'large' }} onConfirm={() => removeOne('grid', g.id)}>
                <Button size="small" danger data-testid={`remove-grid-${g.name}`}>
                  {t('community.remove')}
                </Button>
              </Popconfirm>
            </Space>
          }
        >
          <Space wrap style={{ marginBottom: 12 }}>
            {g.buildings.map((b) => (
              // Each building opens its two actions from the keyboard too (Enter on it).
              <Dropdown
                key={b.id}
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'rename', label: t('community.rename') },
                    { key: 'remove', label: t('community.remove'), danger: true },
                  ],
                  onClick: ({ key }) =>
                    key === 'rename'
                      ? setRenaming({ kind: 'building', id: b.id, name: b.name, leader: '' })
                      : void modal.confirm({ title: t('community.removeConfirm', { name: b.name }), content: t('community.removeHelp'), okText: t('community.remove'), cancelText: t('actions.cancel'), okButtonProps: { danger: true, size: 'large' }, cancelButtonProps: { size: 'large' }, onOk: () => removeOne('building', b.id) }),
                }}
              >
                <Button aria-label={t('community.buildingActions', { name: b.name })} style={{ fontSize: 15 }} data-testid={`building-${b.name}`}>
                  {b.name}
                </Button>
              </Dropdown>
            ))}
          </Space>
          <Space.Compact style={{ display: 'flex' }}>
            <Input placeholder={t('setup.buildingsHelp')} value={newBuildings[g.id] ?? ''} onChange={(e) => setNewBuildings((s) => ({ ...s, [g.id]: e.target.value }))} style={{ maxWidth: 420 }} />
            <Button onClick={() => void addBuildings(g.id)}>{t('community.addBuildings')}</Button>
          </Space.Compact>
        </Card>
      ))}
      {renaming && info.data && <RenameDialog what={renaming} names={{ communityName: info.data.communityName, committeeName: info.data.committeeName }} onClose={() => setRenaming(null)} />}
    </Space>
  );
}

/** A new name for a grid or a building, or the community's and committee's names. */
function RenameDialog({ what, names, onClose }: { what: Renaming; names: { communityName: string; committeeName: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const rename = useWrite('community.rename');
  const setNames = useWrite('community.setNames');
  const done = { onSuccess: () => (message.success(t('community.renamed')), onClose()), onError: (err: Error) => message.error(errorText(t, err)) };
  const submit = (v: { name: string; communityName: string; committeeName: string }) =>
    what.kind === 'names' ? setNames.mutate({ communityName: v.communityName, committeeName: v.committeeName }, done) : rename.mutate({ kind: what.kind, id: what.id, name: v.name, leader: what.leader }, done);
  const title = what.kind === 'names' ? t('community.renameNames') : t(what.kind === 'grid' ? 'community.renameGrid' : 'community.renameBuilding');
  return (
    <Modal open title={title} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} cancelText={t('actions.cancel')} okButtonProps={{ size: 'large', loading: rename.isPending || setNames.isPending, id: 'rename-save' }} cancelButtonProps={{ size: 'large' }}>
      <Form form={form} layout="vertical" size="large" onFinish={submit} onKeyDownCapture={enterToNext} initialValues={what.kind === 'names' ? names : { name: what.name }} data-testid="rename-form">
        {what.kind === 'names' ? (
          <ContractFields method="community.setNames">
            <ContractItem name="communityName" label={t('community.communityName')}>
              <Input data-testid="rename-community" />
            </ContractItem>
            <ContractItem name="committeeName" label={t('community.committeeName')}>
              <Input data-testid="rename-committee" />
            </ContractItem>
          </ContractFields>
        ) : (
          <ContractFields method="community.rename">
            <ContractItem name="name" label={t('community.newName')}>
              <Input data-testid="rename-name" />
            </ContractItem>
          </ContractFields>
        )}
      </Form>
    </Modal>
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
