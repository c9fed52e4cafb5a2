import { Charset, Encoder, Index, type EncoderOptions, type Tokenizer } from 'flexsearch';
import type { CategoriesFile } from '../knowledge/categories';
import { isProfessionalsOnly, type Directory } from '../knowledge/directory';
import type { NationalNumber } from '../knowledge/numbers';
import type { LocalCategory } from '../knowledge/situations';
import { fold } from './normalise';

/** What the index is built from: the parts of the Orientation content it reads. */
export interface DirectorySource {
  directory: Pick<Directory, 'structures' | 'services' | 'contacts_urgence'>;
  numbers: readonly NationalNumber[];
  categories: CategoriesFile;
}

export type DirectoryHitKind = 'service' | 'structure' | 'contact' | 'number';

/** One search result: plain data, to be looked up in the Orientation by kind and id. */
export interface DirectoryHit {
  kind: DirectoryHitKind;
  id: string;
  /** 0..1, best first; about 0.9 or more when every query word matched the name exactly. */
  score: number;
}

export interface DirectorySearchOptions {
  /** Most hits returned (default 5, at most 50). */
  limit?: number;
  /** Keep contacts marked `agents_only` (default false: only what a public kiosk may show). */
  includeAgentOnly?: boolean;
}

/** How words are matched; the defaults were chosen with test/bench/directory-search.ts. */
export interface DirectoryIndexTuning {
  charset?: 'Normalize' | 'LatinBalance' | 'LatinAdvanced' | 'LatinExtra';
  /** For names, category keywords and context; descriptions are always indexed as whole words. */
  tokenize?: Tokenizer;
}

/** Longest query looked at; the rest is cut. */
export const MAX_DIRECTORY_QUERY_CHARS = 200;
const MAX_TERMS = 8;
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 50;
/** Entries taken for one query word in one field: all of them for rare words, a cap for common ones. */
const PER_TERM_LIMIT = 150;
/** Hits below this score, or below this share of the best hit's score, are dropped. */
const MIN_SCORE = 0.3;
const MIN_SHARE_OF_BEST = 0.75;
/** A word that matches only through typo tolerance counts for this much of an exact match. */
const FUZZY_FACTOR = 0.8;

/** Where a word matched, from strongest to weakest; category keywords and phone numbers are looked up apart. */
const FIELDS = ['name', 'context', 'text'] as const;
type Field = (typeof FIELDS)[number];
const WEIGHT = { name: 1, phone: 1, keywords: 0.9, context: 0.6, text: 0.35 } as const;
const KIND_ORDER: Record<DirectoryHitKind, number> = { contact: 0, service: 1, structure: 2, number: 3 };

interface Entry {
  kind: DirectoryHitKind;
  id: string;
  agentOnly: boolean;
  /** Encoded words of the name and context, to tell exact matches from fuzzy ones. */
  exact: Partial<Record<Field, ReadonlySet<string>>>;
  /** Distinct words in the name, for the name-coverage tie-break. */
  nameSize: number;
}

interface EntryTexts {
  kind: DirectoryHitKind;
  id: string;
  agentOnly: boolean;
  categories: readonly LocalCategory[];
  phones: string[];
  texts: Record<Field, string[]>;
}

interface Match {
  value: number;
  inName: boolean;
}

/**
 * Finds directory entries (services, structures, emergency contacts) and national numbers from what people type:
 * names, misspelt names, categories ("fourrière", "lost property"), numbers ("3919"), in French or English.
 * Built once from the content: FlexSearch indexes per field for recall; scores computed here
 * (field weight × exactness, weighted by how rare each query word is). Never throws: odd input gives [].
 */
export class DirectorySearch {
  private readonly encoder: Encoder;
  private readonly indexes: Record<Field, Index>;
  private readonly entries: Entry[] = [];
  private readonly fillers: string[][];
  /** One small index of category labels and keywords; a matching category brings in all its entries. */
  private readonly categoryIndex: Index;
  private readonly categoryNumbers = new Map<string, number>();
  private readonly categoryWords: ReadonlySet<string>[] = [];
  private readonly categoryMembers: number[][] = [];
  private readonly phones = new Map<string, number[]>();

