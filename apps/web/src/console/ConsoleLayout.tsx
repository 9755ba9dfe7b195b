import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Menu, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { useT } from '../shared/i18n/index.ts';
import { useTitle } from '../shared/useTitle.ts';
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx';
import { pendingStep, useMe, useSignOut } from '../shared/session.ts';
import { FullPageSpin } from '../shared/FullPageSpin.tsx';
import { GrantTags } from './GrantTags.tsx';
import { allowedEntries } from './menu.tsx';
import { consoleMessages } from './messages.ts';
import { SuggestingSearchBox } from '../features/search/SearchSuggest.tsx';

/** Side menu (collapsible; a drawer-like overlay at phone width), header with the user, roles, language, sign-out. */
export function ConsoleLayout() {
  const t = useT(consoleMessages);
  useTitle(t('consoleName'));
  const { data: me, isPending } = useMe();
  const signOut = useSignOut();
  const nav = useNavigate();
  const loc = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const isCollapsed = collapsed ?? narrow;

  if (isPending) return <FullPageSpin />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  if (pendingStep(me)) return <Navigate to="/login" replace />;

  const entries = allowedEntries(me.permissions);
  const selected = entries.find((e) => loc.pathname.startsWith(e.path))?.path;
  const go = (path: string) => {
    nav(path);
    if (narrow) setCollapsed(true);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        trigger={null}
        collapsed={isCollapsed}
        collapsedWidth={narrow ? 0 : 64}
        width={208}
        style={narrow ? { position: 'fixed', zIndex: 20, height: '100vh', left: 0, top: 0 } : undefined}
        data-testid="side-menu"
      >
        <div style={{ color: '#fff', padding: '16px', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {isCollapsed ? t('appName') : t('consoleName')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          onClick={({ key }) => go(key)}
          items={entries.map((e) => ({
            key: e.path,
            icon: e.icon,
            label: <span data-testid={e.testId}>{t(e.label)}</span>,
          }))}
        />
      </Layout.Sider>
      {narrow && !isCollapsed && (
        <div onClick={() => setCollapsed(true)} style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,.35)', zIndex: 19 }} />
      )}
      <Layout>
        <Layout.Header style={{ position: 'sticky', top: 0, zIndex: 10, borderBottom: '1px solid #e5e8ef' }}>
          <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
            <Button
              type="text"
              icon={isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!isCollapsed)}
              aria-label={isCollapsed ? t('expand') : t('collapse')}
              data-testid="menu-toggle"
            />
            {!narrow && <SuggestingSearchBox mode="console" />}
            <Flex align="center" gap={8} style={{ minWidth: 0, overflow: 'hidden' }}>
              <Typography.Text strong ellipsis data-testid="header-user">
                {me.displayName}
              </Typography.Text>
              {!narrow && <GrantTags grants={me.grants} max={2} />}
              <LanguageSwitch />
              <Button
                type="text"
                icon={<LogoutOutlined />}
                onClick={async () => {
                  await signOut();
                  nav('/login', { replace: true });
                }}
                data-testid="sign-out"
              >
                {narrow ? null : t('signOut')}
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 8 : 16 }}>
          <Outlet />
          <ScrollRestoration />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
