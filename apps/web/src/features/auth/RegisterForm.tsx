import { isValidCreditCode } from '@yuanzhi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { partyKinds, type PartyKind } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { meKey, type Me } from '../../shared/session.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { register, type CodeChannel, type RegisterBody } from './api.ts';
import { ContactFields } from './ContactFields.tsx';
import { authMessages } from './messages.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { registerMessages } from './registerMessages.ts';

interface Values {
  partyKind: PartyKind;
  displayName: string;
  orgName?: string;
  creditCode?: string;
  channel: CodeChannel;
  phone?: string;
  email?: string;
  code: string;
  password: string;
}

const dict = { ...authMessages, ...registerMessages };
const creditCodeChars = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** 注册: the party kind decides the fields; organisations give a name and a checked credit code. */
export function RegisterForm({ onDone }: { onDone: (me: Me | null) => void }) {
  const t = useT(dict);
  const { options } = useEnum();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('partyKind', form) ?? 'natural_person';
  const isOrg = kind !== 'natural_person';

  const onFinish = async (v: Values) => {
    const body: RegisterBody = { partyKind: v.partyKind, displayName: v.displayName.trim(), code: v.code, password: v.password };
    if (isOrg) {
      body.orgName = v.orgName?.trim();
      body.creditCode = v.creditCode?.trim().toUpperCase();
    }
    if (v.channel === 'sms') body.phone = v.phone?.trim();
    else body.email = v.email?.trim();
    setBusy(true);
    try {
      const r = await register(body);
      qc.setQueryData(meKey, r.data.me);
      message.success(t('registered'));
      onDone(r.data.me);
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ partyKind: 'natural_person', channel: 'sms' }} data-testid="register-form">
      <Form.Item name="partyKind" label={t('partyKind')}>
        <Radio.Group options={options(partyKinds)} data-testid="register-partyKind" />
      </Form.Item>
      {isOrg && (
        <>
          <Form.Item name="orgName" label={t('orgName')} rules={[{ required: true, whitespace: true, message: t('orgNameRequired') }, { max: 100 }]}>
            <Input data-testid="register-orgName" />
          </Form.Item>
          <Form.Item name="creditCode" label={t('creditCode')} hasFeedback validateFirst normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
            rules={[
              { required: true, message: t('creditCodeRequired') },
              { pattern: creditCodeChars, message: t('creditCodeFormat') },
              { validator: async (_r, v: string) => { if (v && !isValidCreditCode(v)) throw new Error(t('creditCodeCheck')); } },
            ]}>
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="register-creditCode" />
          </Form.Item>
        </>
      )}
      <Form.Item name="displayName" label={isOrg ? t('contactName') : t('personName')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { max: 50 }]}>
        <Input autoComplete="name" data-testid="register-displayName" />
      </Form.Item>
      <ContactFields purpose="register" />
      <NewPasswordFields />
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="register-submit">
        {t('register')}
      </Button>
    </Form>
  );
}
