import { isValidMobile } from '@yuanzhi/domain';
import type { FormInstance } from 'antd';
import type { CodeChannel } from './api.ts';

export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validTarget(channel: CodeChannel, v: string | undefined): boolean {
  if (!v) return false;
  return channel === 'sms' ? isValidMobile(v) : emailPattern.test(v.trim());
}

/** For SendCodeButton: validate the contact field of a form with `channel` and `phone`/`email` fields. */
export function targetFrom(form: FormInstance) {
  return async () => {
    const channel = (form.getFieldValue('channel') as CodeChannel) ?? 'sms';
    const field = channel === 'sms' ? 'phone' : 'email';
    try {
      await form.validateFields([field]);
    } catch {
      return null;
    }
    const v = String(form.getFieldValue(field) ?? '').trim();
    return validTarget(channel, v) ? { channel, target: v } : null;
  };
}