  constructor(source: DirectorySource, tuning: DirectoryIndexTuning = {}) {
    const charset: EncoderOptions = Charset[tuning.charset ?? 'Normalize'];
    // Whole numbers ("3919", "0199000120") rather than triplets, and no digit deduplication ("115" is not "15"):
    // letters are deduplicated in frenchSpelling instead.
    this.encoder = new Encoder({ ...charset, numeric: false, dedupe: false, prepare: frenchSpelling });
    const tokenize = tuning.tokenize ?? 'tolerant';
    this.indexes = {
      name: new Index({ tokenize, encoder: this.encoder }),
      context: new Index({ tokenize, encoder: this.encoder }),
      // Descriptions are long: whole words only, which keeps the index small and quick to build.
      text: new Index({ tokenize: 'strict', encoder: this.encoder, resolution: 5 }),
    };
    this.categoryIndex = new Index({ tokenize, encoder: this.encoder });
    Object.entries(source.categories.categories).forEach(([category, { label, keywords }], index) => {
      const text = [label.fr, label.en, ...keywords.fr, ...keywords.en].join(' . ');
      this.categoryIndex.add(index, text);
      this.categoryNumbers.set(category, index);
      this.categoryWords.push(new Set(this.encoder.encode(text)));
      this.categoryMembers.push([]);
    });
    const fillers = [...source.categories.query_fillers.fr, ...source.categories.query_fillers.en];
    this.fillers = fillers.map(words).filter((phrase) => phrase.length > 0);
    this.fillers.sort((a, b) => b.length - a.length);
    for (const entry of entryTexts(source)) this.add(entry);
  }

  /** Number of entries indexed. */
  get size(): number {
    return this.entries.length;
  }

  search(query: string, options: DirectorySearchOptions = {}): DirectoryHit[] {
    try {
      return this.run(query, options);
    } catch {
      return []; // a search must never break a conversation turn
    }
  }

  /** The words of a query that are searched: folded, fillers removed, single letters dropped, digit groups joined. */
  terms(query: string): string[] {
    if (typeof query !== 'string') return [];
    const all = words(query.slice(0, MAX_DIRECTORY_QUERY_CHARS));
    const kept: string[] = [];
    for (let i = 0; i < all.length;) {
      const filler = this.fillers.find((phrase) => phrase.every((word, k) => all[i + k] === word));
      if (filler) i += filler.length;
      else kept.push(all[i++]!);
    }
    let terms = kept.filter((word) => word.length > 1 || /\d/.test(word));
    // "01 99 00 01 20", "116 000": a number written in groups is one number.
    if (terms.length > 1 && terms.every((word) => /^\d+$/.test(word))) terms = [terms.join('')];
    return [...new Set(terms)].slice(0, MAX_TERMS);
  }

