import { Layout, Menu, Select, Space, Typography } from 'antd';
import { CloudUploadOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
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

function Page({ route }: { route: Route }) {
  const [a, b, c] = route.path;
  if (a === 'residents' && b === 'new') return <ResidentFormPage householdId={Number(route.query.get('household')) || undefined} />;
  if (a === 'residents' && b && c === 'edit') return <ResidentFormPage id={Number(b)} />;
  if (a === 'residents' && b) return <ResidentPage id={Number(b)} />;
  if (a === 'households' && b) return <HouseholdPage id={Number(b)} />;
  if (a === 'import') return <ImportPage />;
  if (a === 'community') return <CommunityPage />;
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

export function Shell({ route, info }: { route: Route; info: AppInfo }) {
  const { t } = useTranslation();
  const section = route.path[0] === 'import' || route.path[0] === 'community' ? route.path[0] : 'residents';
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Typography.Title level={4} className="app-title">
          {t('app.name')} · {info.communityName}
        </Typography.Title>
        <Space>
          <Typography.Text className="app-street">{info.streetName}</Typography.Text>
          <LanguageSwitch />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={64}>
          <Menu
            mode="inline"
            selectedKeys={[section]}
            className="app-menu"
            onClick={(e) => navigate(e.key)}
            items={[
              { key: 'residents', icon: <TeamOutlined />, label: t('nav.residents') },
              { key: 'import', icon: <CloudUploadOutlined />, label: t('nav.import') },
              { key: 'community', icon: <HomeOutlined />, label: t('nav.community') },
            ]}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Page route={route} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
