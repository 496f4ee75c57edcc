import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/community';
import { ABOLISHED } from '../../../shared/rules/certificates';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ResidentPicker } from '../../components/ResidentPicker';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/session';
import { CertificatePaper } from './CertificatePaper';

/**
 * At the counter: who asks, for what (an abolished kind is refused here, and the refusal registered),
 * the purpose and what was verified, then the draft to read, approval where needed, and the number.
 */
export function IssueTab({ residentId: initialResident, info, draftId, onDraft }: { residentId?: number; info: AppInfo; draftId?: number; onDraft: (id?: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const items = useCall('certs.items', {});
  const request = useWrite('certs.request');
  const makeDraft = useWrite('certs.draft');
  const approve = useWrite('certs.approve');
  const issue = useWrite('certs.issue');
  const [residentId, setResidentId] = useState<number | null>(initialResident ?? null);
  const [asked, setAsked] = useState('');
  const [itemId, setItemId] = useState<number>();
  const [refusal, setRefusal] = useState<{ name: string; instead: string }>();
  const [purpose, setPurpose] = useState('');
  const [checks, setChecks] = useState<string[]>([]);
  const current = useCall('certs.get', { id: draftId ?? 0 }, { enabled: !!draftId });
  const item = items.data?.find((i) => i.id === itemId);
  const fail = (err: Error) => message.error(errorText(t, err));

  const ask = (text: string) => {
    setRefusal(undefined);
    setItemId(undefined);
    request.mutate(
      { requested: text, residentId },
      {
        onSuccess: (r) => (r.refused ? setRefusal({ name: r.name, instead: r.instead }) : (setItemId(r.itemId ?? undefined), setChecks([]))),
        onError: fail,
      },
    );
  };
  const options = [
    { label: t('certificates:issue.allowed'), options: (items.data ?? []).map((i) => ({ value: i.name })) },
    { label: t('certificates:issue.abolished'), options: ABOLISHED.map((a) => ({ value: a.name })) },
  ];
  const c = current.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item label={t('certificates:issue.person')} required>
          <ResidentPicker value={residentId} onChange={setResidentId} method="certs.findResidents" placeholder={t('certificates:issue.personPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('certificates:issue.what')} extra={t('certificates:issue.whatHelp')}>
          <Space.Compact style={{ width: '100%' }}>
            <AutoComplete
              value={asked}
              onChange={setAsked}
              onSelect={(v: string) => ask(v)}
              options={options}
              style={{ width: '100%' }}
              filterOption={(input, o) => !!o && 'value' in o && String(o.value).includes(input)}
              data-testid="cert-what"
            >
              <Input size="large" onPressEnter={() => asked.trim() && ask(asked)} />
            </AutoComplete>
            <Button size="large" onClick={() => asked.trim() && ask(asked)} loading={request.isPending} data-testid="cert-ask">
              {t('certificates:issue.ask')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {refusal && (
          <Alert
            type="error"
            showIcon
            data-testid="cert-refused"
            message={t('certificates:issue.refusedTitle', { name: refusal.name })}
            description={
              <>
                <p>{t('certificates:issue.refusedRule')}</p>
                <p>{t('certificates:issue.instead', { instead: refusal.instead })}</p>
                <p>{t('certificates:issue.refusedLogged')}</p>
              </>
            }
          />
        )}
        {item && (
          <Card size="small" title={item.name} extra={<Typography.Text type="secondary">{item.basis}</Typography.Text>}>
            <Form.Item label={t('certificates:issue.purpose')} required>
              <AutoComplete value={purpose} onChange={setPurpose} options={item.purposes.map((p) => ({ value: p }))} data-testid="cert-purpose">
                <Input size="large" />
              </AutoComplete>
            </Form.Item>
            <Form.Item label={t('certificates:issue.checks')} required extra={t('certificates:issue.checksHelp')}>
              <Checkbox.Group value={checks} onChange={(v) => setChecks(v as string[])} options={item.checks.map((x) => ({ value: x, label: x }))} data-testid="cert-checks" />
            </Form.Item>
            <Button
              type="primary"
              size="large"
              disabled={!residentId || !purpose.trim()}
              loading={makeDraft.isPending}
              data-testid="cert-draft"
              onClick={() => makeDraft.mutate({ itemId: item.id, residentId: residentId!, purpose: purpose.trim(), checks }, { onSuccess: (r) => onDraft(r.id), onError: fail })}
            >
              {t('certificates:issue.makeDraft')}
            </Button>
          </Card>
        )}
      </Form>
      {c && (
        <Card
          title={t('certificates:issue.preview')}
          extra={
            <Space>
              {c.status === 'draft' && c.needsApproval && can('certificates.approve') && (
                <Button size="large" loading={approve.isPending} onClick={() => approve.mutate({ id: c.id }, { onError: fail })} data-testid="cert-approve">
                  {t('certificates:issue.approve')}
                </Button>
              )}
              {(c.status === 'approved' || (c.status === 'draft' && !c.needsApproval)) && (
                <Button type="primary" size="large" loading={issue.isPending} onClick={() => issue.mutate({ id: c.id }, { onSuccess: (r) => message.success(t('certificates:issue.issued', { number: r.number })), onError: fail })} data-testid="cert-issue">
                  {t('certificates:issue.issue')}
                </Button>
              )}
              {c.status === 'issued' && (
                <Button type="primary" size="large" onClick={() => navigate(`print/certificate/${c.id}`)} data-testid="cert-print">
                  {t('certificates:issue.print')}
                </Button>
              )}
            </Space>
          }
        >
          {c.status === 'draft' && c.needsApproval && !can('certificates.approve') && <Alert type="info" showIcon message={t('certificates:issue.waiting')} style={{ marginBottom: 12 }} />}
          <div className="certificate-preview">
            <CertificatePaper c={c} info={info} />
          </div>
        </Card>
      )}
    </Space>
  );
}