  private run(query: string, options: DirectorySearchOptions): DirectoryHit[] {
    const terms = this.terms(query);
    if (terms.length === 0 || this.entries.length === 0) return [];
    const wanted = Math.floor(Number(options.limit ?? DEFAULT_LIMIT));
    const limit = Number.isNaN(wanted) ? DEFAULT_LIMIT : Math.min(Math.max(1, wanted), MAX_LIMIT);

    const perTerm = terms.map((term) => this.match(term));
    // A rare word weighs more than a common one; a word that matched nothing still counts against every entry.
    const rarity = perTerm.map((matches) => Math.log(1 + this.entries.length / (1 + matches.size)));
    const rarityTotal = rarity.reduce((a, b) => a + b, 0);
    if (terms.length > 1) this.matchAllTogether(terms, perTerm);

    const totals = new Map<number, number>();
    const inName = new Map<number, number>();
    perTerm.forEach((matches, t) => {
      for (const [doc, match] of matches) {
        totals.set(doc, (totals.get(doc) ?? 0) + (rarity[t]! / rarityTotal) * match.value);
        if (match.inName) inName.set(doc, (inName.get(doc) ?? 0) + 1);
      }
    });

    let best = 0;
    const scored: { doc: number; score: number }[] = [];
    for (const [doc, total] of totals) {
      // Among equal matches, the entry whose name the query covers best comes first.
      const coverage = Math.min(1, (inName.get(doc) ?? 0) / Math.max(1, this.entries[doc]!.nameSize));
      const score = Math.round(total * (0.9 + 0.1 * coverage) * 1000) / 1000;
      best = Math.max(best, score);
      scored.push({ doc, score });
    }
    // Relevance is judged before hiding agents-only contacts: a kiosk gets fewer hits, never weaker ones.
    const hits: DirectoryHit[] = [];
    for (const { doc, score } of scored) {
      const entry = this.entries[doc]!;
      if (score < MIN_SCORE || score < best * MIN_SHARE_OF_BEST) continue;
      if (entry.agentOnly && options.includeAgentOnly !== true) continue;
      hits.push({ kind: entry.kind, id: entry.id, score });
    }
    hits.sort((a, b) => b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id));
    return hits.slice(0, limit);
  }

  /**
   * For one query word: each matching entry with its best weight. The index tolerates a missing or swapped letter;
   * a word that matches nothing is searched again with one letter left out (an extra or a wrong letter).
   */
  private match(term: string): Map<number, Match> {
    const matches = new Map<number, Match>();
    this.collect(term, 1, matches);
    if (matches.size === 0 && term.length >= 4 && !/\d/.test(term)) {
      for (let i = 1; i < term.length; i++) this.collect(term.slice(0, i) + term.slice(i + 1), FUZZY_FACTOR, matches);
    }
    return matches;
  }

  private collect(term: string, factor: number, matches: Map<number, Match>): void {
    const encoded = this.encoder.encode(term);
    const isExact = (set: ReadonlySet<string> | undefined) =>
      factor === 1 && (!set || (encoded.length > 0 && encoded.every((code) => set.has(code))));
    const numeric = /^\d+$/.test(term);
    const offer = (doc: number, weight: number, exact: boolean, name: boolean) => {
      if (numeric && !exact) return; // "17" is not "117": numbers match exactly or not at all
      const value = weight * factor * (exact ? 1 : FUZZY_FACTOR);
      const previous = matches.get(doc);
      if (!previous || previous.value < value) matches.set(doc, { value, inName: name && exact });
    };
    for (const field of FIELDS) {
      for (const id of this.indexes[field].search(term, { limit: PER_TERM_LIMIT })) {
        const doc = id as number;
        offer(doc, WEIGHT[field], isExact(this.entries[doc]!.exact[field]), field === 'name');
      }
    }
    for (const id of this.categoryIndex.search(term, { limit: this.categoryMembers.length })) {
      const category = id as number;
      const exact = isExact(this.categoryWords[category]);
      for (const doc of this.categoryMembers[category]!.slice(0, PER_TERM_LIMIT))
        offer(doc, WEIGHT.keywords, exact, false);
    }
    for (const doc of this.phones.get(term) ?? []) offer(doc, WEIGHT.phone, true, false);
  }

  /**
   * Entries holding every query word in one field, which the per-word lists may have cut off when the words are
   * common ("aide alimentaire tilleuls" among thousands of services): each word is credited for that field.
   */
  private matchAllTogether(terms: string[], perTerm: Map<number, Match>[]): void {
    const encoded = terms.map((term) => this.encoder.encode(term));
    for (const field of ['name', 'context'] as const) {
      for (const id of this.indexes[field].search(terms.join(' '), { limit: PER_TERM_LIMIT })) {
        const doc = id as number;
        const set = this.entries[doc]!.exact[field];
        perTerm.forEach((matches, t) => {
          const exact = !set || encoded[t]!.every((code) => set.has(code));
          if (!exact && /^\d+$/.test(terms[t]!)) return;
          const value = WEIGHT[field] * (exact ? 1 : FUZZY_FACTOR);
          const previous = matches.get(doc);
          if (!previous || previous.value < value) matches.set(doc, { value, inName: field === 'name' && exact });
        });
      }
    }
  }

  private add(entry: EntryTexts): void {
    const doc = this.entries.length;
    const exact: Entry['exact'] = {};
    for (const field of FIELDS) {
      const content = entry.texts[field].filter((t) => t.length > 0).join(' . ');
      if (content.length === 0) continue;
      this.indexes[field].add(doc, content);
      if (field !== 'text') exact[field] = new Set(this.encoder.encode(content));
    }
    for (const category of entry.categories) this.categoryMembers[this.categoryNumbers.get(category) ?? -1]?.push(doc);
    for (const phone of entry.phones) this.phones.set(phone, [...(this.phones.get(phone) ?? []), doc]);
    const nameSize = new Set(words(entry.texts.name.join(' ')).filter((w) => w.length > 1)).size;
    this.entries.push({ kind: entry.kind, id: entry.id, agentOnly: entry.agentOnly, exact, nameSize });
  }
}

