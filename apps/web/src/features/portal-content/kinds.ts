import type { contentMessages } from './messages.ts';

/** The portal's reading modules: path, article kind, title key and the module whose visits are counted. */
export const contentModules = [
  { path: '/policies', kind: 'policy', title: 'policies', module: 'policies' },
  { path: '/knowledge', kind: 'knowledge', title: 'knowledge', module: 'knowledge' },
  { path: '/case-studies', kind: 'case_study', title: 'caseStudies', module: 'case_studies' },
  { path: '/news', kind: 'news', title: 'news', module: 'news' },
  { path: '/qa', kind: 'qa', title: 'qa', module: 'qa' },
] as const satisfies readonly { path: string; kind: string; title: keyof typeof contentMessages; module: string }[];

export const pathOfKind = (kind: string) => (kind === 'guide' ? '/guide' : contentModules.find((m) => m.kind === kind)?.path ?? '/');

/** Which module a portal path belongs to, for visit counts (an article counts under its list's module). */
export function moduleOfPath(pathname: string): string | null {
  if (pathname === '/') return 'home';
  if (pathname.startsWith('/apply')) return 'apply';
  if (pathname.startsWith('/directory')) return 'directory';
  if (pathname.startsWith('/guide')) return 'guide';
  return contentModules.find((m) => pathname.startsWith(m.path))?.module ?? null;
}
