import { describe, expect, it } from 'vitest';
import { metaFromForm } from '../articles/KindFields.tsx';
import { moduleOfPath, pathOfKind } from './kinds.ts';

describe('portal content modules', () => {
  it('maps a portal path to the module whose visit it counts', () => {
    expect(moduleOfPath('/')).toBe('home');
    expect(moduleOfPath('/apply')).toBe('apply');
    expect(moduleOfPath('/directory/abc')).toBe('directory');
    expect(moduleOfPath('/policies')).toBe('policies');
    expect(moduleOfPath('/case-studies')).toBe('case_studies');
    expect(moduleOfPath('/guide')).toBe('guide');
    expect(moduleOfPath('/my/cases')).toBeNull();
    expect(moduleOfPath('/articles/1')).toBeNull();
  });

  it('links each kind to its list', () => {
    expect(['policy', 'case_study', 'qa', 'guide'].map(pathOfKind)).toEqual(['/policies', '/case-studies', '/qa', '/guide']);
  });
});

describe('metaFromForm', () => {
  it('keeps the kind\'s own fields, trims text and writes dates as YYYY-MM-DD', async () => {
    const dayjs = (await import('dayjs')).default;
    expect(metaFromForm('policy', { issuingBody: ' 武汉市知识产权局 ', issuedOn: dayjs('2026-03-01'), validity: 'in_force', documentNumber: '', outcome: 'x' }))
      .toEqual({ issuingBody: '武汉市知识产权局', issuedOn: '2026-03-01', validity: 'in_force' });
    expect(metaFromForm('qa', { question: '能否维权？' })).toEqual({ question: '能否维权？' });
  });
});
