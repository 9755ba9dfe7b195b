import { useQueryClient } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { meKey, type AuthAnswer, type Me, type NextStep } from '../../shared/session.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { LoginForm } from './LoginForm.tsx';
import { authMessages } from './messages.ts';
import { TotpEnrol } from './TotpEnrol.tsx';
import { TotpForm } from './TotpForm.tsx';

type Step = 'login' | Exclude<NextStep, 'done'>;

/**
 * Sign-in in steps, as the server asks (`next`): password → TOTP code | TOTP enrolment |
 * forced password change → done. `initial` resumes a half-finished sign-in (e.g. after a reload).
 */
export function SignInFlow({ onDone, title, initial = 'login', staff }: {
  onDone: (me: Me | null) => void;
  title: string;
  initial?: Step;
  staff: boolean;
}) {
  const t = useT(authMessages);
  const qc = useQueryClient();
  const [step, setStep] = useState<Step>(initial);
  const [password, setPassword] = useState<string | undefined>();
  const [me, setMe] = useState<Me | null>(null);

  const onAnswer = (a: AuthAnswer, pw?: string) => {
    if (pw !== undefined) setPassword(pw);
    if (a.data.me) setMe(a.data.me);
    if (a.data.next === 'done') {
      qc.setQueryData(meKey, a.data.me);
      void qc.invalidateQueries({ queryKey: meKey });
      onDone(a.data.me);
    } else setStep(a.data.next);
  };

  const heading = { login: title, mfa: t('mfaTitle'), mfa_setup: t('enrolTitle'), change_password: t('changePwTitle') }[step];
  return (
    <div data-testid={`signin-step-${step}`}>
      <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
        {heading}
      </Typography.Title>
      {step === 'login' && <LoginForm onAnswer={onAnswer} />}
      {step === 'mfa' && <TotpForm onAnswer={onAnswer} />}
      {step === 'mfa_setup' && <TotpEnrol onAnswer={onAnswer} />}
      {step === 'change_password' && (
        <ChangePasswordForm onAnswer={onAnswer} knownPassword={password} staff={me ? me.kind !== 'applicant' : staff} username={me?.username} forced />
      )}
    </div>
  );
}
