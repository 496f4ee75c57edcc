import type { ReactNode } from 'react';
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { NeedsTab } from './NeedsTab';
import { NeedPage } from './NeedPage';
import { ResourcesTab } from './ResourcesTab';
import { MatchTab } from './MatchTab';
import { MeasuresTab } from './MeasuresTab';
import { CategoriesTab } from './CategoriesTab';

const TABS = ['needs', 'resources', 'match', 'measures', 'categories'] as const;
type Tab = (typeof TABS)[number];

/** 两张清单: the need list, the resource list, the matching between them, the results, the categories. */
export function ListsPage({ tab, id }: { tab?: string; id?: number }) {
  const { t } = useTranslation();
  if (tab === 'need' && id) return <NeedPage id={id} />;
  const active: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'needs';
  const pages: Record<Tab, ReactNode> = {
    needs: <NeedsTab />,
    resources: <ResourcesTab />,
    match: <MatchTab />,
    measures: <MeasuresTab />,
    categories: <CategoriesTab />,
  };
  return (
    <Card className="page-card" title={t('lists:title')}>
      <Typography.Paragraph type="secondary">{t('lists:intro')}</Typography.Paragraph>
      <Tabs activeKey={active} onChange={(k) => navigate(`lists/${k}`)} items={TABS.map((k) => ({ key: k, label: t(`lists:tabs.${k}`), children: pages[k] }))} />
    </Card>
  );
}
