/** The infringement assessment opinion as the expert writes it and the handler records it (service-outcomes.ts). */
export interface ComparedRow { item: string; protected: string; accused: string; finding: string }
export interface OpinionValue {
  conclusion: 'likely' | 'unlikely' | 'cannot_tell';
  reasoning: string[];
  comparedWhat?: string;
  compared: ComparedRow[];
}
/** What the form holds: the reasoning as one text, a paragraph a line. */
export type OpinionForm = Omit<OpinionValue, 'reasoning'> & { reasoning: string };

export const conclusions = {
  likely: ['可能构成侵权', 'Likely infringing'],
  unlikely: ['不太可能构成侵权', 'Unlikely infringing'],
  cannot_tell: ['现有材料无法判断', 'Cannot tell from the material'],
} as const;

export function toForm(v: OpinionValue | null | undefined): Partial<OpinionForm> {
  if (!v) return { compared: [] };
  return { ...v, reasoning: v.reasoning.join('\n'), compared: v.compared ?? [] };
}

export function fromForm(f: OpinionForm): OpinionValue {
  const comparedWhat = f.comparedWhat?.trim();
  return {
    conclusion: f.conclusion,
    reasoning: f.reasoning.split('\n').map((x) => x.trim()).filter(Boolean),
    ...(comparedWhat ? { comparedWhat } : {}),
    compared: (f.compared ?? []).filter((r) => r && r.item?.trim()),
  };
}
