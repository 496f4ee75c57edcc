import { useState, useSyncExternalStore } from 'react';
import { Alert, Button, Card, Checkbox, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { paperDateTime } from '../../../shared/rules/dates';

// The code arrives once (creating the first administrator, or encrypting an older ledger) and is
// shown before anything else until the person says they have kept it.
let pending: string | null = null;
const listeners = new Set<() => void>();
export function showRecoveryCode(code: string | undefined): void {
  if (!code) return;
  pending = code;
  listeners.forEach((l) => l());
}
export function usePendingRecoveryCode(): string | null {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => pending,
  );
}

export function RecoveryCodePage({ code }: { code: string }) {
  const { t } = useTranslation();
  const [kept, setKept] = useState(false);
  const done = () => {
    pending = null;
    listeners.forEach((l) => l());
  };
  return (
    <div className="setup" style={{ maxWidth: 760 }}>
      <div className="no-print">
        <Typography.Title level={2}>{t('auth.codeTitle')}</Typography.Title>
        <Alert type="warning" showIcon message={t('auth.codeHelp')} style={{ marginBottom: 16 }} />
      </div>
      <Card className="recovery-sheet">
        <Typography.Title level={3} className="print-only">
          {t('auth.codeSheetTitle')}
        </Typography.Title>
        <div className="recovery-code" data-testid="recovery-code">
          {code}
        </div>
        <Typography.Paragraph type="secondary" className="print-only">
          {t('auth.codeSheetNote')}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" className="print-only">
          {t('auth.codeSheetFor', { at: paperDateTime(Date.now()) })}
        </Typography.Paragraph>
      </Card>
      <Space direction="vertical" size="large" className="no-print" style={{ marginTop: 24 }}>
        <Button size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('auth.codePrint')}
        </Button>
        <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)} data-testid="recovery-kept">
          {t('auth.codeKept')}
        </Checkbox>
        <Button type="primary" size="large" disabled={!kept} onClick={done} data-testid="recovery-continue">
          {t('auth.codeContinue')}
        </Button>
      </Space>
    </div>
  );
}
