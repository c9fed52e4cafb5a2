import type { CardAction, TurnContext } from 'botbuilder';
import type { Locale, LocalisedText } from '../content';
import type { Audience, LegalBasis, RulesKnowledge, Territory, VerificationStatus } from '../knowledge';
import { entryTitle, type RuleEntry, type RuleResolver } from '../nlu';
import { choiceButton, sendWithButtons } from './cards';
import { longDate } from './format';
import type { Replies } from './replies';
import { getTurnInfo } from './turn-info';

/** What a button of a rules answer sends back (messageBack value). */
export interface RulesChoice {
  capability: 'rules';
  /** The rule, role limit or guidance card to show. */
  entry?: string;
  /** With `entry`: the argument for an audience (asked when `audience` is missing). */
  show?: 'argument';
  audience?: string;
  /** Ids to choose from ("not this one"). */
  alternatives?: string[];
}

type Rule = Extract<RuleEntry, { kind: 'rule' | 'local-rule' }>;

/**
 * Builds the rules capability's answers from content: rule cards (the agent's and the public's), role limits,
 * guidance cards, the argument adapted to an audience, and the questions of context, audience and choice.
 */
export class RulesAnswers {
  constructor(
    private readonly knowledge: RulesKnowledge,
    private readonly resolver: RuleResolver,
    private readonly territory: Territory,
    private readonly replies: Replies,
  ) {}

  /** The card of any entry, shaped for the role; `places` narrows the local notes to the places named. */
  async entry(
    context: TurnContext,
    entry: RuleEntry,
    options: { alternatives?: string[]; places?: string[] } = {},
  ): Promise<void> {
    if (entry.kind === 'limit') return this.limit(context, entry);
    if (entry.kind === 'guidance') return this.guidance(context, entry);
    return this.rule(context, entry, options);
  }

  /** "La règle change selon le lieu. Où êtes-vous ?" with one button per context of the topic. */
  async askContext(context: TurnContext, ids: readonly string[]): Promise<void> {
    const { locale } = getTurnInfo(context);
    const buttons = ids
      .map((id) => this.resolver.entry(id))
      .filter((e): e is Rule => e !== undefined && (e.kind === 'rule' || e.kind === 'local-rule'))
      .map((e) => choiceButton(this.contextLabel(e, locale), this.value({ entry: e.id })));
    await sendWithButtons(context, this.text(context, 'rules.askContext'), buttons);
  }

  /** Asks which entry was meant, one button each. */
  async choose(context: TurnContext, ids: readonly string[]): Promise<void> {
    const buttons = ids
      .map((id) => this.resolver.entry(id))
      .filter((e) => e !== undefined)
      .map((e) => choiceButton(this.title(e, getTurnInfo(context).locale), this.value({ entry: e.id })));
    await sendWithButtons(context, this.text(context, 'rules.clarify'), buttons);
  }

  /** "À qui parlez-vous ?" with one button per audience. */
  async askAudience(context: TurnContext, ruleId: string): Promise<void> {
    const { locale } = getTurnInfo(context);
    const buttons = this.knowledge.audiences.map((a) =>
      choiceButton(a.label[locale], this.value({ entry: ruleId, show: 'argument', audience: a.id })),
    );
    await sendWithButtons(context, this.text(context, 'rules.askAudience'), buttons);
  }

