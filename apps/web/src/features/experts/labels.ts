import { labelOf, type Labelled } from '@yuanzhi/contracts';
import { useCallback } from 'react';
import { useLang } from '../../shared/i18n/index.ts';

/** Label of a shared enum value (packages/contracts) in the current language; lists joined with 、. */
export function useLabel() {
  const { lang } = useLang();
  return useCallback(
    (list: readonly Labelled[], v: string | readonly string[] | null | undefined) =>
      v == null ? '' : (Array.isArray(v) ? v : [v as string]).map((x) => labelOf(list, x, lang === 'en' ? 'en' : 'zh')).join(lang === 'en' ? ', ' : '、'),
    [lang],
  );
}
