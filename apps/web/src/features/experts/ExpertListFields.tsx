import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { interestKinds, type Labelled } from '@yuanzhi/contracts';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { expertMessages } from './messages.ts';

export interface InterestValue { kind?: string; name?: string; creditCode?: string }
export interface QualificationValue { name?: string; number?: string; expiresOn?: Dayjs | null }

/**
 * The expert's declared interests (who they work or worked for — the matching leaves the expert out of a case naming
 * one) and qualifications with their expiry, as lists of rows in the new-expert form.
 */
export function ExpertListFields() {
  const t = useT(expertMessages);
  const { lang } = useLang();
  const opts = (list: readonly Labelled[]) => list.map((x) => ({ value: x.value, label: lang === 'en' ? x.en : x.zh }));
  return (
    <>
      <Form.Item label={t('interests')} tooltip={t('interestsHint')}>
        <Form.List name="interests">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap data-testid="new-expert-interest">
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: t('interestKindRequired') }]}>
                    <Select options={opts(interestKinds)} placeholder={t('interestKind')} style={{ width: 160 }} data-testid="new-expert-interest-kind" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('interestNameRequired') }, { max: 200 }]}>
                    <Input placeholder={t('interestName')} style={{ width: 220 }} data-testid="new-expert-interest-name" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'creditCode']} rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/i, message: t('creditCodeInvalid') }]}>
                    <Input placeholder={t('creditCode')} maxLength={18} style={{ width: 200 }} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 50} data-testid="new-expert-add-interest">{t('addInterest')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('qualifications')}>
        <Form.List name="qualifications">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap data-testid="new-expert-qualification">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('qualificationNameRequired') }, { max: 100 }]}>
                    <Input placeholder={t('qualificationName')} style={{ width: 220 }} data-testid="new-expert-qualification-name" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'number']} rules={[{ max: 60 }]}>
                    <Input placeholder={t('qualificationNumber')} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'expiresOn']}>
                    <DatePicker placeholder={t('qualificationExpires')} data-testid="new-expert-qualification-expires" />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 20} data-testid="new-expert-add-qualification">{t('addQualification')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

/** The lists as the API takes them: trimmed, empty optional parts left out, dates as YYYY-MM-DD. */
export function listsForApi(interests: InterestValue[] | undefined, qualifications: QualificationValue[] | undefined) {
  const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  return {
    interests: (interests ?? []).map((i) => ({ kind: i.kind, name: i.name?.trim(), ...(opt(i.creditCode) ? { creditCode: opt(i.creditCode)!.toUpperCase() } : {}) })),
    qualifications: (qualifications ?? []).map((q) => ({
      name: q.name?.trim(), ...(opt(q.number) ? { number: opt(q.number) } : {}), ...(q.expiresOn ? { expiresOn: q.expiresOn.format('YYYY-MM-DD') } : {}),
    })),
  };
}