  /** The rule's argument for this audience, in DESC order, with the audience's tips and what to avoid. */
  async argument(context: TurnContext, rule: Rule, audience: Audience): Promise<void> {
    const { locale } = getTurnInfo(context);
    const { argument } = rule.rule;
    const say = (key: keyof typeof argument, lang: Locale) => argument[key][lang];
    const lines = [
      this.text(context, 'rules.argument.title', { rule: rule.rule.title[locale], audience: audience.label[locale] }),
      this.text(context, 'rules.argument.open', { text: audience.opening[locale] }),
      `${this.text(context, 'rules.argument.say')}\n${(['observe', 'need', 'request', 'consequence'] as const)
        .map((key, i) => `${i + 1}. ${this.text(context, `rules.argument.${key}`, { text: say(key, locale) })}`)
        .join('\n')}`,
      `${this.text(context, 'rules.argument.adapt')}\n${bullets(audience.tips, locale)}`,
      `${this.text(context, 'rules.avoid')}\n${bullets([...audience.avoid, ...rule.rule.avoid], locale)}`,
    ];
    if (audience.other_language) {
      const other: Locale = locale === 'fr' ? 'en' : 'fr';
      const spoken = (['observe', 'need', 'request', 'consequence'] as const).map((key) => say(key, other)).join(' ');
      lines.push(`${this.text(context, 'rules.argument.otherLanguage')}\n> ${spoken}`);
    }
    const others = this.knowledge.audiences
      .filter((a) => a.id !== audience.id)
      .map((a) => choiceButton(a.label[locale], this.value({ entry: rule.id, show: 'argument', audience: a.id })));
    await sendWithButtons(context, lines.join('\n\n'), others);
  }

  private async rule(context: TurnContext, entry: Rule, options: { alternatives?: string[]; places?: string[] }) {
    const { locale, role } = getTurnInfo(context);
    const isPublic = role === 'public';
    const { rule } = entry;
    const lines = [
      `**${rule.title[locale]}** · ${this.knowledge.contexts[rule.context].label[locale]}`,
      rule.rule[locale],
    ];
    lines.push(this.text(context, 'rules.why', { text: rule.why[locale] }));
    if (entry.kind === 'rule') lines.push(...this.legal(context, entry.rule.legal));
    else {
      const article = entry.rule.article ? `, ${entry.rule.article}` : '';
      lines.push(
        this.text(context, 'rules.localReference', { document: `${entry.rule.document.document[locale]}${article}` }),
      );
    }
    const notes = entry.kind === 'rule' ? this.resolver.localNotes(entry.id, options.places) : [];
    for (const note of notes) {
      const places = note.document.places.map((id) => this.placeName(id)).join(', ');
      const article = note.article ? `, ${note.article}` : '';
      lines.push(
        this.text(context, 'rules.local', {
          document: `${note.document.document[locale]}${article}`,
          places,
          text: note.text[locale],
        }),
      );
    }
    if (!isPublic) {
      lines.push(this.text(context, 'rules.sanctionedBy', { text: rule.sanctioned_by[locale] }));
      if (rule.avoid.length > 0) lines.push(`${this.text(context, 'rules.avoid')}\n${bullets(rule.avoid, locale)}`);
    }
    if (entry.kind === 'rule') lines.push(this.source(context, entry.rule));
    else lines.push(this.source(context, { ...entry.rule.document, status: undefined }));
    if ((entry.kind === 'local-rule' || notes.length > 0) && this.territory.demo)
      lines.push(this.text(context, 'rules.demo', { territory: this.territory.name }));

    const buttons: CardAction[] = [];
    if (!isPublic) {
      buttons.push(
        choiceButton(this.text(context, 'rules.buttons.explain'), this.value({ entry: entry.id, show: 'argument' })),
      );
      for (const other of rule.topic ? this.resolver.topicRules(rule.topic) : []) {
        if (other.id !== entry.id)
          buttons.push(choiceButton(this.contextLabel({ rule: other }, locale), this.value({ entry: other.id })));
      }
      if (rule.situation)
        buttons.push(
          choiceButton(this.text(context, 'rules.buttons.situation'), {
            capability: 'orientation',
            situation: rule.situation,
          }),
        );
      buttons.push(
        choiceButton(this.text(context, 'rules.buttons.report'), {
          capability: 'report',
          form: rule.report_form,
          rule: entry.id,
          ...(rule.situation ? { situation: rule.situation } : {}),
        }),
      );
    }
    if (options.alternatives && options.alternatives.length > 0)
      buttons.push(
        choiceButton(this.text(context, 'rules.buttons.notThis'), this.value({ alternatives: options.alternatives })),
      );
    await sendWithButtons(context, lines.join('\n\n'), buttons);
  }

