import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { applyMessages } from './applyMessages.ts';

export interface Notice {
  version: string;
  zh: string[];
  en: string[];
}

export function usePrivacyNotice() {
  return useQuery({ queryKey: ['portal', 'privacy-notice'], queryFn: () => api<{ data: Notice }>('/api/portal/privacy-notice').then((r) => r.data), staleTime: Infinity });
}

/** The privacy notice on the review step, with the tick the submit button waits for. */
export function PrivacyNotice({ agreed, onChange, missing }: { agreed: boolean; onChange: (v: boolean) => void; missing: boolean }) {
  const t = useT(applyMessages);
  const { lang } = useLang();
  const q = usePrivacyNotice();
  if (!q.data) return null;
  return (
    <Alert type="info" data-testid="apply-privacy" data-version={q.data.version} style={{ marginBottom: 12 }}
      title={t('privacyTitle')}
      description={(
        <>
          <ul style={{ paddingInlineStart: 20, margin: '4px 0 8px' }}>
            {(lang === 'en' ? q.data.en : q.data.zh).map((p) => <li key={p}>{p}</li>)}
          </ul>
          <Checkbox checked={agreed} onChange={(e) => onChange(e.target.checked)} data-testid="apply-consent">
            {t('privacyAgree', { v: q.data.version })}
          </Checkbox>
          {missing && !agreed && <Typography.Text type="danger" style={{ display: 'block' }} data-testid="apply-consent-missing">{t('privacyRequired')}</Typography.Text>}
        </>
      )} />
  );
}
