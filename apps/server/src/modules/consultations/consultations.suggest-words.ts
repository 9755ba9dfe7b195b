import type { WordStats } from '../search/search.stats.ts';

/**
 * Which words of a desk question are looked up (ADR 0034). A question is mostly words every question has
 * (我们, 怎么办, 商标): OR-ing them would match most of the index. So the filler is dropped, the rest is ordered
 * rarest first by the index's own word statistics, and only the rarest few are matched through the GIN index;
 * the common ones, if nothing rare is left, are matched among the newest entries. All kept words take part in the
 * ranking.
 */

/** Words a desk question is full of that say nothing about its subject (search.segment.ts drops 的, 了, 请问 …). */
const FILLER = new Set([
  '我', '我们', '我的', '你', '你们', '您', '您好', '你好', '他', '他们', '她', '它', '本人', '自己', '想', '想问', '问', '咨询', '问题', '情况',
  '怎么', '怎么办', '怎样', '如何', '什么', '为什么', '哪些', '哪里', '哪个', '多少', '多久', '应该', '应当', '可以', '可', '能', '能否', '能不能',
  '是否', '需要', '要', '会', '有', '没有', '已经', '现在', '这个', '那个', '这种', '这样', '那样', '一个', '一些', '知道', '告诉', '谢谢',
  '还是', '先', '再', '就', '但', '但是', '如果', '因为', '所以', '不', '没', '很', '又', '还', '去', '来', '到', '让', '给', '用', '做', '上', '下',
  '关于', '事情', '找', '谁', '请', '帮', '帮忙', '一下', '这', '那', '些',
]);

/** A word in fewer than this share of the index is rare: its GIN posting list is short enough to read whole. */
export const RARE_SHARE = 0.005;
/** At most this many rare words are OR-ed (each adds at most RARE_SHARE of the index to the candidates' bitmap). */
export const MAX_RARE = 8;
/** At most this many common words are matched among the newest entries. */
export const MAX_COMMON = 3;
/** At most this many words take part in the ranking. */
export const MAX_RANKED = 16;

export interface ChosenWords {
  /** Rarest first; matched through the GIN index, any of them. */
  rare: string[];
  /** Rarest first; matched among the newest entries when the rare words find too little. */
  common: string[];
  /** Every kept word (rarest first, capped): the ranking query and the highlighting. */
  ranked: string[];
}

export function chooseWords(words: readonly string[], stats: WordStats): ChosenWords {
  // A word missing from PostgreSQL's most-common list counts as share 0: rarer than every listed one. Among
  // equally rare words the longer goes first (a long word is a specific term, a lone character rarely is).
  const kept = words
    .filter((w) => !FILLER.has(w))
    .map((w, i) => ({ w, share: stats.freq(w), len: [...w].length, i }))
    .sort((a, b) => a.share - b.share || b.len - a.len || a.i - b.i);
  return {
    rare: kept.filter((x) => x.share < RARE_SHARE).slice(0, MAX_RARE).map((x) => x.w),
    common: kept.filter((x) => x.share >= RARE_SHARE).slice(0, MAX_COMMON).map((x) => x.w),
    ranked: kept.slice(0, MAX_RANKED).map((x) => x.w),
  };
}
