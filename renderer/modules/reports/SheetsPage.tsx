import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SHEET_FIELDS, type SheetField, type SheetTemplate } from '../../../shared/contract/reports';
import { call } from '../../api/client';
import { useCall, useWrite } from '../../api/hooks';
import { CodeSelect } from '../../components/CodeSelect';
import { ColumnMapping } from '../../components/ColumnMapping';
import { fileToBase64, saveFile } from '../../components/download';
import { errorText } from '../../components/errors';
import { ContractFields, ContractItem } from '../../components/StepDialog';
import { useCan } from '../accounts/api';
import { useAskBeforeClosing } from '../../components/askBeforeClosing';

/** 1 → A, 27 → AA: how the department's sheet names its columns. */

/** The administrator's upload: a name for the form, whose it is, and the file as the department sent it. */
function UploadTemplate({ onUploaded }: { onUploaded: (t: SheetTemplate) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; department: string }>();
  const [file, setFile] = useState<File>();
  const upload = useWrite('sheets.upload');
  const submit = async (v: { name: string; department: string }) => {
    if (!file) return void message.error(t('reports:sheets.needFile'));
    upload.mutate(
      { name: v.name.trim(), department: (v.department ?? '').trim(), fileName: file.name, base64: await fileToBase64(file) },
      {
        onSuccess: (tpl) => {
          message.success(t('reports:sheets.uploaded', { count: Object.keys(tpl.mapping).length, columns: tpl.columns.length }));
          form.resetFields();
          setFile(undefined);
          onUploaded(tpl);
        },
        onError: (err) => message.error(errorText(t, err)),
      },
    );
  };
  return (
    <Card size="small" title={t('reports:sheets.uploadTitle')}>
      <Typography.Paragraph type="secondary">{t('reports:sheets.uploadHint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => void submit(v)}>
        <ContractFields method="sheets.upload">
          <ContractItem name="name" label={t('reports:sheets.name')}>
            <Input style={{ width: 220 }} data-testid="sheet-name" />
          </ContractItem>
        </ContractFields>
        <Form.Item name="department" label={t('reports:sheets.department')}>
          <Input style={{ width: 180 }} data-testid="sheet-department" />
        </Form.Item>
        <Form.Item>
          <Upload accept=".xlsx" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(undefined)} fileList={file ? [{ uid: '1', name: file.name }] : []}>
            <Button size="large" icon={<UploadOutlined />} data-testid="sheet-file">
              {t('reports:sheets.chooseFile')}
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Button type="primary" size="large" htmlType="submit" loading={upload.isPending} data-testid="sheet-upload">
            {t('reports:sheets.upload')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** Which column takes which field: the template's own header on the left, the ledger's fields to pick on the right. */
function MappingDialog({ template, onClose }: { template: SheetTemplate; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mapping, setMapping] = useState<Record<string, SheetField>>(template.mapping);
  const save = useWrite('sheets.saveMapping');
  return (
    <Modal
      open
      width={760}
      title={t('reports:sheets.mappingTitle', { name: template.name })}
      onCancel={onClose}
      okText={t('actions.save')}
      okButtonProps={{ size: 'large', loading: save.isPending, id: 'mapping-save' }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() =>
        save.mutate(
          { id: template.id, mapping },
          {
            onSuccess: () => (message.success(t('reports:sheets.mappingSaved')), onClose()),
            onError: (err) => message.error(errorText(t, err)),
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('reports:sheets.mappingHint', { row: template.headerRow })}</Typography.Paragraph>
      {/* exceljs counts columns from 1; the shared table counts from 0 like the import. */}
      <ColumnMapping
        columns={template.columns.map((c) => ({ key: String(c.index - 1), header: c.header }))}
        value={Object.fromEntries(Object.entries(mapping).map(([k, f]) => [String(Number(k) - 1), f]))}
        onChange={(next) => setMapping(Object.fromEntries(Object.entries(next).map(([k, f]) => [String(Number(k) + 1), f as SheetField])))}
        options={SHEET_FIELDS.map((f) => ({ value: f, label: t(`reports:field.${f}`) }))}
      />
    </Modal>
  );
}

interface Filter {
  gridId?: number;
  tag?: string;
  minAge?: number;
  maxAge?: number;
  status: 'active' | 'moved_out' | 'deceased';
  full?: boolean;
}

/** Who goes into the sheet: a grid, a care group, an age range; then the filled file is saved. */
function FillDialog({ template, onClose }: { template: SheetTemplate; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Filter>();
  const closeAsking = useAskBeforeClosing(form, onClose);
  const [busy, setBusy] = useState(false);
  const scopes = useCall('reports.scopes', {});
  const can = useCan();
  const fill = async (filter: Filter) => {
    setBusy(true);
    try {
      const { full, ...scope } = filter;
      const clean = Object.fromEntries(Object.entries(scope).filter(([, v]) => v !== undefined && v !== null && v !== '')) as unknown as Filter;
      const file = await call('sheets.fill', { id: template.id, filter: clean, full: !!full });
      saveFile(file);
      message.success(t('reports:sheets.filled', { count: file.rows }));
      onClose();
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('reports:sheets.fillTitle', { name: template.name })}
      onCancel={closeAsking} maskClosable={false}
      okText={t('reports:sheets.fillNow')}
      okButtonProps={{ size: 'large', loading: busy, id: 'fill-now' }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" initialValues={{ status: 'active' }} onFinish={(v) => void fill(v)}>
        <Form.Item name="gridId" label={t('reports:page.grid')}>
          <Select allowClear placeholder={t('reports:wholeCommunity')} options={scopes.data?.grids.map((g) => ({ value: g.id, label: g.name }))} data-testid="fill-grid" />
        </Form.Item>
        <Form.Item name="tag" label={t('reports:sheets.careGroup')}>
          <CodeSelect list="careTag" allowClear placeholder={t('reports:sheets.anyone')} data-testid="fill-tag" />
        </Form.Item>
        <Space>
          <Form.Item name="minAge" label={t('reports:sheets.minAge')}>
            <InputNumber min={0} max={150} precision={0} style={{ width: 120 }} data-testid="fill-min-age" />
          </Form.Item>
          <Form.Item name="maxAge" label={t('reports:sheets.maxAge')}>
            <InputNumber min={0} max={150} precision={0} style={{ width: 120 }} data-testid="fill-max-age" />
          </Form.Item>
        </Space>
        <Form.Item name="status" label={t('reports:sheets.status')}>
          <CodeSelect list="status" data-testid="fill-status" />
        </Form.Item>
        {can('residents.reveal') && (
          <Form.Item name="full" valuePropName="checked" extra={t('reports:sheets.fullHelp')}>
            <Checkbox data-testid="fill-full">{t('reports:sheets.full')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 上级报表: the departments' forms, kept with their column mapping, each filled from the ledger in one click. */
export function SheetsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const list = useCall('sheets.list', {});
  const remove = useWrite('sheets.remove');
  const [mapping, setMapping] = useState<SheetTemplate>();
  const [filling, setFilling] = useState<SheetTemplate>();
  const manage = can('templates.manage');
  return (
    <Card className="page-card" title={t('reports:sheets.title')}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('reports:sheets.intro')}</Typography.Paragraph>
        {manage && <UploadTemplate onUploaded={setMapping} />}
        <Table
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data}
          pagination={false}
          locale={{ emptyText: t(manage ? 'reports:sheets.emptyAdmin' : 'reports:sheets.empty') }}
          data-testid="sheet-list"
          columns={[
            { title: t('reports:sheets.name'), dataIndex: 'name' },
            { title: t('reports:sheets.department'), dataIndex: 'department' },
            { title: t('reports:sheets.mapped'), render: (_, r) => t('reports:sheets.mappedCount', { count: Object.keys(r.mapping).length, columns: r.columns.length }) },
            {
              title: '',
              render: (_, r) => (
                <Space wrap>
                  <Button type="primary" size="large" icon={<DownloadOutlined />} disabled={!Object.keys(r.mapping).length} onClick={() => setFilling(r)} data-testid={`fill-${r.id}`}>
                    {t('reports:sheets.fill')}
                  </Button>
                  {manage && (
                    <Button size="large" onClick={() => setMapping(r)} data-testid={`map-${r.id}`}>
                      {t('reports:sheets.map')}
                    </Button>
                  )}
                  {manage && (
                    <Popconfirm title={t('reports:sheets.removeConfirm', { name: r.name })} onConfirm={() => remove.mutate({ id: r.id }, { onError: (err) => message.error(errorText(t, err)) })}>
                      <Button size="large" danger>
                        {t('reports:sheets.remove')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
      {mapping && <MappingDialog template={mapping} onClose={() => setMapping(undefined)} />}
      {filling && <FillDialog template={filling} onClose={() => setFilling(undefined)} />}
    </Card>
  );
}
