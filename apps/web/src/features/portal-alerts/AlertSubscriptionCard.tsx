import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { alertCountries, caseFields } from '@yuanzhi/contracts';
import { App, Button, Card, Checkbox, Form, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { api, get } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors, useShowError } from '../../shared/useApplyErrors.ts';
import { useLabel } from '../experts/labels.ts';
import { portalAlertMessages } from './messages.ts';

interface Subscription { countries: string[]; industries: string[]; email: boolean }

/** On the applicant's account page: subscribe to risk alerts by country and industry. */
export function AlertSubscriptionCard() {
  const t = useT(portalAlertMessages);
  const label = useLabel();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Subscription>();
  const onError = useFormErrors(form);
  const showError = useShowError();
  const q = useQuery({ queryKey: ['alert-subscription'], queryFn: () => get<{ data: Subscription | null }>('/api/portal/alert-subscription').then((r) => r.data) });
  const save = useMutation({ mutationFn: (b: Subscription) => api('/api/portal/alert-subscription', { method: 'PUT', body: b }), onSuccess: () => qc.invalidateQueries({ queryKey: ['alert-subscription'] }) });
  const drop = useMutation({ mutationFn: () => api('/api/portal/alert-subscription', { method: 'DELETE' }), onSuccess: () => qc.invalidateQueries({ queryKey: ['alert-subscription'] }) });
  useEffect(() => { form.setFieldsValue(q.data ?? { countries: [], industries: [], email: true }); }, [q.data, form]);
  const opts = (list: readonly { value: string }[]) => list.map((x) => ({ value: x.value, label: label(list as never, x.value) }));
  return (
    <Card title={t('subscription')} data-testid="alert-subscription">
      <Typography.Paragraph type="secondary">{t('subscriptionIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ countries: v.countries ?? [], industries: v.industries ?? [], email: v.email ?? true }, { onSuccess: () => message.success(t('saved')), onError })}>
        <Form.Item name="countries" label={t('countries')} dependencies={['industries']}
          rules={[({ getFieldValue }) => ({ validator: (_, v: string[] = []) => (v.length + (getFieldValue('industries') ?? []).length > 0 ? Promise.resolve() : Promise.reject(new Error(t('pickOne')))) })]}>
          <Select mode="multiple" options={opts(alertCountries)} data-testid="sub-countries" />
        </Form.Item>
        <Form.Item name="industries" label={t('industries')}><Select mode="multiple" options={opts(caseFields)} data-testid="sub-industries" /></Form.Item>
        <Form.Item name="email" valuePropName="checked"><Checkbox>{t('email')}</Checkbox></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="sub-save">{t('save')}</Button>
          {q.data && <Button onClick={() => drop.mutate(undefined, { onSuccess: () => message.success(t('unsubscribed')), onError: showError })}>{t('unsubscribe')}</Button>}
        </Space>
      </Form>
    </Card>
  );
}
