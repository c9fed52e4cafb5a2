import Fuse from 'fuse.js';

export interface FuzzyMatch<T> {
  item: T;
  /** 1 is a perfect match, 0 no match at all. */
  score: number;
}

/**
 * Fuzzy matching of short names (menu labels, service names, places) with fuse.js:
 * accents and case ignored, typos tolerated. Meant for small sets; large directories need an index first.
 */
export class FuzzyMatcher<T> {
  private readonly fuse: Fuse<T>;

  constructor(items: readonly T[], keys: string[], threshold = 0.4) {
    this.fuse = new Fuse([...items], {
      keys,
      threshold,
      ignoreDiacritics: true,
      ignoreLocation: true,
      includeScore: true,
      minMatchCharLength: 2,
    });
  }

  search(query: string, limit = 5): FuzzyMatch<T>[] {
    const q = query.trim().slice(0, 200);
    if (q.length === 0) return [];
    return this.fuse.search(q, { limit }).map((r) => ({ item: r.item, score: 1 - (r.score ?? 1) }));
  }

  best(query: string, minScore = 0.6): T | undefined {
    const [first] = this.search(query, 1);
    return first && first.score >= minScore ? first.item : undefined;
  }
}
