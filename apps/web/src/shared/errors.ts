import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api.ts';
import { useLang } from './i18n/index.ts';
import type { Lang } from './i18n/lang.ts';

export function errorText(err: unknown, lang: Lang): string {
  if (err instanceof ApiError) return lang === 'en' ? err.messageEn || err.message : err.message || err.messageEn;
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Message of an error (ApiError or other) in the current language. */
export function useErrorText() {
  const { lang } = useLang();
  return useCallback((err: unknown) => errorText(err, lang), [lang]);
}

function fieldName(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field errors onto the form's fields. Returns true when at least one error found
 * a field of the form, so the caller can skip its general message.
 * `rename` maps a server field name to a form field name where they differ.
 */
export function applyServerErrors(
  form: FormInstance,
  err: unknown,
  lang: Lang,
  rename: Record<string, string> = {},
): boolean {
  if (!(err instanceof ApiError)) return false;
  const list = err.fields?.length
    ? err.fields.map((f) => ({ field: f.field, text: lang === 'en' ? f.messageEn : f.message }))
    : err.field
      ? [{ field: err.field, text: errorText(err, lang) }]
      : [];
  const byField = new Map<string, string[]>();
  for (const { field, text } of list) {
    const name = rename[field] ?? field;
    byField.set(name, [...(byField.get(name) ?? []), text]);
  }
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const known = [...byField.entries()].filter(([name]) => registered.has(name));
  if (!known.length) return false;
  form.setFields(known.map(([name, errors]) => ({ name: fieldName(name), errors })));
  return true;
}
