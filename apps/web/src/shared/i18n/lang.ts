export type Lang = 'zh-CN' | 'en';

const KEY = 'yuanzhi.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* private mode: the choice lasts this page only */
  }
  document.documentElement.lang = lang;
}

/** A message in both languages: [Chinese, English]. */
export type Msg = readonly [string, string];
export type Dict = Record<string, Msg>;

export function pick(lang: Lang, m: Msg | { zh: string; en: string }): string {
  if (Array.isArray(m)) return lang === 'en' ? m[1] : m[0];
  const o = m as { zh: string; en: string };
  return lang === 'en' ? o.en : o.zh;
}

export function fill(s: string, vars?: Record<string, string | number>): string {
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (all, k: string) => (k in vars ? String(vars[k]) : all));
}
