import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { passwordProblems } from '@yuanzhi/domain';
import { Flex, Typography } from 'antd';
import { useCallback } from 'react';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { authMessages } from './messages.ts';


/** An antd rule validator that names the first broken password rule in the current language. */
export function usePasswordValidator(staff: boolean, username?: string | null) {
  const { lang } = useLang();
  return useCallback(
    async (_rule: unknown, v: string | undefined) => {
      const first = v ? passwordProblems(v, { staff, username })[0] : undefined;
      if (first) throw new Error(lang === 'en' ? first.en : first.zh);
    },
    [lang, staff, username],
  );
}

/** Live checklist under a new-password field. */
export function PasswordRules({ value, staff, username }: { value: string; staff: boolean; username?: string | null }) {
  const t = useT(authMessages);
  const problems = new Set(passwordProblems(value ?? '', { staff, username }).map((p) => p.code));
  const rows = [
    { ok: !problems.has('too_short'), text: t('ruleLength'), id: 'length' },
    { ok: !problems.has('too_few_classes'), text: t('ruleClasses', { n: staff ? 3 : 2 }), id: 'classes' },
    { ok: !problems.has('common'), text: t('ruleCommon'), id: 'common' },
    ...(username ? [{ ok: !problems.has('contains_username'), text: t('ruleUsername'), id: 'username' }] : []),
  ];
  return (
    <Flex vertical gap={2} style={{ marginBottom: 16 }} data-testid="password-rules">
      {rows.map((r) => (
        <Typography.Text key={r.id} type={r.ok ? 'success' : 'secondary'} data-testid={`rule-${r.id}`} data-ok={r.ok}>
          {r.ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {r.text}
        </Typography.Text>
      ))}
    </Flex>
  );
}
