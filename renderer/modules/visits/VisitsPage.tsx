import type { ReactNode } from 'react';
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { BoardTab } from './BoardTab';
import { ProblemsTab } from './ProblemsTab';
import { ProblemPage } from './ProblemPage';
import { VisitLogTab } from './VisitLogTab';
import { DueTab } from './DueTab';
import { RatesTab } from './RatesTab';
import { SettingsTab } from './SettingsTab';

const TABS = ['board', 'problems', 'visits', 'due', 'rates', 'settings'] as const;
type Tab = (typeof TABS)[number];

/** 走访与诉求: the day's board first (what is still open and whose), then the problems, the visit log, who is due a visit. */
export function VisitsPage({ tab, id, query }: { tab?: string; id?: number; query: URLSearchParams }) {
  const { t } = useTranslation();
  if (tab === 'problem' && id) return <ProblemPage id={id} />;
  const active: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'board';
  const pages: Record<Tab, ReactNode> = {
    board: <BoardTab />,
    problems: <ProblemsTab />,
    visits: <VisitLogTab householdId={Number(query.get('household')) || undefined} />,
    due: <DueTab />,
    rates: <RatesTab />,
    settings: <SettingsTab />,
  };
  return (
    <Card className="page-card" title={t('visits:title')}>
      <Typography.Paragraph type="secondary">{t('visits:intro')}</Typography.Paragraph>
      <Tabs activeKey={active} onChange={(k) => navigate(`visits/${k}`)} items={TABS.map((k) => ({ key: k, label: t(`visits:tabs.${k}`), children: pages[k] }))} destroyOnHidden />
    </Card>
  );
}
