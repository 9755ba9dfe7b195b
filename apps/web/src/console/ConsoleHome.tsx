import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useT } from '../shared/i18n/index.ts';
import { useMe } from '../shared/session.ts';
import { allowedEntries } from './menu.tsx';
import { consoleMessages } from './messages.ts';

/** Sends the user to the first page the menu offers them. */
export function ConsoleHome() {
  const t = useT(consoleMessages);
  const { data: me } = useMe();
  const first = allowedEntries(me?.permissions).find((e) => e.permission);
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="info" title={t('welcome')} subTitle={t('nothingPermitted')} />;
}
