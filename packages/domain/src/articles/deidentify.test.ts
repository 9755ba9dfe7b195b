import { describe, expect, it } from 'vitest';
import { deidentify, hint } from './deidentify.ts';

describe('deidentify', () => {
  const known = [
    { kind: 'name' as const, value: '武汉楚天机械制造有限公司', role: 'applicant' as const },
    { kind: 'name' as const, value: '某五金经营部', role: 'opposing' as const },
    { kind: 'name' as const, value: '李红梅', role: 'agent' as const, person: true },
    { kind: 'phone' as const, value: '13911110001' },
    { kind: 'address' as const, value: '武汉市洪山区珞喻路1号' },
    { kind: 'ip_number' as const, value: 'ZL202120000001.2' },
  ];

  it('replaces party names, numbers and addresses, and lists every replacement', () => {
    const text = '武汉楚天机械制造有限公司（联系人李红梅，电话13911110001，地址武汉市洪山区珞喻路1号）发现某五金经营部销售的夹具落入专利ZL202120000001.2的保护范围。楚天机械制造公司随后申请援助。';
    const { texts, replacements } = deidentify([text], known);
    const [out] = texts;
    for (const secret of ['楚天', '李红梅', '13911110001', '珞喻路', 'ZL2021', '五金经营部']) expect(out).not.toContain(secret);
    expect(out).toContain('甲公司');
    expect(out).toContain('乙公司');
    expect(out).toContain('李某');
    expect(out).toContain('[电话已隐去]');
    const byKind = Object.fromEntries(replacements.map((r) => [r.shown + r.kind, r.count]));
    expect(byKind[hint('武汉楚天机械制造有限公司') + 'name']).toBe(1);
    expect(byKind[hint('楚天机械制造公司') + 'name']).toBe(1);
    expect(replacements.every((r) => !r.shown.includes('13911110001'))).toBe(true);
  });

  it('catches ID numbers, credit codes, e-mails and phones typed in free text', () => {
    const text = '身份证420106199001011234，信用代码91420100MA4K123456，邮箱zhang@example.com，座机027-87654321，手机 139 1111 0009。';
    const { texts, replacements } = deidentify([text], []);
    expect(texts[0]).toBe('身份证[身份证号已隐去]，信用代码[统一社会信用代码已隐去]，邮箱[邮箱已隐去]，座机[电话已隐去]，手机 [电话已隐去]。');
    expect(replacements.map((r) => r.kind).sort()).toEqual(['credit_code', 'email', 'id_number', 'phone', 'phone']);
  });

  it('leaves text without personal data unchanged', () => {
    const text = '2022年全国维权援助机构办理案件约7.5万件。';
    expect(deidentify([text], known)).toEqual({ texts: [text], replacements: [] });
  });
});
