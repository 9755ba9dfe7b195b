import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { applyServerErrors, errorText } from './errors.ts';
import { useLang } from './i18n/index.ts';

/** Returns `onError(err)` for a form: field errors go onto fields, anything else becomes a message. */
export function useFormErrors(form: FormInstance, rename?: Record<string, string>) {
  const { lang } = useLang();
  const { message } = App.useApp();
  return useCallback(
    (err: unknown) => {
      if (!applyServerErrors(form, err, lang, rename)) message.error(errorText(err, lang));
    },
    [form, lang, message, rename],
  );
}

/** Returns `onError(err)` that shows an error message. */
export function useShowError() {
  const { lang } = useLang();
  const { message } = App.useApp();
  return useCallback((err: unknown) => void message.error(errorText(err, lang)), [lang, message]);
}
