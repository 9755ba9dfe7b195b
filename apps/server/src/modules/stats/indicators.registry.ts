import { caseIndicators } from './indicators.cases.ts';
import { networkIndicators } from './indicators.network.ts';
import { registryIndicators } from './indicators.registries.ts';
import { trainingIndicators } from './indicators.trainings.ts';
import { eventIndicators } from './indicators.events.ts';
import { consultationIndicators } from './indicators.consultations.ts';
import type { Indicator } from './indicators.types.ts';
import { useCubeIndicators } from './cube/cube.fresh.ts';

/**
 * All indicators, by id. Each module contributes its own list (consultations, trainings, on-site and
 * analysis services add theirs here when they land); ids are `<module>.<name>` and never reused.
 */
const lists: readonly (readonly Indicator[])[] = [networkIndicators, caseIndicators, registryIndicators, trainingIndicators, eventIndicators, consultationIndicators];

export const indicators: readonly Indicator[] = lists.flat();
const byId = new Map(indicators.map((i) => [i.id, i]));
if (byId.size !== indicators.length) throw new Error('Duplicate indicator id');
useCubeIndicators(indicators);

export function findIndicator(id: string): Indicator | undefined {
  return byId.get(id);
}
