import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Switch, Tag, Tree, TreeSelect } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/contract/lists';
import { useWrite } from '../../api/hooks';
import { enterToNext } from '../../components/keyboard';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { categoryTree, useCategories, type CategoryNode } from './useCategories';
import { ContractFields, ContractItem } from '../../components/StepDialog';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';

interface TreeItem {
  key: number;
  title: ReactNode;
  children: TreeItem[];
}

/** The category tree that decides which resources can meet which needs; the committee edits it. */
export function CategoriesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const { list } = useCategories(false);
  const [editing, setEditing] = useState<Partial<Category>>();
  const byId = new Map(list.map((c) => [c.id, c]));
  const render = (nodes: CategoryNode[]): TreeItem[] =>
    nodes.map((n) => {
      const c = byId.get(n.value)!;
      return {
        key: n.value,
        title: (
          <Space>
            <span>{n.title}</span>
            {!c.active && <Tag>{t('lists:categories.inactive')}</Tag>}
            {can('lists.edit') && (
              <>
                <Button size="small" type="link" onClick={() => setEditing(c)}>
                  {t('actions.edit')}
                </Button>
                {c.parentId === null && (
                  <Button size="small" type="link" onClick={() => setEditing({ parentId: c.id })}>
                    {t('lists:categories.addChild')}
                  </Button>
                )}
              </>
            )}
          </Space>
        ),
        children: render(n.children),
      };
    });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('lists:categories.help')} />
      {can('lists.edit') && (
        <Button size="large" icon={<PlusOutlined />} onClick={() => setEditing({ parentId: null })}>
          {t('lists:categories.add')}
        </Button>
      )}
      {list.length > 0 && <Tree defaultExpandAll selectable={false} treeData={render(categoryTree(list, false))} style={{ fontSize: 16 }} />}
      {editing && <CategoryDialog category={editing} all={list} onClose={() => setEditing(undefined)} />}
    </Space>
  );
}

function CategoryDialog({ category, all, onClose }: { category: Partial<Category>; all: Category[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const save = useWrite('lists.saveCategory');
  const tops = categoryTree(all.filter((c) => c.parentId === null && c.id !== category.id), false).map((n) => ({ ...n, children: [] }));
  const submit = (v: { name: string; parentId?: number | null; active: boolean }) =>
    save.mutate(
      { id: category.id, name: v.name, parentId: v.parentId ?? null, active: v.active },
      {
        onSuccess: () => {
          message.success(t('lists:categories.saved'));
          onClose();
        },
        onError: (err) => message.error(errorText(t, err)),
      },
    );
  return (
    <Modal open title={t(category.id ? 'actions.edit' : 'lists:categories.add')} onCancel={closeAsking} maskClosable={false} onOk={() => form.submit()} okText={t('actions.save')} okButtonProps={{ size: 'large', loading: save.isPending }}>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={enterToNext} initialValues={{ name: category.name ?? '', parentId: category.parentId ?? undefined, active: category.active ?? true }}>
        <ContractFields method="lists.saveCategory">
          <ContractItem name="name" label={t('lists:categories.name')}>
            <Input maxLength={20} />
          </ContractItem>
        </ContractFields>
        <Form.Item name="parentId" label={t('lists:categories.parent')}>
          <TreeSelect allowClear treeData={tops} />
        </Form.Item>
        <Form.Item name="active" label={t('lists:fields.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
