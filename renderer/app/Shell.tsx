import { useEffect, useState } from 'react';
import { Button, Dropdown, Layout, Menu, Select, Space, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/contract/community';
import { LANGUAGES, type Language } from '../../shared/i18n/languages';
import { changeLanguage } from '../i18n';
import { navigate, type Route } from './router';
import { SECTIONS } from '../modules';
import { GlobalSearch } from '../modules/desk/api';
import { ChangePasswordDialog, useCan, useUser } from '../modules/accounts/api';
import { useWrite } from '../api/hooks';
import type { Permission } from '../../shared/contract';

/** The first section this user may open: where a fresh sign-in lands. */
function ownSection(can: (p: Permission) => boolean): string {
  return [...SECTIONS.values()].find((s) => s.icon && can(s.permission) && (s.offered?.(can) ?? true))?.key ?? 'residents';
}

function Page({ route, info }: { route: Route; info: AppInfo }) {
  const can = useCan();
  // A section the user may not open (an address left by the previous user of a shared PC) shows their own first section.
  const asked = SECTIONS.get(route.path[0] ?? '');
  const section = asked && can(asked.permission) ? asked : SECTIONS.get(ownSection(can))!;
  return section.page({ path: section === asked ? route.path.slice(1) : [], query: route.query, info });
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
  const asked = SECTIONS.get(route.path[0] ?? '');
  const section = asked && can(asked.permission) ? asked : SECTIONS.get(ownSection(can))!;
  const items = [...SECTIONS.values()]
    .filter((s) => s.icon && can(s.permission) && (s.offered?.(can) ?? true))
    .map((s) => ({
      key: s.key,
      icon: s.icon,
      label: s.Badge ? (
        <Space>
          {t(`nav.${s.key}`)}
          <s.Badge />
        </Space>
      ) : (
        t(`nav.${s.key}`)
      ),
    }));
  // The page's own entry stays in sight in the menu (at 768 px the last entries are below its fold):
  // the menu scrolls on its own, the page stays where it is.
  useEffect(() => {
    const item = document.querySelector<HTMLElement>('.app-menu .ant-menu-item-selected');
    const menu = item?.closest<HTMLElement>('.ant-layout-sider');
    if (!item || !menu) return;
    const [box, at] = [menu.getBoundingClientRect(), item.getBoundingClientRect()];
    if (at.bottom > box.bottom) menu.scrollTop += at.bottom - box.bottom;
    else if (at.top < box.top) menu.scrollTop -= box.top - at.top;
  }, [section.key]);
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
            selectedKeys={[section.key]}
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
