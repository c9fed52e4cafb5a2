import type { Locale, LocalisedText } from '../content';
import type { Condition, Field, Form } from './form';
import { newReportId, type AnswerValue, type Person, type Reference, type Report } from './report';

/** What a report may start from: the answer the agent just had (orientation or rule). */
export interface Prefill {
  situation?: { id: string; text: string };
  rule?: { id: string; text: string };
  place?: Reference;
  service?: Reference;
  /** The time of the previous answer; "now" when absent. */
  time?: Date;
}

export interface StartOptions {
  author: Person;
  team: string;
  now: Date;
  random: () => number;
  prefill?: Prefill;
}

export type Check = { ok: true } | { ok: false; message: LocalisedText };

/** A minute of slack for "not in the future": clocks of phones and servers differ. */
const FUTURE_SLACK_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The form engine: pure functions from a form and a draft report to the next question, the checks of an answer,
 * and the next draft. Reading typed text into values is the NLU's job (nlu/answer-reader.ts); showing questions is
 * the dialog's. Nothing here knows about a bot.
 */
export class FormEngine {
  private readonly fields: ReadonlyMap<string, Field>;

  constructor(readonly form: Form) {
    this.fields = new Map(form.fields.map((f) => [f.id, f]));
  }

  field(id: string): Field | undefined {
    return this.fields.get(id);
  }

  /** A new draft, with what the previous answer and the clock already tell. */
  start({ author, team, now, random, prefill = {} }: StartOptions): Report {
    const at = now.toISOString();
    const answers: Record<string, AnswerValue> = {};
    const prefilled: string[] = [];
    for (const field of this.form.fields) {
      const value = this.prefillValue(field, prefill, now);
      if (value === undefined) continue;
      answers[field.id] = value;
      prefilled.push(field.id);
    }
    const draft: Report = {
      id: newReportId(now, random),
      form: this.form.id,
      status: 'draft',
      author,
      team,
      created_at: at,
      updated_at: at,
      answers,
      skipped: [],
      prefilled,
      redactions: 0,
      ...(prefill.situation || prefill.rule
        ? { origin: { situation: prefill.situation?.id, rule: prefill.rule?.id } }
        : {}),
    };
    return this.normalised(draft);
  }

  /** The next field to ask: the first relevant one neither answered nor skipped; undefined when all are done. */
  next(draft: Report): Field | undefined {
    return this.form.fields.find(
      (f) => this.isRelevant(f, draft.answers) && !(f.id in draft.answers) && !draft.skipped.includes(f.id),
    );
  }

  /** Fields that apply to this draft (relevance holds), in form order. */
  relevantFields(draft: Report): Field[] {
    return this.form.fields.filter((f) => this.isRelevant(f, draft.answers));
  }

  /** Required fields that apply and have no answer: the report cannot be submitted while there are any. */
  missing(draft: Report): Field[] {
    return this.relevantFields(draft).filter((f) => f.required && !(f.id in draft.answers));
  }