/** What is indexed of each contact, service, structure and national number. */
function entryTexts(source: DirectorySource): EntryTexts[] {
  const { directory, numbers } = source;
  const structureNames = new Map(directory.structures.map((s) => [s.id, s.nom]));
  const structureCategories = new Map<string, Set<LocalCategory>>();
  for (const service of directory.services) {
    const set = structureCategories.get(service.structure_id) ?? new Set<LocalCategory>();
    service.categories.forEach((c) => set.add(c));
    structureCategories.set(service.structure_id, set);
  }
  return [
    ...directory.contacts_urgence.map((c) => ({
      kind: 'contact' as const,
      id: c.id,
      agentOnly: c.agents_only,
      categories: [c.categorie],
      phones: phoneForms(c.numero),
      texts: { name: [c.nom], context: [], text: [c.description.fr, c.description.en] },
    })),
    ...directory.services.map((s) => ({
      kind: 'service' as const,
      id: s.id,
      agentOnly: isProfessionalsOnly(s),
      categories: s.categories,
      phones: phoneForms(s.telephone),
      texts: {
        name: [s.nom],
        context: [structureNames.get(s.structure_id) ?? '', ...(s.thematiques ?? []).map((t) => t.replace(/-+/g, ' '))],
        text: [s.description],
      },
    })),
    ...directory.structures.map((s) => ({
      kind: 'structure' as const,
      id: s.id,
      agentOnly: false,
      categories: [...(structureCategories.get(s.id) ?? [])],
      phones: phoneForms(s.telephone),
      texts: { name: [s.nom], context: [s.adresse ?? '', s.commune ?? ''], text: [s.description ?? ''] },
    })),
    ...numbers.map((n) => ({
      kind: 'number' as const,
      id: n.id,
      agentOnly: false,
      categories: [],
      phones: [n.number],
      texts: { name: [n.display, n.name.fr, n.name.en], context: [], text: [n.scope.fr, n.scope.en] },
    })),
  ];
}

/**
 * Runs after the encoder's normalisation (lowercase, no accents): ligatures spelt out as fold() does, a soft "c"
 * written "s", "ph" written "f" and doubled letters single, so that "polise" finds "police", "ascenceur"
 * "ascenseur" and "mision" "mission".
 */
function frenchSpelling(text: string): string {
  return text
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/ph/g, 'f')
    .replace(/(\p{L})\1+/gu, '$1');
}

/** Folded words of a text: lowercase, no accents, split on anything that is not a letter or a digit. */
function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** "+33199000120" → "0199000120" and "33199000120", so that a number typed as dialled finds its owner. */
function phoneForms(phone: string | undefined): string[] {
  if (!phone) return [];
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('33') ? [`0${digits.slice(2)}`, digits] : [digits];
}
