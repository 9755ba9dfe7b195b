import './fonts.ts';
import 'dayjs/locale/zh-cn';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { ApiError } from './api.ts';
import { I18nProvider, useLang } from './i18n/index.ts';
import { meKey } from './session.ts';
import { theme } from './theme.ts';

function makeClient() {
  // A 401 anywhere means the session has ended (idle or absolute timeout): forget who we were,
  // so the console sends the user to its sign-in page.
  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401 && client.getQueryData(meKey)) client.setQueryData(meKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // 4xx answers will not change by asking again.
        retry: (n, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && n < 2,
      },
    },
  });
  return client;
}

function Localised({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Language, antd locale and theme, the antd App context (message/modal) and the query cache. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [client] = useState(makeClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={client}>
        <Localised>{children}</Localised>
      </QueryClientProvider>
    </I18nProvider>
  );
}
