import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { useLang, useT } from '../../shared/i18n/index.ts';
import type { AuthAnswer } from '../../shared/session.ts';
import { login } from './api.ts';
import { authMessages } from './messages.ts';

interface Values {
  username: string;
  password: string;
}

/** User name (or e-mail, or phone) and password. A 423 shows when the lock ends. */
export function LoginForm({ onAnswer }: { onAnswer: (a: AuthAnswer, password: string) => void }) {
  const t = useT(authMessages);
  const { lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      onAnswer(await login(v.username.trim(), v.password), v.password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 423) {
        const until = err.extra.lockedUntil;
        setError(until ? t('locked', { time: dayjs(String(until)).format('YYYY-MM-DD HH:mm') }) : t('lockedNoTime'));
      } else setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form">
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form.Item name="username" label={t('username')} rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" size="large" data-testid="login-username" />
      </Form.Item>
      <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
        {t('signIn')}
      </Button>
    </Form>
  );
}
