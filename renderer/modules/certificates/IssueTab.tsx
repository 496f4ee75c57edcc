import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Space, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/community';
import { ABOLISHED, needsLivingSince } from '../../../shared/rules/certificates';
import { useCall, useWrite } from '../../api/hooks';
import { navigate } from '../../app/router';
import { ResidentPicker } from '../../components/ResidentPicker';
import { enterToNext } from '../../components/keyboard';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { CertificatePaper } from './CertificatePaper';
import { printLinks } from '../../../shared/contract/links';

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
  // A request the committee's list does not hold: said where the person looks, until the next request (not a toast that vanishes).
  const [unanswered, setUnanswered] = useState<string>();
  const whatBox = useRef<InputRef>(null);
  const purposeBox = useRef<InputRef>(null);
  const nextStep = useRef<HTMLButtonElement>(null);
  const current = useCall('certs.get', { id: draftId ?? 0 }, { enabled: !!draftId });
  const item = items.data?.find((i) => i.id === itemId);
  // Come from a resident's page: their name shows in the picker at once.
  const known = useCall('residents.get', { id: initialResident ?? 0 }, { enabled: !!initialResident && can('residents.view') });
  const fail = (err: Error) => message.error(errorText(t, err));

  const ask = (text: string) => {
    setRefusal(undefined);
    setUnanswered(undefined);
    setItemId(undefined);
    request.mutate(
      { requested: text, residentId },
      {
        onSuccess: (r) => (r.refused ? setRefusal({ name: r.name, instead: r.instead }) : setItemId(r.itemId ?? undefined)),
        onError: (err) => setUnanswered(errorText(t, err)),
      },
    );
  };
  const draft = (v: { purpose: string; checks?: string[]; livingSince?: string }) => {
    if (!residentId || !item) return void message.error(t('certificates:issue.personNeeded'));
    makeDraft.mutate({ itemId: item.id, residentId, purpose: v.purpose.trim(), checks: v.checks ?? [], livingSince: v.livingSince?.trim() || undefined }, { onSuccess: (r) => onDraft(r.id), onError: fail });
  };
  const c = current.data;
  // The cursor follows the steps at the counter, so Enter alone goes on: the kind found → its purpose;
  // the draft → 审批通过 → 开具并编号 → 打印 (each button takes the cursor as the one before goes away).
  useEffect(() => {
    if (item) purposeBox.current?.focus();
  }, [item?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (c) nextStep.current?.focus(); // scrolled into sight: the person sees where the cursor went
  }, [c?.id, c?.status]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item label={t('certificates:issue.person')} required>
          <ResidentPicker
            value={residentId}
            onChange={(v) => (setResidentId(v), v && whatBox.current?.focus())}
            initialLabel={known.data && residentId === initialResident ? [known.data.name, known.data.idMasked, known.data.address].filter(Boolean).join(' · ') : undefined}
            method="certs.findResidents"
            placeholder={t('certificates:issue.personPlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('certificates:issue.what')} extra={t('certificates:issue.whatHelp')}>
          <Space.Compact style={{ width: '100%' }}>
            <Input ref={whatBox} autoFocus={!!initialResident} size="large" value={asked} onChange={(e) => setAsked(e.target.value)} onPressEnter={() => asked.trim() && ask(asked)} list="cert-kinds" data-testid="cert-what" />
            <datalist id="cert-kinds">
              {[...(items.data ?? []).map((i) => i.name), ...ABOLISHED.map((a) => a.name)].map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <Button size="large" onClick={() => asked.trim() && ask(asked)} loading={request.isPending} data-testid="cert-ask">
              {t('certificates:issue.ask')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {unanswered && <Alert type="warning" showIcon message={unanswered} style={{ marginBottom: 12 }} data-testid="cert-unanswered" />}
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
      </Form>
      {item && (
        <Card size="small" title={item.name} extra={<Typography.Text type="secondary">{item.basis}</Typography.Text>} style={{ maxWidth: 720 }}>
          {/* Its own form: Enter goes from the purpose through each check to the button, Ctrl+S drafts from anywhere. */}
          <Form key={item.id} layout="vertical" onFinish={draft} onKeyDownCapture={enterToNext} initialValues={{ purpose: '', checks: [] }} data-testid="cert-details">
            <Form.Item name="purpose" label={t('certificates:issue.purpose')} rules={[{ required: true, whitespace: true }]}>
              {/* The browser's own suggestion list: typed freely, or picked with the arrow keys. */}
              <Input ref={purposeBox} size="large" list="cert-purposes" data-testid="cert-purpose" />
            </Form.Item>
            <datalist id="cert-purposes">
              {item.purposes.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
            <Form.Item name="checks" label={t('certificates:issue.checks')} required extra={t('certificates:issue.checksHelp')}>
              <Checkbox.Group options={item.checks.map((x) => ({ value: x, label: x }))} data-testid="cert-checks" />
            </Form.Item>
            {needsLivingSince(item.template) && (
              <Form.Item name="livingSince" label={t('certificates:issue.livingSince')} extra={t('certificates:issue.livingSinceHelp')}>
                <Input size="large" placeholder="2015-03-01" style={{ width: 200 }} data-testid="cert-living-since" />
              </Form.Item>
            )}
            <Button type="primary" size="large" htmlType="submit" loading={makeDraft.isPending} data-testid="cert-draft">
              {t('certificates:issue.makeDraft')}
            </Button>
          </Form>
        </Card>
      )}
      {c && (
        <Card
          title={t('certificates:issue.preview')}
          extra={
            <Space>
              {c.status === 'draft' && c.needsApproval && can('certificates.approve') && (
                <Button size="large" loading={approve.isPending} onClick={() => approve.mutate({ id: c.id }, { onError: fail })} ref={nextStep} data-testid="cert-approve">
                  {t('certificates:issue.approve')}
                </Button>
              )}
              {(c.status === 'approved' || (c.status === 'draft' && !c.needsApproval)) && (
                <Button type="primary" size="large" loading={issue.isPending} onClick={() => issue.mutate({ id: c.id }, { onSuccess: (r) => message.success(t('certificates:issue.issued', { number: r.number })), onError: fail })} ref={nextStep} data-testid="cert-issue">
                  {t('certificates:issue.issue')}
                </Button>
              )}
              {c.status === 'issued' && (
                <Button type="primary" size="large" onClick={() => navigate(printLinks.certificate(c.id))} ref={nextStep} data-testid="cert-print">
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
