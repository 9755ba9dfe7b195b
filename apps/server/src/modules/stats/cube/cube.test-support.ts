import { expect } from 'vitest';
import type { DB } from '../../../platform/db.ts';
import { indicators } from '../indicators.registry.ts';
import type { Cut, Dimension } from '../indicators.types.ts';

export interface NamedCut {
  name: string;
  cut: (period: string) => Cut;
  by?: Dimension;
}

/** The indicators the cube holds that also keep their live query. */
const cubed = indicators.filter((i) => i.cube && i.live);

/**
 * Every cubed indicator, for each cut its dimensions allow and each period, answers exactly as its live query.
 * Returns how many answers were compared.
 */
export async function expectCubeMatchesLive(db: DB, cuts: NamedCut[], periods: string[], label: string): Promise<number> {
  let compared = 0;
  for (const ind of cubed) {
    for (const c of cuts) {
      if (c.by && !ind.dims.includes(c.by)) continue;
      for (const p of periods) {
        const cut = c.cut(p);
        const [cube, fresh] = [await ind.evaluate(db, cut, c.by), await ind.live!(db, cut, c.by)];
        expect(cube, `${label}: ${ind.id}, ${c.name}, ${p}`).toEqual(fresh);
        compared++;
      }
    }
  }
  return compared;
}
