import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { queryWords } from './search.segment.ts';

let t: TestApp;
let anon: TestClient;
let staff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  anon = t.anon();
  staff = await t.login('hb_admin');
});
afterAll(() => t.close());

/** Text people (and attackers) type: SQL and HTML fragments, tsquery syntax, emoji, mixed scripts, control characters. */
const fragments = [
  "'; DROP TABLE search_entries; --", '" OR 1=1 --', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&amp;&lt;',
  '!', '&', '|', ':*', '<->', '(', ')', "'", '\\', '%', '_', '\u0000', '\u202e', '😀', '👨‍👩‍👧', '侵权', '专利', 'ＡＢＣ１２３', 'Ω', 'مرحبا', 'Привет',
  'WH-2026-0001', '武汉', 'ZL202310000000.1', ' ', '\n', '\t',
];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((xs) => xs.join('')),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

type Answer = { status: number; body: { data: { title: string; snippet: string }[]; total: number } };
function wellFormed(r: Answer) {
  expect(r.status).toBe(200);
  expect(Array.isArray(r.body.data)).toBe(true);
  for (const h of r.body.data) {
    // The only markup in an answer is <mark>.
    expect((h.title + h.snippet).replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  }
}

describe('search takes any text', () => {
  it('answers every generated query with results or an empty list (portal, console, suggestions)', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const e = encodeURIComponent(s);
        wellFormed((await anon.get(`/api/search?q=${e}`)) as Answer);
        wellFormed((await staff.get(`/api/search/console?q=${e}&pageSize=5`)) as Answer);
        const sug = await anon.get(`/api/search/suggestions?q=${e}`);
        expect(sug.status).toBe(200);
      }),
      { numRuns: 60 },
    );
  });

  it('cuts a 10,000-character query instead of refusing it, and survives a NUL byte and a repeated parameter', async () => {
    const long = '专利侵权abc<b>'.repeat(1000);
    expect(long.length).toBe(10_000);
    const r = await anon.get(`/api/search?q=${encodeURIComponent(long)}`);
    wellFormed(r as Answer);
    expect(r.body.words.length).toBeLessThanOrEqual(12);
    wellFormed((await anon.get('/api/search?q=%00%E4%BE%B5%E6%9D%83')) as Answer);
    wellFormed((await anon.get(`/api/search?q=${encodeURIComponent('侵权')}&q=${encodeURIComponent('判定')}`)) as Answer);
    wellFormed((await anon.get(`/api/search?q=${encodeURIComponent('侵权')}&page=200`)) as Answer);
  });

  it('gives the database only letters and digits', () => {
    fc.assert(fc.property(text, (s) => {
      for (const w of queryWords(s)) expect(w).toMatch(/^[\p{L}\p{N}]+$/u);
    }), { numRuns: 500 });
  });
});
