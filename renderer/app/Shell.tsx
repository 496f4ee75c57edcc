import { useState } from 'react';
import { Badge, Button, Dropdown, Layout, Menu, Select, Space, Typography } from 'antd';
import { ApartmentOutlined, BarChartOutlined, BellOutlined, DashboardOutlined, TableOutlined, ScheduleOutlined, AuditOutlined, ClearOutlined, CloudUploadOutlined, DatabaseOutlined, DesktopOutlined, FileProtectOutlined, FlagOutlined, CommentOutlined, HomeOutlined, SafetyOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/contract/community';
import { LANGUAGES, type Language } from '../../shared/i18n/languages';
import { changeLanguage } from '../i18n';
import { navigate, type Route } from './router';
import { ResidentsPage } from '../modules/residents/ResidentsPage';
import { ResidentPage } from '../modules/residents/ResidentPage';
import { ResidentFormPage } from '../modules/residents/ResidentFormPage';
import { HouseholdPage } from '../modules/residents/HouseholdPage';
import { ImportPage } from '../modules/residents/ImportPage';
import { CommunityPage } from '../modules/community/CommunityPage';
import { UsersPage } from '../modules/accounts/UsersPage';
import { AuditPage } from '../modules/accounts/AuditPage';
import { BackupsPage } from '../modules/backups/BackupsPage';
import { RetentionPage } from '../modules/retention/RetentionPage';
import { HostingPage } from '../modules/hosting/HostingPage';
import { PartyPage } from '../modules/party/PartyPage';
import { CertificatesPage } from '../modules/certificates/CertificatesPage';
import { MediationPage } from '../modules/mediation/MediationPage';
import { ListsPage } from '../modules/lists/ListsPage';
import { VisitsPage } from '../modules/visits/VisitsPage';
import { TodoPage, useReminderCount } from '../modules/desk/TodoPage';
import { GlobalSearch } from '../modules/desk/GlobalSearch';
import { DashboardPage } from '../modules/desk/DashboardPage';
import { ReportsPage } from '../modules/reports/ReportsPage';
import { SheetsPage } from '../modules/reports/SheetsPage';
import { REPORT_KINDS, REPORT_PERMISSION } from '../../shared/contract/reports';
import { ChangePasswordDialog } from '../modules/accounts/ChangePasswordDialog';
import { useCan, useUser } from '../modules/accounts/session';
import type { Permission } from '../../shared/contract/define';
import { useWrite } from '../api/hooks';

/** Which permission opens each section of the menu. */
const SECTIONS: Record<string, Permission> = {
  home: 'desk.view',
  residents: 'residents.view',
  households: 'residents.view',
  import: 'residents.import',
  party: 'party.view',
  certificates: 'certificates.issue',
  mediation: 'mediation.work',
  lists: 'lists.view',
  visits: 'visits.view',
  todo: 'desk.view',
  reports: 'desk.view',
  sheets: 'residents.export',
  community: 'community.edit',
  users: 'users.manage',
  audit: 'audit.view',
  backups: 'backups.manage',
  retention: 'records.purge',
  hosting: 'hosting.manage',
};

function Page({ route, info }: { route: Route; info: AppInfo }) {
  const can = useCan();
  // A section the user may not open (an address left by the previous user of a shared PC) shows their own first section.
  const asked = route.path[0];
  const section = asked && SECTIONS[asked] && can(SECTIONS[asked]) ? asked : (Object.keys(SECTIONS).find((k) => can(SECTIONS[k]!)) ?? 'residents');
  const [a, b, c] = section === asked ? route.path : [section];
  if (a === 'home') return <DashboardPage />;
  if (a === 'reports') return <ReportsPage />;
  if (a === 'sheets') return <SheetsPage />;
  if (a === 'residents' && b === 'new') return <ResidentFormPage householdId={Number(route.query.get('household')) || undefined} />;
  if (a === 'residents' && b && c === 'edit') return <ResidentFormPage id={Number(b)} />;
  if (a === 'residents' && b) return <ResidentPage id={Number(b)} />;
  if (a === 'households' && b) return <HouseholdPage id={Number(b)} />;
  if (a === 'import') return <ImportPage />;
  if (a === 'community') return <CommunityPage />;
  if (a === 'users') return <UsersPage />;
  if (a === 'audit') return <AuditPage />;
  if (a === 'backups') return <BackupsPage />;
  if (a === 'retention') return <RetentionPage />;
  if (a === 'hosting') return <HostingPage />;
  if (a === 'party') return <PartyPage tab={b} query={route.query} />;
  if (a === 'mediation') return <MediationPage caseId={Number(b) || undefined} />;
  if (a === 'todo') return <TodoPage />;
  if (a === 'visits') return <VisitsPage tab={b} id={Number(c) || undefined} query={route.query} />;
  if (a === 'lists') return <ListsPage tab={b} id={Number(c) || undefined} />;
  if (a === 'certificates') return <CertificatesPage tab={b} query={route.query} info={info} />;
  return <ResidentsPage query={route.query} />;
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('language.label')}
      value={i18n.language as Language}
      onChange={(v: Language) => void changeLanguage(v)}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      style={{ width: 140 }}
      data-testid="language"
    />
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const lock = useWrite('auth.lock');
  const logout = useWrite('auth.logout');
  // A temporary password is replaced before the desk opens (App); here it is changed by choice.
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'password', label: t('auth.changePassword') },
            { key: 'lock', label: t('auth.lockNow') },
            { key: 'logout', label: t('auth.logout') },
          ],
          // Signing out leaves no address behind: the next person at a shared PC starts from their own first page.
          onClick: ({ key }) => (key === 'password' ? setChanging(true) : key === 'lock' ? lock.mutate({}) : logout.mutate({}, { onSuccess: () => navigate('') })),
        }}
      >
        <Button icon={<UserOutlined />} data-testid="user-menu">
          {user?.displayName} · {t(`auth.roles.${user?.role ?? 'staff'}`)}
        </Button>
      </Dropdown>
      {changing && <ChangePasswordDialog forced={false} onClose={() => setChanging(false)} />}
    </>
  );
}

