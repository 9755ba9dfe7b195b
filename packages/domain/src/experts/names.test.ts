import { describe, expect, it } from 'vitest';
import { normaliseCreditCode, normaliseOrgName, orgKey, sameOrg } from './names.ts';

describe('normaliseOrgName', () => {
  it.each([
    ['武汉光谷激光有限公司', '武汉光谷激光有限责任公司'],
    ['武汉光谷激光有限公司', '武汉光谷激光股份有限公司'],
    ['武汉（光谷）激光有限公司', '武汉(光谷)激光有限公司'],
    ['武汉光谷激光有限公司', '武汉光谷激光 有限公司'],
    ['武汉·光谷激光有限公司', '武汉光谷激光有限公司'],
    ['ＡＢＣ精密仪器有限公司', 'abc精密仪器有限公司'],
    ['Acme Ltd.', 'ACME Co., Ltd'],
    ['武汉光谷激光公司', '武汉光谷激光有限公司'],
  ])('%s = %s', (a, b) => {
    expect(normaliseOrgName(a)).toBe(normaliseOrgName(b));
  });
  it.each([
    ['武汉光谷激光有限公司', '武汉光谷微电子有限公司'],
    ['宜昌磷化工有限公司', '宜昌磷化有限公司'],
  ])('%s ≠ %s', (a, b) => {
    expect(normaliseOrgName(a)).not.toBe(normaliseOrgName(b));
  });
  it('treats empty input as empty', () => {
    expect(normaliseOrgName(null)).toBe('');
    expect(normaliseCreditCode(' ９１４２ ')).toBe('9142');
  });
});

describe('sameOrg', () => {
  const code = '91420100MA4K5T2Q3X';
  it('matches by credit code even when the names differ', () => {
    expect(sameOrg(orgKey({ name: '甲公司', creditCode: code }), orgKey({ name: '乙公司', creditCode: code.toLowerCase() }))).toBe('credit_code');
  });
  it('does not match by name when both credit codes are given and differ', () => {
    expect(sameOrg(orgKey({ name: '武汉甲科技有限公司', creditCode: code }), orgKey({ name: '武汉甲科技有限公司', creditCode: '91420100MA4K5T2Q30' }))).toBeNull();
  });
  it('matches by normalised name when a code is missing', () => {
    expect(sameOrg(orgKey({ name: '武汉甲科技有限责任公司' }), orgKey({ name: '武汉甲科技有限公司', creditCode: code }))).toBe('name');
  });
  it('never matches on a bare suffix', () => {
    expect(sameOrg(orgKey({ name: '有限公司' }), orgKey({ name: '有限责任公司' }))).toBeNull();
  });
});