  /** Checks an answer against the field's constraint; the message is the form's own. */
  check(field: Field, value: AnswerValue, now: Date): Check {
    const constraint = field.constraint;
    if (!constraint) return { ok: true };
    const fail: Check = { ok: false, message: constraint.message };
    const { min, max } = constraint;
    if (typeof value === 'number') {
      if (constraint.integer && !Number.isInteger(value)) return fail;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) return fail;
    }
    if (
      Array.isArray(value) &&
      ((min !== undefined && value.length < min) || (max !== undefined && value.length > max))
    )
      return fail;
    if (typeof value === 'string' && field.type === 'datetime') {
      const time = Date.parse(value);
      if (Number.isNaN(time)) return fail;
      if (constraint.not_future && time > now.getTime() + FUTURE_SLACK_MS) return fail;
      if (constraint.max_age_days !== undefined && time < now.getTime() - constraint.max_age_days * DAY_MS) return fail;
    } else if (typeof value === 'string' || (typeof value === 'object' && !Array.isArray(value))) {
      const text = typeof value === 'string' ? value : value.text;
      const length = text.trim().length;
      if (constraint.min_length !== undefined && length < constraint.min_length) return fail;
      if (constraint.max_length !== undefined && length > constraint.max_length) return fail;
    }
    return { ok: true };
  }

  /**
   * The draft with this answer. Answers of fields that no longer apply (an edit changed the skip logic) are dropped,
   * so a report never holds an answer to a question that was not asked.
   */
  answer(draft: Report, fieldId: string, value: AnswerValue, now: Date): Report {
    return this.normalised({
      ...draft,
      answers: { ...draft.answers, [fieldId]: value },
      skipped: draft.skipped.filter((id) => id !== fieldId),
      prefilled: draft.prefilled.filter((id) => id !== fieldId),
      updated_at: now.toISOString(),
    });
  }

  /** The draft with this field left empty on purpose. */
  skip(draft: Report, fieldId: string, now: Date): Report {
    const { [fieldId]: _dropped, ...answers } = draft.answers;
    return this.normalised({
      ...draft,
      answers,
      skipped: [...new Set([...draft.skipped, fieldId])],
      prefilled: draft.prefilled.filter((id) => id !== fieldId),
      updated_at: now.toISOString(),
    });
  }

  /** The submitted report; throws when required answers are missing (the dialog checks `missing` first). */
  submit(draft: Report, now: Date): Report {
    const missing = this.missing(draft);
    if (missing.length > 0) throw new Error(`missing answers: ${missing.map((f) => f.id).join(', ')}`);
    const at = now.toISOString();
    return { ...draft, status: 'submitted', submitted_at: at, updated_at: at };
  }

  isRelevant(field: Field, answers: Readonly<Record<string, AnswerValue>>): boolean {
    return field.relevant === undefined || holds(field.relevant, answers);
  }

  /** Drops answers of fields that do not apply, and copies the first place answer to `place`. */
  private normalised(draft: Report): Report {
    const answers: Record<string, AnswerValue> = {};
    // In form order, so a condition sees the answers of earlier fields only as they stand after pruning.
    for (const field of this.form.fields) {
      const value = draft.answers[field.id];
      if (value !== undefined && this.isRelevant(field, answers)) answers[field.id] = value;
    }
    const placeField = this.form.fields.find((f) => f.type === 'place' && answers[f.id] !== undefined);
    const place = placeField ? answers[placeField.id] : undefined;
    const { place: _old, ...rest } = draft;
    return {
      ...rest,
      answers,
      prefilled: draft.prefilled.filter((id) => id in answers),
      ...(place !== undefined && typeof place === 'object' && !Array.isArray(place) ? { place } : {}),
    };
  }

  private prefillValue(field: Field, prefill: Prefill, now: Date): AnswerValue | undefined {
    // The time of the previous answer when there is one; else "now" only for fields that default to it (a debrief
    // asks when the intervention took place).
    if (field.type === 'datetime' && field.prefill === 'time' && prefill.time) return prefill.time.toISOString();
    if (field.type === 'datetime' && field.default === 'now') return now.toISOString();
    switch (field.prefill) {
      case 'situation':
        return prefill.situation?.text;
      case 'rule':
        return prefill.rule?.text;
      case 'place':
        return prefill.place;
      case 'service':
        return prefill.service;
      default:
        return undefined;
    }
  }
}

/** Whether a condition holds on the answers so far; an unanswered field equals nothing and includes nothing. */
export function holds(condition: Condition, answers: Readonly<Record<string, AnswerValue>>): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  const value = answers[condition.field];
  if ('answered' in condition) return (value !== undefined) === condition.answered;
  if (value === undefined) return false;
  if ('equals' in condition) return value === condition.equals;
  if ('not_equals' in condition) return value !== condition.not_equals;
  if ('in' in condition)
    return (typeof value === 'string' || typeof value === 'number') && condition.in.includes(value);
  return Array.isArray(value) && value.includes(condition.includes);
}

/** The words of an answer as shown in summaries and exports. */
export function display(field: Field, value: AnswerValue, locale: Locale, words: { yes: string; no: string }): string {
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return String(value).replace('.', locale === 'fr' ? ',' : '.');
  if (Array.isArray(value)) return value.map((v) => choiceText(field, v, locale)).join(', ');
  if (typeof value === 'object') return value.text;
  if (field.type === 'datetime') return formatDateTime(value, locale);
  if (field.type === 'single-choice') return choiceText(field, value, locale);
  return value;
}

function choiceText(field: Field, value: string, locale: Locale): string {
  return field.choices?.find((c) => c.id === value)?.label[locale] ?? value;
}

/** "26/11/2026 14:30" or "26/11/2026, 2:30 PM", in the process's time zone (the territory's). */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

/** "26/11/2026" (fr-FR and en-GB alike), in the process's time zone. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short' });
}

/** A period [from, to) as its first and last days. */
export function formatPeriod(from: string, to: string, locale: Locale): { from: string; to: string } {
  return { from: formatDate(from, locale), to: formatDate(new Date(Date.parse(to) - 1).toISOString(), locale) };
}
