import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { applyServerErrors, errorText } from './errors.ts';

function fakeForm(names: string[]) {
  const set: { name: (string | number)[]; errors: string[] }[] = [];
  const form = {
    getFieldsError: () => names.map((n) => ({ name: n.split('.'), errors: [] })),
    setFields: (f: typeof set) => set.push(...f),
  } as unknown as FormInstance;
  return { form, set };
}

const weak = new ApiError(422, {
  code: 'weak_password', message: '密码不能包含用户名', messageEn: 'No user name', field: 'newPassword',
  fields: [{ field: 'newPassword', message: '密码不能包含用户名', messageEn: 'No user name' }],
});

describe('applyServerErrors', () => {
  it('puts field errors on the matching form fields, in the chosen language', () => {
    const { form, set } = fakeForm(['currentPassword', 'newPassword']);
    expect(applyServerErrors(form, weak, 'en')).toBe(true);
    expect(set).toEqual([{ name: ['newPassword'], errors: ['No user name'] }]);
  });

  it('renames server fields and reports false when no field of the form matches', () => {
    const { form, set } = fakeForm(['phone']);
    const e = new ApiError(422, { code: 'invalid', message: '无效', messageEn: 'bad', field: 'target' });
    expect(applyServerErrors(form, e, 'zh-CN', { target: 'phone' })).toBe(true);
    expect(set[0]).toEqual({ name: ['phone'], errors: ['无效'] });
    expect(applyServerErrors(fakeForm(['x']).form, weak, 'zh-CN')).toBe(false);
    expect(applyServerErrors(form, new Error('boom'), 'zh-CN')).toBe(false);
  });

  it('errorText picks the language', () => {
    expect(errorText(weak, 'zh-CN')).toBe('密码不能包含用户名');
    expect(errorText(weak, 'en')).toBe('No user name');
  });
});
