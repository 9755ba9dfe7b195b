import { App, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { sendCode, type CodeChannel, type CodePurpose } from './api.ts';
import { authMessages } from './messages.ts';

/**
 * "获取验证码" with a 60-second countdown. `target()` validates and returns the phone/e-mail,
 * or null when it is not ready (the form shows why).
 */
export function SendCodeButton({ purpose, target, testId = 'send-code' }: {
  purpose: CodePurpose;
  target: () => Promise<{ channel: CodeChannel; target: string } | null>;
  testId?: string;
}) {
  const t = useT(authMessages);
  const errText = useErrorText();
  const { message } = App.useApp();
  const [left, setLeft] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (left <= 0) return;
    const id = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(id);
  }, [left]);

  const onClick = async () => {
    const to = await target();
    if (!to) return void message.warning(t('targetFirst'));
    setBusy(true);
    try {
      const r = await sendCode(purpose, to.channel, to.target);
      setLeft(60);
      message.success(t('codeSent', { n: Math.max(1, Math.round((r.data.expiresInSeconds ?? 600) / 60)) }));
    } catch (err) {
      message.error(errText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button onClick={onClick} disabled={left > 0} loading={busy} data-testid={testId} style={{ minWidth: 112 }}>
      {left > 0 ? t('resend', { n: left }) : t('sendCode')}
    </Button>
  );
}
