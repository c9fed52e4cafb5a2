import { LOCALES, type LocalisedText } from '../content';
import type { Place } from '../knowledge/directory';
import type { GuidanceCard } from '../knowledge/guidance';
import { placedRules, type PlacedOverride, type PlacedRule, type RulesKnowledge } from '../knowledge/load-rules';
import type { RoleLimit } from '../knowledge/role-limits';
import { RULE_CONTEXTS, type Rule, type RuleContext } from '../knowledge/rules';
import { CueMatcher } from './cue-matcher';
import type { RuleScore } from './recognizer';

/** Anything the rules capability can answer with, by id. */
export type RuleEntry =
  | { kind: 'rule'; id: string; rule: Rule }
  | { kind: 'local-rule'; id: string; rule: PlacedRule }
  | { kind: 'limit'; id: string; limit: RoleLimit }
  | { kind: 'guidance'; id: string; card: GuidanceCard };

/** The title of an entry: a rule's or a guidance card's title, a role limit's question. */
export function entryTitle(entry: RuleEntry): LocalisedText {
  switch (entry.kind) {
    case 'limit':
      return entry.limit.question;
    case 'guidance':
      return entry.card.title;
    default:
      return entry.rule.title;
  }
}

/** What a rule question says besides its subject: where, and to whom. */
export interface RuleQuestion {
  /** Contexts the text names, by cue words or through a place of the territory. */
  contexts: RuleContext[];
  /** Place ids of the territory the text names. */
  places: string[];
  /** Audience ids the text names ("un ado", "a tourist"). */
  audiences: string[];
}

export type RuleResolution =
  /** One entry answers the question; `alternatives` are the next likeliest ones. */
  | { kind: 'entry'; id: string; alternatives: string[] }
  /** The subject is clear but its rule depends on the context, which the text does not give: one rule per context. */
  | { kind: 'ask-context'; topic: string; ids: string[] }
  /** Several entries are close: ask which. */
  | { kind: 'choose'; ids: string[] }
  | { kind: 'none' };

export interface RuleThresholds {
  /** Top score needed to answer without asking. */
  confident: number;
  /** Lead over the next entry needed to answer without asking. */
  margin: number;
  /** Least score of an entry offered as a choice. */
  candidate: number;
  /** A rule scoring at least this is answered without asking the context, even when its topic has other contexts. */
  context_free: number;
}

export interface ResolveOptions {
  /** Public kiosk: only rules marked public_ok; no role limits nor guidance (they are agent material). */
  publicOnly: boolean;
  /**
   * Only rules ("comment je lui explique qu'on ne fume pas dans le bus ?" asks for a rule's argument): the scores
   * are conditioned on the entry being a rule, i.e. divided by the rules' share of the candidates.
   */
  rulesOnly?: boolean;
}

/** Most entries offered as a choice or as alternatives. */
const CHOICES = 3;

/**
 * Turns the recogniser's rule scores and the words of the question into what to answer: one rule, the question
 * of the context when the rule depends on it, or a choice. Knows the rules' topics and contexts, the places of
 * the territory, and what the local documents say at each place.
 */
export class RuleResolver {
  private readonly entries = new Map<string, RuleEntry>();
  private readonly topics = new Map<string, (Rule | PlacedRule)[]>();
  private readonly contextCues: CueMatcher<RuleContext>;
  private readonly placeCues: CueMatcher<string>;
  private readonly audienceCues: CueMatcher<string>;
  private readonly placeContext = new Map<string, RuleContext>();

  constructor(
    private readonly knowledge: RulesKnowledge,
    places: readonly Place[],
    private readonly thresholds: RuleThresholds,
  ) {
    for (const rule of knowledge.rules) this.entries.set(rule.id, { kind: 'rule', id: rule.id, rule });
    for (const rule of placedRules(knowledge)) this.entries.set(rule.id, { kind: 'local-rule', id: rule.id, rule });
    for (const limit of knowledge.limits) this.entries.set(limit.id, { kind: 'limit', id: limit.id, limit });
    for (const card of knowledge.guidance) this.entries.set(card.id, { kind: 'guidance', id: card.id, card });
    for (const rule of [...knowledge.rules, ...placedRules(knowledge)]) {
      if (rule.topic) this.topics.set(rule.topic, [...(this.topics.get(rule.topic) ?? []), rule]);
    }
    const { contexts } = knowledge;
    this.contextCues = new CueMatcher(
      RULE_CONTEXTS.map((key) => ({ key, cues: LOCALES.flatMap((l) => contexts[key].cues[l]) })),
    );
    this.audienceCues = new CueMatcher(
      knowledge.audiences.map((a) => ({ key: a.id, cues: LOCALES.flatMap((l) => a.cues[l]) })),
    );
    this.placeCues = new CueMatcher(places.map((p) => ({ key: p.id, cues: [p.name, ...(p.aliases ?? [])] })));
    for (const place of places) {
      const context = RULE_CONTEXTS.find((c) => contexts[c].place_kinds.includes(place.kind));
      if (context) this.placeContext.set(place.id, context);
    }
  }