export function Shell({ route, info }: { route: Route; info: AppInfo }) {
  const { t } = useTranslation();
  const can = useCan();
  const first = route.path[0] ?? '';
  const own = Object.keys(SECTIONS).find((k) => can(SECTIONS[k]!)) ?? 'residents';
  const section = first in SECTIONS && first !== 'households' && can(SECTIONS[first]!) ? first : own;
  const due = useReminderCount(can('desk.view'));
  const items = [
    can('desk.view') && { key: 'home', icon: <DashboardOutlined />, label: t('nav.home') },
    can('desk.view') && {
      key: 'todo',
      icon: <BellOutlined />,
      label: (
        <Space>
          {t('nav.todo')}
          <Badge count={due} overflowCount={99} data-testid="todo-count" />
        </Space>
      ),
    },
    can('residents.view') && { key: 'residents', icon: <TeamOutlined />, label: t('nav.residents') },
    can('residents.import') && { key: 'import', icon: <CloudUploadOutlined />, label: t('nav.import') },
    can('certificates.issue') && { key: 'certificates', icon: <FileProtectOutlined />, label: t('nav.certificates') },
    can('mediation.work') && { key: 'mediation', icon: <CommentOutlined />, label: t('nav.mediation') },
    can('visits.view') && { key: 'visits', icon: <ScheduleOutlined />, label: t('nav.visits') },
    can('lists.view') && { key: 'lists', icon: <ApartmentOutlined />, label: t('nav.lists') },
    can('party.view') && { key: 'party', icon: <FlagOutlined />, label: t('nav.party') },
    can('desk.view') && REPORT_KINDS.some((k) => can(REPORT_PERMISSION[k])) && { key: 'reports', icon: <BarChartOutlined />, label: t('nav.reports') },
    can('residents.export') && { key: 'sheets', icon: <TableOutlined />, label: t('nav.sheets') },
    can('community.edit') && { key: 'community', icon: <HomeOutlined />, label: t('nav.community') },
    can('users.manage') && { key: 'users', icon: <SafetyOutlined />, label: t('nav.users') },
    can('audit.view') && { key: 'audit', icon: <AuditOutlined />, label: t('nav.audit') },
    can('backups.manage') && { key: 'backups', icon: <DatabaseOutlined />, label: t('nav.backups') },
    can('records.purge') && { key: 'retention', icon: <ClearOutlined />, label: t('nav.retention') },
    can('hosting.manage') && { key: 'hosting', icon: <DesktopOutlined />, label: t('nav.hosting') },
  ].filter((x) => !!x);
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Typography.Title level={4} className="app-title">
          {t('app.name')} · {info.communityName}
        </Typography.Title>
        <Space>
          {can('desk.view') && <GlobalSearch />}
          <Typography.Text className="app-street">{info.streetName}</Typography.Text>
          <LanguageSwitch />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={64}>
          <Menu
            mode="inline"
            selectedKeys={[section === 'households' ? 'residents' : section]}
            className="app-menu"
            onClick={(e) => navigate(e.key)}
            items={items}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          {items.length === 0 ? <Typography.Paragraph>{t('auth.nothingYet')}</Typography.Paragraph> : <Page route={route} info={info} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
