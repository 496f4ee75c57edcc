import { useState } from 'react';
import { Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { addDays } from '../../../shared/rules/mediation';
import { todayIso } from '../../../shared/rules/idNumber';
import { useCall } from '../../api/hooks';
import { ContractItem, StepDialog } from '../../components/StepDialog';

type Reminder = Output<'reminders.list'>['items'][number];

/** The reminder in the words of its module (`mediation.followUp` → mediation:reminder.followUp); a meeting's kind is named as the party module names it. */
export function reminderText(t: (k: string, p?: Record<string, string | number>) => string, r: Reminder): string {
  const dot = r.kind.indexOf('.');
  const params = r.kind === 'party.meetingPending' ? { ...r.params, kind: t(`party:meetingKind.${r.params.kind}`) } : r.params;
  return t(`${r.kind.slice(0, dot)}:reminder.${r.kind.slice(dot + 1)}`, params);
}

/** 今日待办: one list of what is due or overdue in the user's own work, each opening its record. */
export function TodoPage() {
  const { t } = useTranslation();
  const q = useCall('reminders.list', {});
  const [snoozing, setSnoozing] = useState<Reminder>();
  const items = q.data?.items ?? [];
  return (
    <Card className="page-card" title={t('home:title')}>
      <Typography.Paragraph type="secondary">{t('home:intro')}</Typography.Paragraph>
      <List
        loading={q.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('home:empty')} /> }}
        data-testid="reminders"
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="open" type="primary" size="large" href={`#/${r.link}`} data-testid={`open-${r.key}`}>
                {t('home:open')}
              </Button>,
              <Button key="snooze" size="large" onClick={() => setSnoozing(r)} data-testid={`snooze-${r.key}`}>
                {t('home:snooze')}
              </Button>,
            ]}
          >
            <Space wrap>
              {r.overdue ? <Tag color="volcano">{t('home:overdue')}</Tag> : <Tag color="gold">{t('home:due', { date: r.due })}</Tag>}
              <Typography.Text style={{ fontSize: 17 }}>{reminderText(t, r)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {!!q.data?.snoozed && <Typography.Paragraph type="secondary">{t('home:snoozedCount', { count: q.data.snoozed })}</Typography.Paragraph>}
      {snoozing && (
        <StepDialog method="reminders.snooze" title={t('home:snoozeTitle')} done={t('home:snoozed')} fixed={{ key: snoozing.key }} initial={{ until: addDays(todayIso(), 7) }} onClose={() => setSnoozing(undefined)} testId="snooze">
          <Typography.Paragraph>{reminderText(t, snoozing)}</Typography.Paragraph>
          <ContractItem name="until" label={t('home:until')}>
            <Input data-testid="snooze-until" />
          </ContractItem>
          <ContractItem name="reason" label={t('home:reason')}>
            <Input data-testid="snooze-reason" />
          </ContractItem>
        </StepDialog>
      )}
    </Card>
  );
}

/** How many reminders wait: the number beside 今日待办 in the menu. */
export function useReminderCount(enabled: boolean): number {
  return useCall('reminders.list', {}, { enabled }).data?.items.length ?? 0;
}
