import { useCallback, useContext } from 'react';
import { common, type CommonKey } from './common.ts';
import { LangContext } from './I18nProvider.tsx';
import { fill, pick, type Dict, type Msg } from './lang.ts';

export { I18nProvider } from './I18nProvider.tsx';
export type { Dict, Lang, Msg } from './lang.ts';
export { pick } from './lang.ts';

export function useLang() {
  return useContext(LangContext);
}

export type TFn<K extends string> = (key: K | CommonKey, vars?: Record<string, string | number>) => string;

/** `const t = useT(dict)`: looks a key up in the feature's dictionary, then in the common one. */
export function useT<D extends Dict>(dict?: D): TFn<Extract<keyof D, string>> {
  const { lang } = useContext(LangContext);
  return useCallback(
    (key: string, vars?: Record<string, string | number>) => {
      const m: Msg | undefined = (dict as Dict | undefined)?.[key] ?? (common as Dict)[key];
      return m ? fill(pick(lang, m), vars) : key;
    },
    [lang, dict],
  );
}

/** Pick a server-sent bilingual text: `{zh,en}` objects, or an error's `message`/`messageEn`. */
export function useBi() {
  const { lang } = useContext(LangContext);
  return useCallback((zh: string | undefined | null, en: string | undefined | null) => (lang === 'en' ? en || zh || '' : zh || en || ''), [lang]);
}

