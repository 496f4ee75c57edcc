import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract/community';
import { certificateNumber } from '../../../shared/rules/certificates';
import { todayIso } from '../../../shared/rules/idNumber';
import { call } from '../../api/client';
import { navigate } from '../../app/router';
import { errorText } from '../../components/errors';
import { useCan } from '../accounts/api';
import { IssueTab } from './IssueTab';
import { RegisterTab } from './RegisterTab';
import { ItemsTab } from './ItemsTab';

/** 开具证明: the counter, the register, the items list (administrator) and checking a paper someone brings back. */
export function CertificatesPage({ tab, query, info }: { tab?: string; query: URLSearchParams; info: AppInfo }) {
  const { t } = useTranslation();
  const can = useCan();
  const active = ['issue', 'register', 'items', 'verify'].includes(tab ?? '') ? tab! : 'issue';
  const draftId = Number(query.get('draft')) || undefined;
  const resident = Number(query.get('resident')) || undefined;
  const open = (id?: number) => navigate('certificates/issue', { draft: id, resident });
  return (
    <Card className="page-card" title={t('certificates:title')}>
      <Tabs
        activeKey={active}
        onChange={(k) => navigate(`certificates/${k}`)}
        items={[
          { key: 'issue', label: t('certificates:tabs.issue'), children: <IssueTab key={resident ?? 0} residentId={resident} info={info} draftId={draftId} onDraft={open} /> },
          { key: 'register', label: t('certificates:tabs.register'), children: <RegisterTab onOpen={open} /> },
          ...(can('certificates.manage') ? [{ key: 'items', label: t('certificates:tabs.items'), children: <ItemsTab /> }] : []),
          { key: 'verify', label: t('certificates:tabs.verify'), children: <VerifyPaper /> },
        ]}
      />
    </Card>
  );
}

/** Someone brings a certificate back: its number and the code printed beside it say whether it is ours and unchanged. */
function VerifyPaper() {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [verdict, setVerdict] = useState<{ type: 'success' | 'error'; text: string }>();
  const check = async () => {
    try {
      const r = await call('certs.verify', { number, code });
      if (r.genuine) setVerdict({ type: 'success', text: t('certificates:verify.genuine', { name: r.certificate!.personName, item: r.certificate!.itemName, date: r.certificate!.issuedAt }) });
      else if (r.certificate?.status === 'void') setVerdict({ type: 'error', text: t('certificates:verify.voided', { reason: r.certificate.voidReason }) });
      else setVerdict({ type: 'error', text: t('certificates:verify.notGenuine') });
    } catch (err) {
      setVerdict({ type: 'error', text: errorText(t, err) });
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ maxWidth: 560 }}>
      <Input size="large" value={number} onChange={(e) => setNumber(e.target.value)} addonBefore={t('certificates:verify.number')} placeholder={certificateNumber(Number(todayIso().slice(0, 4)), 1)} />
      <Input size="large" value={code} onChange={(e) => setCode(e.target.value)} addonBefore={t('certificates:verify.code')} />
      <Button type="primary" size="large" disabled={!number.trim() || !code.trim()} onClick={() => void check()}>
        {t('certificates:verify.check')}
      </Button>
      {verdict && <Alert type={verdict.type} showIcon message={verdict.text} />}
    </Space>
  );
}
