import { describe, expect, it } from 'vitest';
import { outsideNetwork, provinceTiles, tileMapOption } from './provinceTiles.ts';

describe('the province tile map', () => {
  it('has the 34 provincial-level divisions, each once, no two on one square', () => {
    expect(provinceTiles).toHaveLength(34);
    expect(new Set(provinceTiles.map((p) => p.code)).size).toBe(34);
    expect(new Set(provinceTiles.map((p) => `${p.x},${p.y}`)).size).toBe(34);
    for (const p of provinceTiles) expect(p.code).toMatch(/^\d{2}0000$/);
  });

  it('keeps neighbours near: 湖北 touches 河南, 湖南, 重庆 and 安徽; 海南 is south of 广东', () => {
    const at = (short: string) => provinceTiles.find((p) => p.short === short)!;
    const near = (a: string, b: string) => Math.abs(at(a).x - at(b).x) + Math.abs(at(a).y - at(b).y) === 1;
    for (const n of ['河南', '湖南', '重庆', '安徽']) expect(near('湖北', n)).toBe(true);
    expect(at('海南').y).toBeGreaterThan(at('广东').y);
  });

  it('colours the network by its figures and greys what is outside it', () => {
    const option = tileMapOption(new Map([['420000', 120], ['110000', 30]]), '不在统计范围');
    const data = option.series[0]!.data;
    const value = (code: string) => data.find((d) => d.code === code)!.value[2];
    expect(value('420000')).toBe(120);
    expect(value('110000')).toBe(30);
    expect(value('650000')).toBe(0);
    for (const code of outsideNetwork) expect(value(code)).toBeLessThan(option.visualMap.min);
    expect(option.visualMap.max).toBe(120);
    expect(option.tooltip.formatter({ name: '台湾', value: [5, 7, -1] })).toBe('台湾：不在统计范围');
  });
});
