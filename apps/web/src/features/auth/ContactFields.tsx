import { Flex, Form, Input, Segmented } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import type { CodePurpose } from './api.ts';
import { emailPattern, targetFrom } from './contactRules.ts';
import { authMessages } from './messages.ts';
import { registerMessages } from './registerMessages.ts';
import { SendCodeButton } from './SendCodeButton.tsx';

const dict = { ...authMessages, ...registerMessages };

/** Phone or e-mail, and the code sent to it. The form holds `channel`, `phone`/`email` and `code`. */
export function ContactFields({ purpose }: { purpose: CodePurpose }) {
  const t = useT(dict);
  const form = Form.useFormInstance();
  const channel = Form.useWatch('channel', form) ?? 'sms';
  return (
    <>
      <Form.Item name="channel" label={t('contactBy')} initialValue="sms">
        <Segmented
          options={[
            { value: 'sms', label: <span data-testid="channel-sms">{t('byPhone')}</span> },
            { value: 'email', label: <span data-testid="channel-email">{t('byEmail')}</span> },
          ]}
        />
      </Form.Item>
      {channel === 'sms' ? (
        <Form.Item name="phone" label={t('phone')} validateFirst
          rules={[{ required: true, message: t('phoneRequired') }, { pattern: /^1\d{10}$/, message: t('phoneInvalid') }]}>
          <Input inputMode="tel" maxLength={11} autoComplete="tel" data-testid="contact-phone" />
        </Form.Item>
      ) : (
        <Form.Item name="email" label={t('email')} validateFirst
          rules={[{ required: true, message: t('emailRequired') }, { pattern: emailPattern, message: t('emailInvalid') }]}>
          <Input inputMode="email" autoComplete="email" data-testid="contact-email" />
        </Form.Item>
      )}
      <Form.Item label={t('code')} required>
        <Flex gap={8}>
          <Form.Item name="code" noStyle rules={[{ required: true, message: t('codeRequired') }, { pattern: /^\d{6}$/, message: t('codeFormat') }]}>
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="contact-code" />
          </Form.Item>
          <SendCodeButton purpose={purpose} target={targetFrom(form)} />
        </Flex>
      </Form.Item>
    </>
  );
}
