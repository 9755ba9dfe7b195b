import { useCallback } from 'react';
import { useLang } from './i18n/index.ts';
import { pick, type Msg } from './i18n/lang.ts';

/** Label of an enum value in the current language; unknown values show as they are. */
export function useEnum() {
  const { lang } = useLang();
  const label = useCallback(
    (table: Record<string, Msg>, value: string | null | undefined) => {
      if (!value) return '';
      const m = table[value];
      return m ? pick(lang, m) : value;
    },
    [lang],
  );
  const options = useCallback(
    (table: Record<string, Msg>) => Object.entries(table).map(([value, m]) => ({ value, label: pick(lang, m) })),
    [lang],
  );
  return { label, options };
}
