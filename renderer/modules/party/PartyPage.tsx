import type { ReactNode } from 'react';
import { Card, Select, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { RosterTab } from './RosterTab';
import { DevelopmentTab } from './DevelopmentTab';
import { MeetingsTab } from './MeetingsTab';
import { DuesTab } from './DuesTab';
import { BranchesTab } from './BranchesTab';
import { ReportingTab } from './ReportingTab';

const TABS = ['roster', 'development', 'meetings', 'dues', 'reporting', 'branches'] as const;
type Tab = (typeof TABS)[number];

/** The branch secretary's desk: roster, development files, meetings, dues and the organisations themselves. */
export function PartyPage({ tab, query }: { tab?: string; query: URLSearchParams }) {
  const { t } = useTranslation();
  const active: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'roster';
  const branches = useCall('party.branches', {});
  const branchId = Number(query.get('branch')) || undefined;
  const setBranch = (b?: number) => navigate(`party/${active}`, { branch: b });
  const noBranches = branches.data?.length === 0;
  const pages: Record<Tab, ReactNode> = {
    roster: <RosterTab branchId={branchId} />,
    development: <DevelopmentTab />,
    meetings: <MeetingsTab branchId={branchId ?? branches.data?.[0]?.id} />,
    dues: <DuesTab branchId={branchId ?? branches.data?.[0]?.id} />,
    reporting: <ReportingTab />,
    branches: <BranchesTab />,
  };
  return (
    <Card className="page-card" title={t('party:title')}>
      <Tabs
        activeKey={noBranches ? 'branches' : active}
        onChange={(k) => navigate(`party/${k}`, { branch: branchId })}
        tabBarExtraContent={
          !['branches', 'development', 'reporting'].includes(active) && (
            <Select
              aria-label={t('party:fields.branch')}
              style={{ minWidth: 220 }}
              allowClear={active === 'roster'}
              placeholder={t('party:roster.allBranches')}
              value={active === 'roster' ? branchId : (branchId ?? branches.data?.[0]?.id)}
              onChange={(v?: number) => setBranch(v)}
              options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              data-testid="party-branch"
            />
          )
        }
        items={TABS.map((k) => ({ key: k, label: t(`party:tabs.${k}`), children: noBranches && k !== 'branches' ? null : pages[k], disabled: noBranches && k !== 'branches' }))}
      />
    </Card>
  );
}
