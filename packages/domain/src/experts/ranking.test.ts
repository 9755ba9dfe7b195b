import { describe, expect, it } from 'vitest';
import { rankExperts, type MatchCase, type MatchExpert } from './ranking.ts';

const expert = (id: string, over: Partial<MatchExpert> = {}): MatchExpert => ({
  id, name: id, employer: '华中科技大学', employerCreditCode: null, kinds: ['technical_expert'], ipc: ['B23'], industries: ['manufacturing'],
  ipTypes: ['patent'], services: ['infringement_opinion'], regions: ['420100'], languages: ['zh'], jurisdictions: [],
  availability: 'available', maxOpen: 3, openLoad: 0, ratingAvg: null, ratingCount: 0, interests: [], pastParties: [], ...over,
});

const CODE_A = '91420100MA4K5T2Q3X';
const theCase: MatchCase = {
  ipType: 'patent', field: 'manufacturing', ipc: ['B23Q'], services: ['infringement_opinion'], regionCode: '420111',
  parties: [
    { role: 'applicant', name: '武汉楚天机械制造有限公司', creditCode: CODE_A },
    { role: 'opposing', name: '湖北（荆楚）五金有限责任公司' },
  ],
};

describe('recusal comes first', () => {
  it.each<[string, Partial<MatchExpert>, string, RegExp]>([
    ['same employer as the applicant, by credit code', { employer: '楚天机械', employerCreditCode: CODE_A }, 'same_organisation', /申请人.*统一社会信用代码/],
    ['same employer as the opposing party, by normalised name', { employer: '湖北荆楚五金有限公司' }, 'same_organisation', /对方当事人/],
    ['opposing party is a declared client', { interests: [{ kind: 'client', name: '湖北(荆楚)五金有限公司' }] }, 'declared_interest', /委托人\/客户.*对方当事人/],
    ["relative's company, written full-width with spaces", { interests: [{ kind: 'relative', name: '武汉楚天机械制造 有限责任公司' }] }, 'declared_interest', /近亲属的企业.*申请人/],
    ['relative\'s company, by credit code typed in lower case', { interests: [{ kind: 'relative', name: '别名公司', creditCode: CODE_A.toLowerCase() }] }, 'declared_interest', /申请人/],
    ['name with different punctuation', { interests: [{ kind: 'shareholding', name: '湖北·荆楚·五金有限公司' }] }, 'declared_interest', /对方当事人/],
    ['full-width characters in the employer', { employer: '武汉楚天机械制造有限公司'.replace('武汉', 'ｗｕｈａｎ').replace('ｗｕｈａｎ', '武汉') + '　' }, 'same_organisation', /申请人/],
    ['past work involved the applicant', { pastParties: [{ name: '武汉楚天机械制造股份有限公司' }] }, 'past_work', /既往案件/],
    ['unavailable', { availability: 'unavailable' }, 'unavailable', /不可用/],
    ['workload full', { openLoad: 3 }, 'at_capacity', /已满/],
  ])('%s', (_label, over, code, reason) => {
    const r = rankExperts(theCase, [expert('x', over), expert('ok')]);
    expect(r.ranked.map((e) => e.expertId)).toEqual(['ok']);
    expect(r.excluded).toHaveLength(1);
    expect(r.excluded[0].reasons.map((x) => x.code)).toContain(code);
    expect(r.excluded[0].reasons.map((x) => x.zh).join()).toMatch(reason);
    expect(r.excluded[0].reasons[0].en).toBeTruthy();
  });

  it('does not exclude on a mere similar name', () => {
    const r = rankExperts(theCase, [expert('x', { employer: '武汉楚天机械销售有限公司', interests: [{ kind: 'client', name: '湖北五金有限公司' }] })]);
    expect(r.excluded).toEqual([]);
    expect(r.ranked).toHaveLength(1);
  });

  it('lists conflicts ahead of capacity exclusions', () => {
    const r = rankExperts(theCase, [expert('a-full', { openLoad: 5 }), expert('z-conflict', { employerCreditCode: CODE_A })]);
    expect(r.excluded.map((e) => e.expertId)).toEqual(['z-conflict', 'a-full']);
  });
});

describe('scoring', () => {
  it('ranks by technical field, IP type, service, region, workload and rating, with parts that add up', () => {
    const r = rankExperts(theCase, [
      expert('best', { ipc: ['B23Q'], regions: ['420111'], ratingAvg: 5, ratingCount: 4 }),
      expert('busy', { ipc: ['B23Q'], openLoad: 2, ratingAvg: 5, ratingCount: 4 }),
      expert('section-only', { ipc: ['B21'], industries: [] }),
      expert('other-field', { ipc: ['C07'], industries: ['biomedicine'], ipTypes: ['trademark'], services: ['mediation'], regions: ['110000'] }),
    ]);
    expect(r.ranked.map((e) => e.expertId)).toEqual(['best', 'busy', 'section-only', 'other-field']);
    const best = r.ranked[0];
    expect(best.rank).toBe(1);
    expect(best.score).toBe(100);
    expect(best.parts.map((p) => p.factor)).toEqual(['technical_field', 'ip_type', 'service', 'region', 'workload', 'rating']);
    const other = r.ranked[3];
    expect(other.parts.find((p) => p.factor === 'ip_type')!.points).toBe(0);
    expect(other.parts.find((p) => p.factor === 'region')!.zh).toBe('服务地区不覆盖');
    expect(other.score).toBeLessThan(30);
  });

  it('a province-wide expert covers a county; a city expert next door scores less', () => {
    const r = rankExperts({ ...theCase, ipc: [] }, [expert('province', { regions: ['420000'] }), expert('yichang', { regions: ['420500'] })]);
    const pts = Object.fromEntries(r.ranked.map((e) => [e.expertId, e.parts.find((p) => p.factor === 'region')!.points]));
    expect(pts).toEqual({ province: 7, yichang: 4 });
  });

  it('for an overseas case, weighs the jurisdiction and language', () => {
    const c: MatchCase = { ...theCase, overseas: true, country: 'DE', language: 'de', services: ['overseas_guidance'] };
    const r = rankExperts(c, [
      expert('de', { kinds: ['overseas'], jurisdictions: ['DE'], languages: ['zh', 'de'], services: ['overseas_guidance'] }),
      expert('us', { kinds: ['overseas'], jurisdictions: ['US'], languages: ['en'], services: ['overseas_guidance'] }),
    ]);
    expect(r.ranked.map((e) => e.expertId)).toEqual(['de', 'us']);
    expect(r.ranked[0].parts.find((p) => p.factor === 'overseas')).toMatchObject({ points: 20, max: 20 });
    expect(r.ranked[1].parts.find((p) => p.factor === 'overseas')!.zh).toMatch(/不熟悉DE法域/);
  });

  it('is deterministic on ties and honours the limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => expert(`e${String(i).padStart(2, '0')}`));
    const r = rankExperts(theCase, [...many].reverse(), 5);
    expect(r.ranked.map((e) => e.expertId)).toEqual(['e00', 'e01', 'e02', 'e03', 'e04']);
    expect(r.ranked.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
  });
});
