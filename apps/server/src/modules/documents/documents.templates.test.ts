import { describe, expect, it } from 'vitest';
import { documentText } from './documents.html.ts';
import { DOCUMENT_KINDS } from './documents.model.ts';
import { InvalidDocNumber } from './documents.number.ts';
import { buildDocument } from './documents.templates.ts';
import { sampleData } from './documents.test-support.ts';

describe('templates', () => {
  it.each(DOCUMENT_KINDS)('%s: a complete document from case data', (kind) => {
    const doc = buildDocument(kind, sampleData(kind));
    expect(doc.kind).toBe(kind);
    expect(doc.docNumber).toMatch(/^鄂维援.字〔2026〕12号$/);
    expect(doc.date).toBe('2026年11月22日');
    expect(doc.printedOn).toBe('2026年11月22日');
    expect(doc.signature).toBe('湖北省知识产权维权援助中心');
    expect(doc.title.length).toBeGreaterThan(4);
    expect(doc.addressee).not.toMatch(/[：:]$/); // the renderers add the full-width colon
    expect(doc.body.length).toBeGreaterThan(1);
    expect(documentText(doc)).toContain('YZ-420000-2026-000123');
  });

  it('refuses a document number GB/T 9704 does not allow', () => {
    const data = { ...sampleData('acceptance_notice'), docNumber: '鄂维援受字[2026]012号' };
    expect(() => buildDocument('acceptance_notice', data)).toThrow(InvalidDocNumber);
  });

  it('writes what each kind must say', () => {
    const text = (kind: (typeof DOCUMENT_KINDS)[number], edit: (d: ReturnType<typeof sampleData>) => void = () => {}) => {
      const d = sampleData(kind);
      edit(d);
      return documentText(buildDocument(kind, d));
    };
    expect(text('acceptance_notice')).toContain('本中心决定予以受理');
    expect(text('acceptance_notice')).toContain('15个工作日内办结');
    expect(text('decline_notice')).toContain('申请人未能提供涉案专利权有效的证明材料');
    expect(text('supplement_request')).toContain('请于2026年11月29日前（自收到本通知书之日起5个工作日内）补充提交下列材料');
    expect(text('guidance_letter')).toContain('通过公证购买固定被诉侵权产品及销售证据');
    expect(text('transfer_letter')).toContain('现将该案件移交贵单位办理');
    expect(text('referral_letter')).toContain('并于2026年12月15日前将处理情况反馈本中心');
    for (const [conclusion, phrase] of [
      ['likely', '构成侵权的可能性较大'],
      ['unlikely', '构成侵权的可能性较小'],
      ['cannot_tell', '尚难以判断'],
    ] as const) {
      expect(text('infringement_opinion', (d) => (d.opinion!.conclusion = conclusion))).toContain(phrase);
    }
  });
});
