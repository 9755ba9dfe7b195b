import { describe, expect, it } from 'vitest';
import { chooseWords, MAX_RARE, RARE_SHARE } from './consultations.suggest-words.ts';

const stats = (shares: Record<string, number>) => ({ freq: (w: string) => shares[w] ?? 0 });

describe('which words of a desk question are looked up', () => {
  it('drops the filler, puts the rarest first and splits rare from common at RARE_SHARE', () => {
    const w = chooseWords(['我们', '注册商标', '网店', '卖家', '冒用', '碳纤维', '怎么办'], stats({ 注册商标: 0.2, 网店: 0.03, 卖家: 0.05, 冒用: RARE_SHARE }));
    expect(w.rare).toEqual(['碳纤维']);
    expect(w.common).toEqual(['冒用', '网店', '卖家']);
    expect(w.ranked).toEqual(['碳纤维', '冒用', '网店', '卖家', '注册商标']);
  });

  it('orders words the statistics do not know by length, and caps the rare ones', () => {
    const many = ['星', '量子', '通信卫星', '原子钟', '纠缠', '命名', '载', '轨道', '天线', '频段', '遥测'];
    const w = chooseWords(many, stats({}));
    expect(w.rare).toHaveLength(MAX_RARE);
    expect(w.rare.slice(0, 2)).toEqual(['通信卫星', '原子钟']);
    expect(w.rare).not.toContain('星');
    expect(w.common).toEqual([]);
  });

  it('gives nothing to look up for filler alone', () => {
    expect(chooseWords(['我们', '应该', '怎么办', '可以', '能否'], stats({}))).toEqual({ rare: [], common: [], ranked: [] });
  });
});
