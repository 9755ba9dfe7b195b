import { Button, Flex, Layout, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { countVisit } from '../features/portal-content/api.ts';
import { contentModules, moduleOfPath } from '../features/portal-content/kinds.ts';
import { contentMessages } from '../features/portal-content/messages.ts';
import { useT } from '../shared/i18n/index.ts';
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx';
import { useMe } from '../shared/session.ts';
import { useTitle } from '../shared/useTitle.ts';
import { portalMessages } from './messages.ts';
import { SearchBox } from '../features/search/SearchBox.tsx';

const navStyle = ({ isActive }: { isActive: boolean }) => ({ color: isActive ? '#1f4e9e' : '#333', fontWeight: isActive ? 600 : 400, whiteSpace: 'nowrap' as const });

/** Mobile-first portal frame: a compact header that wraps, the page, a footer. */
export function PortalLayout() {
  const t = useT(portalMessages);
  const tc = useT(contentMessages);
  const { data: me, isFetched: meKnown } = useMe();
  const { pathname } = useLocation();
  // Module visit counts (server-side, no cookie): one count per page opened, articles under their module.
  // Waits for the session check: a signed-in visitor's POST needs the CSRF token it brings.
  useEffect(() => {
    const m = meKnown ? moduleOfPath(pathname) : null;
    if (m) countVisit(m);
  }, [pathname, meKnown]);
  useTitle(`${t('appName')} · ${t('appTagline')}`);
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fb' }}>
      <header style={{ background: '#fff', borderBottom: '1px solid #e5e8ef', position: 'sticky', top: 0, zIndex: 10 }}>
        <Flex wrap align="center" justify="space-between" gap={8} style={{ maxWidth: 1120, margin: '0 auto', padding: '8px 16px' }}>
          <Link to="/" style={{ display: 'flex', alignItems: 'baseline', gap: 8 }}>
            <Typography.Title level={4} style={{ margin: 0, color: '#1f4e9e' }}>{t('appName')}</Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('appTagline')}</Typography.Text>
          </Link>
          <Flex align="center" gap={12} wrap>
            <SearchBox mode="portal" />
            <NavLink to="/" end style={navStyle} data-testid="nav-home">{t('navHome')}</NavLink>
            {contentModules.map((m) => <NavLink key={m.path} to={m.path} style={navStyle} data-testid={`nav-${m.path.slice(1)}`}>{tc(m.title)}</NavLink>)}
            <NavLink to="/guide" style={navStyle} data-testid="nav-guide">{tc('guide')}</NavLink>
            <NavLink to="/directory" style={navStyle} data-testid="nav-directory">{t('navDirectory')}</NavLink>
            <NavLink to="/trainings" style={navStyle} data-testid="nav-trainings">{t('navTrainings')}</NavLink>
            <NavLink to="/alerts" style={navStyle} data-testid="nav-alerts">{t('navAlerts')}</NavLink>
            {(!me || me.kind === 'applicant') && <NavLink to="/apply" style={navStyle} data-testid="nav-apply">{t('navApply')}</NavLink>}
            <NavLink to="/track" style={navStyle} data-testid="nav-track">{t('navTrack')}</NavLink>
            {me ? (
              <>
                {me.kind === 'applicant' && <NavLink to="/my/cases" style={navStyle} data-testid="nav-my-cases">{t('navMyCases')}</NavLink>}
                {me.kind === 'applicant' && <NavLink to="/my/consultations" style={navStyle} data-testid="nav-my-consultations">{t('navMyConsultations')}</NavLink>}
                <NavLink to="/account" style={navStyle} data-testid="nav-account">{t('navAccount')}</NavLink>
              </>
            ) : (
              <>
                <NavLink to="/login" style={navStyle} data-testid="nav-login">{t('signIn')}</NavLink>
                <Link to="/register"><Button type="primary" size="small" data-testid="nav-register">{t('signUp')}</Button></Link>
              </>
            )}
            <LanguageSwitch />
          </Flex>
        </Flex>
      </header>
      <main style={{ width: '100%', maxWidth: 1120, margin: '0 auto', padding: 16, flex: 1 }}>
        <Outlet />
      </main>
      <ScrollRestoration />
      <footer style={{ textAlign: 'center', padding: 24, color: '#888', fontSize: 12 }}>{t('footer')}</footer>
    </Layout>
  );
}
