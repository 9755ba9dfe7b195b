import { Alert, Button, Card, Flex, Form, Input, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { applyServerErrors, useErrorText } from '../../shared/errors.ts';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { DevOutboxHint } from '../auth/DevOutboxHint.tsx';
import { openTrack, sendTrackCode, useTrackedCase } from './api.ts';
import { CaseFacts } from './CaseFacts.tsx';
import { CaseFiles } from './CaseFiles.tsx';
import { portalCaseMessages } from './messages.ts';

const KEY = 'yuanzhi.track';
const stored = () => { try { return sessionStorage.getItem(KEY); } catch { return null; } };
const store = (v: string | null) => { try { if (v) sessionStorage.setItem(KEY, v); else sessionStorage.removeItem(KEY); } catch { /* this page only */ } };

interface TrackValues { caseNumber: string; contact: string; code?: string }

/** `/track`: case number + phone/e-mail → code → a read-only view of the case (token kept for this tab). */
export function TrackPage() {
  const t = useT(portalCaseMessages);
  useTitle(t('trackTitle'));
  const [token, setToken] = useState<string | null>(stored);
  const q = useTrackedCase(token);
  const expired = q.error instanceof ApiError && q.error.status === 401;
  const leave = () => { store(null); setToken(null); };
  if (!token || expired) return <TrackForm expired={expired} onOpen={(tk) => { store(tk); setToken(tk); }} />;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880, margin: '0 auto' }} data-testid="track-view">
      <Flex justify="space-between" align="center">
        <Tag data-testid="track-readonly">{t('readOnly')}</Tag>
        <Button onClick={leave} data-testid="track-again">{t('trackAgain')}</Button>
      </Flex>
      {q.isPending ? <Card loading /> : q.error ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : (
        <>
          <CaseFacts c={q.data} />
          <CaseFiles c={q.data} readOnly />
        </>
      )}
    </Flex>
  );
}

function TrackForm({ expired, onOpen }: { expired: boolean; onOpen: (token: string) => void }) {
  const t = useT(portalCaseMessages);
  const { lang } = useLang();
  const errText = useErrorText();
  const [form] = Form.useForm<TrackValues>();
  const [sent, setSent] = useState<number | null>(null);
  const [left, setLeft] = useState(0);
  const [busy, setBusy] = useState<'send' | 'open' | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (left <= 0) return;
    const id = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(id);
  }, [left]);
  const send = async () => {
    const v = await form.validateFields(['caseNumber', 'contact']).catch(() => null);
    if (!v) return;
    setBusy('send');
    setError(null);
    try {
      const r = await sendTrackCode({ caseNumber: v.caseNumber.trim(), contact: v.contact.trim() });
      setSent(Math.max(1, Math.round((r.expiresInSeconds ?? 600) / 60)));
      setLeft(60);
    } catch (e) {
      if (!applyServerErrors(form, e, lang)) setError(e);
    } finally {
      setBusy(null);
    }
  };
  const open = async (v: TrackValues) => {
    setBusy('open');
    setError(null);
    try {
      const r = await openTrack({ caseNumber: v.caseNumber.trim(), contact: v.contact.trim(), code: (v.code ?? '').trim() });
      onOpen(r.token);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_code') form.setFields([{ name: 'code', errors: [errText(e)] }]);
      else if (!applyServerErrors(form, e, lang)) setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card title={t('trackTitle')} style={{ maxWidth: 520, margin: '0 auto' }} data-testid="track-page">
      <p>{t('trackIntro')}</p>
      {expired && <Alert type="warning" showIcon title={t('trackExpired')} style={{ marginBottom: 12 }} data-testid="track-expired" />}
      <DevOutboxHint />
      <Form form={form} layout="vertical" onFinish={(v) => void open(v)} data-testid="track-form">
        <Form.Item name="caseNumber" label={t('caseNumber')} normalize={(v: string) => v?.toUpperCase()}
          rules={[{ required: true, whitespace: true, message: t('trackCaseRequired') }]}>
          <Input placeholder="WH-2026-000123" autoComplete="off" data-testid="track-caseNumber" />
        </Form.Item>
        <Form.Item name="contact" label={t('trackContact')} rules={[{ required: true, whitespace: true, message: t('trackContactRequired') }]}>
          <Input autoComplete="off" data-testid="track-contact" />
        </Form.Item>
        <Form.Item label={t('code')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="code" noStyle rules={[{ required: true, whitespace: true, message: t('codeRequired') }]}>
              <Input inputMode="numeric" maxLength={8} autoComplete="one-time-code" data-testid="track-code" />
            </Form.Item>
            <Button onClick={() => void send()} loading={busy === 'send'} disabled={left > 0} data-testid="track-send-code">
              {left > 0 ? t('resendIn', { n: left }) : t('sendCode')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {sent !== null && <Alert type="success" showIcon title={t('codeSentHint', { n: sent })} style={{ marginBottom: 12 }} data-testid="track-code-sent" />}
        {error != null && <Alert type="error" showIcon title={errText(error)} style={{ marginBottom: 12 }} data-testid="track-error" />}
        <Button type="primary" htmlType="submit" block loading={busy === 'open'} data-testid="track-submit">{t('view')}</Button>
      </Form>
    </Card>
  );
}
