import { createContext, useCallback, useMemo, useState, type ReactNode } from 'react';
import { storeLang, storedLang, type Lang } from './lang.ts';

export interface LangState {
  lang: Lang;
  setLang: (l: Lang) => void;
  toggle: () => void;
}

export const LangContext = createContext<LangState>({ lang: 'zh-CN', setLang: () => {}, toggle: () => {} });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = storedLang();
    document.documentElement.lang = l;
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    storeLang(l);
    setLangState(l);
  }, []);
  const toggle = useCallback(() => setLang(lang === 'en' ? 'zh-CN' : 'en'), [lang, setLang]);
  const value = useMemo(() => ({ lang, setLang, toggle }), [lang, setLang, toggle]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}
