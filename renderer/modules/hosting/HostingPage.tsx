import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, InputNumber, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { screenDateTime } from '../../../shared/rules/dates';
import type { DeskRow } from '../../../shared/contract/hosting';
import { useCall, useWrite } from '../../api/hooks';
import { errorText } from '../../components/errors';

/**
 * 多台电脑: this PC as the office's host. Host mode on (only then does Linli listen on the network),
 * its port, a pairing code for each new desk, and every desk with when it was last seen, who is signed
 * in there, and a way to cut it off.
 */
export function HostingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const status = useCall('hosting.status', {});
  const setMode = useWrite('hosting.setMode');
  const newCode = useWrite('hosting.newCode');
  const revoke = useWrite('hosting.revoke');
  const [port, setPort] = useState<number | null>(null);
  const [code, setCode] = useState<{ code: string; expires: string } | null>(null);
  const fail = (err: Error) => message.error(errorText(t, err));
  const when = (iso: string) => (iso ? screenDateTime(iso) : t('hosting.never'));
  const s = status.data;
  if (!s) return <Card className="page-card" loading={status.isPending} title={t('hosting.title')} />;
  const chosenPort = port ?? s.port;
  const address = (s.addresses[0] ?? '?') + (chosenPort === 47800 ? '' : `:${chosenPort}`);
  return (
    <Card className="page-card" title={t('hosting.title')}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('hosting.intro')}</Typography.Paragraph>
        <Space wrap align="center">
          <Switch
            checked={s.enabled}
            loading={setMode.isPending}
            onChange={(on) => setMode.mutate({ enabled: on, port: chosenPort }, { onError: fail, onSuccess: (r) => message.success(r.enabled ? t('hosting.onNow') : t('hosting.offNow')) })}
            data-testid="host-mode"
          />
          <Typography.Text strong>{t('hosting.mode')}</Typography.Text>
          <Typography.Text>{t('hosting.port')}</Typography.Text>
          <InputNumber min={1024} max={65535} value={chosenPort} onChange={(v) => setPort(v)} aria-label={t('hosting.port')} data-testid="host-port" />
          {port !== null && port !== s.port && (
            <Button onClick={() => setMode.mutate({ enabled: s.enabled, port }, { onError: fail, onSuccess: () => setPort(null) })}>{t('hosting.usePort')}</Button>
          )}
        </Space>
        {s.enabled && (
          <Descriptions bordered column={1} size="middle">
            <Descriptions.Item label={t('hosting.addressLabel')}>
              <Typography.Text strong copyable data-testid="host-address">
                {address}
              </Typography.Text>{' '}
              {!s.running && <Tag color="red">{t('hosting.notRunning')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('hosting.fingerprint')}>
              <Typography.Text code style={{ fontSize: 13 }}>
                {s.fingerprint}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('hosting.firewall')}>{t('hosting.firewallHelp', { port: s.port })}</Descriptions.Item>
          </Descriptions>
        )}
        {s.enabled && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button type="primary" size="large" loading={newCode.isPending} onClick={() => newCode.mutate({}, { onError: fail, onSuccess: setCode })} data-testid="make-code">
              {t('hosting.makeCode')}
            </Button>
            {code && (
              <Alert
                type="info"
                showIcon
                message={
                  <Typography.Text style={{ fontSize: 28, letterSpacing: 2 }} strong data-testid="pairing-code">
                    {code.code}
                  </Typography.Text>
                }
                description={t('hosting.codeHelp', { address, until: screenDateTime(code.expires).slice(11) })}
              />
            )}
          </Space>
        )}
        <Table<DeskRow>
          rowKey={(d) => `${d.name}-${d.pairedAt}`}
          dataSource={s.desks}
          pagination={false}
          locale={{ emptyText: t('hosting.noDesks') }}
          data-testid="desks"
          columns={[
            { title: t('hosting.deskName'), dataIndex: 'name', render: (v: string, d) => (d.revoked ? <Typography.Text delete>{v}</Typography.Text> : v) },
            { title: t('hosting.pairedAt'), dataIndex: 'pairedAt', render: when },
            { title: t('hosting.lastSeen'), dataIndex: 'lastSeen', render: when },
            { title: t('hosting.signedIn'), dataIndex: 'signedIn', render: (v: string[]) => v.join('、') || '—' },
            {
              title: '',
              render: (_v, d) =>
                d.revoked ? (
                  <Tag>{t('hosting.revoked')}</Tag>
                ) : (
                  <Popconfirm title={t('hosting.revokeConfirm', { name: d.name })} okText={t('hosting.revoke')} cancelText={t('actions.cancel')} okButtonProps={{ danger: true }} onConfirm={() => revoke.mutate({ name: d.name }, { onError: fail })}>
                    <Button danger>{t('hosting.revoke')}</Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