  private async limit(context: TurnContext, entry: Extract<RuleEntry, { kind: 'limit' }>): Promise<void> {
    const { locale } = getTurnInfo(context);
    const { limit } = entry;
    const lines = [
      `**${limit.question[locale]}**`,
      `**${limit.short[locale]}**`,
      limit.why[locale],
      this.text(context, 'rules.limit.instead', { text: limit.instead[locale] }),
      ...this.legal(context, limit.legal),
      this.source(context, limit),
    ];
    await sendWithButtons(context, lines.join('\n\n'), []);
  }

  private async guidance(context: TurnContext, entry: Extract<RuleEntry, { kind: 'guidance' }>): Promise<void> {
    const { locale } = getTurnInfo(context);
    const { card } = entry;
    const lines = [
      `**${card.title[locale]}**`,
      card.summary[locale],
      `${this.text(context, 'rules.guidance.steps')}\n${card.steps.map((s, i) => `${i + 1}. ${s[locale]}`).join('\n')}`,
    ];
    if (card.example) lines.push(this.text(context, 'rules.guidance.example', { text: card.example[locale] }));
    if (card.avoid.length > 0) lines.push(`${this.text(context, 'rules.avoid')}\n${bullets(card.avoid, locale)}`);
    if (card.origin) lines.push(this.text(context, 'rules.guidance.origin', { text: card.origin[locale] }));
    lines.push(this.source(context, card));
    await sendWithButtons(context, lines.join('\n\n'), []);
  }

  private legal(context: TurnContext, legal: LegalBasis): string[] {
    const { locale } = getTurnInfo(context);
    const lines: string[] = [];
    if (legal.reference) {
      const former = legal.former ? ` ${this.text(context, 'rules.former', { text: legal.former[locale] })}` : '';
      lines.push(this.text(context, 'rules.reference', { text: `${legal.reference[locale]}${former}` }));
    }
    if (legal.penalty) lines.push(this.text(context, 'rules.penalty', { text: legal.penalty[locale] }));
    if (legal.not_confirmed)
      lines.push(this.text(context, 'rules.notConfirmed', { text: legal.not_confirmed[locale] }));
    return lines;
  }

  /** "Source : https://… (source secondaire…), vérifié le 26 novembre 2026." */
  private source(
    context: TurnContext,
    item: { sources: readonly string[]; status?: VerificationStatus; verified_on: string },
  ): string {
    const { locale } = getTurnInfo(context);
    const key = { V: 'verified', S: 'secondary', local: 'local' }[item.status ?? 'local'];
    const status = this.text(context, `rules.status.${key}`);
    return this.text(context, 'rules.source', {
      sources: item.sources.join(', '),
      status,
      date: longDate(locale, item.verified_on),
    });
  }

  private title(entry: RuleEntry, locale: Locale): string {
    return entryTitle(entry)[locale];
  }

  private contextLabel(entry: { rule: { context: keyof RulesKnowledge['contexts'] } }, locale: Locale): string {
    return this.knowledge.contexts[entry.rule.context].label[locale];
  }

  private placeName(id: string): string {
    return this.territory.places.find((p) => p.id === id)?.name ?? id;
  }

  private value(choice: Omit<RulesChoice, 'capability'>): RulesChoice {
    return { capability: 'rules', ...choice };
  }

  private text(context: TurnContext, key: string, vars?: Record<string, string>): string {
    return this.replies.text(context, key, vars);
  }
}

function bullets(items: readonly LocalisedText[], locale: Locale): string {
  return items.map((item) => `- ${item[locale]}`).join('\n');
}