  entry(id: string | undefined): RuleEntry | undefined {
    return id === undefined ? undefined : this.entries.get(id);
  }

  /** Whether an entry may be shown at the public kiosk. */
  isPublic(entry: RuleEntry): boolean {
    return (entry.kind === 'rule' || entry.kind === 'local-rule') && entry.rule.public_ok;
  }

  /** The rules sharing a topic, in context order. */
  topicRules(topic: string): (Rule | PlacedRule)[] {
    const rules = this.topics.get(topic) ?? [];
    return RULE_CONTEXTS.flatMap((c) => rules.filter((r) => r.context === c));
  }

  /** What the local documents say about a national rule; only at the named places when some are named. */
  localNotes(ruleId: string, places: readonly string[] = []): PlacedOverride[] {
    return this.knowledge.documents
      .filter((doc) => places.length === 0 || doc.places.some((p) => places.includes(p)))
      .flatMap((document) => document.overrides.filter((o) => o.rule === ruleId).map((o) => ({ ...o, document })));
  }

  question(text: string): RuleQuestion {
    const places = this.placeCues.match(text);
    const fromPlaces = places.map((p) => this.placeContext.get(p)).filter((c) => c !== undefined);
    const contexts = [...new Set([...this.contextCues.match(text), ...fromPlaces])];
    return { contexts, places, audiences: this.audienceCues.match(text) };
  }

  resolve(scores: readonly RuleScore[], text: string, options: ResolveOptions): RuleResolution {
    const { confident, margin, candidate, context_free } = this.thresholds;
    let ranked = scores
      .map((s) => ({ entry: this.entries.get(s.rule), score: s.score }))
      .filter((s): s is { entry: RuleEntry; score: number } => s.entry !== undefined)
      .filter((s) => !options.publicOnly || this.isPublic(s.entry));
    if (options.rulesOnly) {
      const rules = ranked.filter((s) => contextOf(s.entry) !== undefined);
      const mass = rules.reduce((sum, s) => sum + s.score, 0);
      ranked = mass > 0 ? rules.map((s) => ({ entry: s.entry, score: s.score / mass })) : [];
    }
    const [top, second] = ranked;
    if (!top) return { kind: 'none' };

    const topic = topicOf(top.entry);
    const siblings = topic ? this.topicRules(topic).filter((r) => !options.publicOnly || r.public_ok) : [];
    const contextsOfTopic = new Set(siblings.map((r) => r.context));
    if (topic && contextsOfTopic.size > 1) {
      // Rules of one topic compete with each other: the topic is sure when together they lead the others.
      const inTopic = ranked.filter((s) => topicOf(s.entry) === topic);
      const topicScore = inTopic.reduce((sum, s) => sum + s.score, 0);
      const outside = ranked.find((s) => topicOf(s.entry) !== topic)?.score ?? 0;
      if (topicScore >= confident && topicScore - outside >= margin) {
        const { contexts } = this.question(text);
        // The likeliest rule of the topic in a context the text names; any rule of the topic there otherwise.
        const named =
          inTopic.find((s) => contexts.includes(contextOf(s.entry)!))?.entry.id ??
          siblings.find((r) => contexts.includes(r.context))?.id;
        if (named) return this.answer(named, ranked);
        if (contexts.length === 0 && top.score < context_free) {
          // One rule per context: the likeliest of the topic in each.
          const ids = [...contextsOfTopic].map(
            (c) => inTopic.find((s) => contextOf(s.entry) === c)?.entry.id ?? siblings.find((r) => r.context === c)!.id,
          );
          return { kind: 'ask-context', topic, ids };
        }
      }
    }
    if (top.score >= confident && top.score - (second?.score ?? 0) >= margin) return this.answer(top.entry.id, ranked);
    const ids = ranked
      .filter((s) => s.score >= candidate)
      .slice(0, CHOICES)
      .map((s) => s.entry.id);
    return ids.length > 0 ? { kind: 'choose', ids } : { kind: 'none' };
  }

  private answer(id: string, ranked: readonly { entry: RuleEntry; score: number }[]): RuleResolution {
    const { candidate } = this.thresholds;
    const alternatives = ranked
      .filter((s) => s.entry.id !== id && s.score >= candidate)
      .slice(0, CHOICES)
      .map((s) => s.entry.id);
    return { kind: 'entry', id, alternatives };
  }
}

function contextOf(entry: RuleEntry): RuleContext | undefined {
  return entry.kind === 'rule' || entry.kind === 'local-rule' ? entry.rule.context : undefined;
}

function topicOf(entry: RuleEntry): string | undefined {
  return entry.kind === 'rule' || entry.kind === 'local-rule' ? entry.rule.topic : undefined;
}
