import { countries, type Labelled } from '@yuanzhi/contracts';
import { isValidCreditCode, isValidIdNumber, isValidMobile } from '@yuanzhi/domain';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useLabel } from '../experts/labels.ts';
import { useOptions } from './api.ts';
import { registryMessages } from './messages.ts';
import type { FieldUi } from './types.ts';

/** One form field of a registry: its control and the rules it is checked by as it is typed (check digits included). */
export function FieldInput({ f, institutionId }: { f: FieldUi; institutionId?: string }) {
  const t = useT(registryMessages);
  const bi = useBi();
  const name = bi(f.zh, f.en);
  const rules: Rule[] = [];
  if (f.required) rules.push({ required: true, message: t('required', { name }) });
  if (f.max) rules.push({ max: f.max, message: t('tooLong', { n: f.max }) });
  const check = (ok: (v: string) => boolean, msg: string): Rule => ({ validator: (_, v) => (!v || ok(String(v).trim()) ? Promise.resolve() : Promise.reject(new Error(msg))) });
  if (f.type === 'creditCode') rules.push(check((v) => isValidCreditCode(v.toUpperCase()), t('invalidCreditCode')));
  if (f.type === 'mobile') rules.push(check(isValidMobile, t('invalidMobile')));
  if (f.type === 'idNumber') rules.push(check((v) => isValidIdNumber(v.toUpperCase()), t('invalidId')));
  if (f.type === 'email') rules.push({ type: 'email', message: t('invalidEmail') });
  if (f.type === 'url') rules.push(check((v) => /^https?:\/\/\S+$/i.test(v), t('invalidUrl')));
  if (f.type === 'country') rules.push(check((v) => /^[A-Za-z]{2}$/.test(v), t('countryCode')));
  const date = f.type === 'date' ? { getValueProps: (v: string | null) => ({ value: v ? dayjs(v) : null }), normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null) } : {};
  return (
    <Form.Item name={f.key} label={name} rules={rules} {...date} data-testid={`field-${f.key}`}>
      <Control f={f} institutionId={institutionId} />
    </Form.Item>
  );
}

function Control({ f, institutionId, ...rest }: { f: FieldUi; institutionId?: string }) {
  const label = useLabel();
  const opts = (list: readonly Labelled[]) => list.map((x) => ({ value: x.value, label: label(list, x.value) }));
  switch (f.type) {
    case 'textarea': return <Input.TextArea rows={3} {...rest} />;
    case 'select': return <Select allowClear options={opts(f.list ?? [])} {...rest} />;
    case 'multi': return <Select mode="multiple" allowClear options={opts(f.list ?? [])} {...rest} />;
    case 'date': return <DatePicker {...rest} />;
    case 'country': return <Select showSearch allowClear options={opts(countries)} optionFilterProp="label" {...rest} />;
    case 'languages': return <Select mode="tags" tokenSeparators={[',', '、', ' ']} {...rest} />;
    case 'team': return <TeamSelect {...rest} />;
    case 'liaison': return <LiaisonSelect institutionId={institutionId} {...rest} />;
    default: return <Input allowClear {...rest} />;
  }
}

function TeamSelect(props: object) {
  const q = useOptions<{ id: string; name: string; institutionName: string }>('/api/volunteer-teams?pageSize=200');
  return <Select showSearch optionFilterProp="label" loading={q.isLoading} options={q.data?.data.map((x) => ({ value: x.id, label: `${x.name}（${x.institutionName}）` }))} {...props} />;
}

function LiaisonSelect({ institutionId, ...props }: { institutionId?: string }) {
  const q = useOptions<{ id: string; name: string; username: string }>(`/api/key-enterprises/liaisons${institutionId ? `?institutionId=${institutionId}` : ''}`);
  return <Select allowClear showSearch optionFilterProp="label" loading={q.isLoading} options={q.data?.data.map((x) => ({ value: x.id, label: `${x.name}（${x.username}）` }))} {...props} />;
}
