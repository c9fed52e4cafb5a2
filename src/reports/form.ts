import { z } from 'zod';
import { LocalisedText } from '../content';

/**
 * A report form (dialogs/forms/<id>.yaml): the fields a guided fiche asks, one per turn, in order. The form engine
 * (form-engine.ts) interprets it; a supervisor adds a field or a choice by editing the file, without code.
 */

const Id = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'ids are kebab-case (a-z, 0-9, single dashes)');

export const FIELD_TYPES = [
  'text',
  'long-text',
  'single-choice',
  'multiple-choice',
  'number',
  'datetime',
  'place',
  'service',
  'yes-no',
] as const;
export const FieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldType>;

export const Choice = z.strictObject({
  id: Id,
  label: LocalisedText,
  /** Other words that pick this choice when typed ("ascenceur", "elevator"). */
  synonyms: z.array(z.string().trim().min(1)).optional(),
});
export type Choice = z.infer<typeof Choice>;

/**
 * Skip logic from a small closed vocabulary (no expression language): a field is asked only when its condition
 * holds on the answers so far.
 */
export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; not_equals: string | number | boolean }
  | { field: string; in: (string | number)[] }
  | { field: string; includes: string }
  | { field: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: Id, equals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ field: Id, not_equals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ field: Id, in: z.array(z.union([z.string(), z.number()])).min(1) }),
    z.strictObject({ field: Id, includes: z.string() }),
    z.strictObject({ field: Id, answered: z.boolean() }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
  ]),
);

/** Where a field's first value may come from when the form starts after another answer. */
export const PREFILL_SOURCES = ['situation', 'rule', 'place', 'time', 'service'] as const;
export const PrefillSource = z.enum(PREFILL_SOURCES);
export type PrefillSource = z.infer<typeof PrefillSource>;

/** Checks on an answer; any that fails shows `message`. */
export const Constraint = z
  .strictObject({
    min: z.number().optional().describe('number: smallest value; multiple-choice: fewest choices'),
    max: z.number().optional().describe('number: largest value; multiple-choice: most choices'),
    integer: z.boolean().optional(),
    min_length: z.number().int().min(1).optional().describe('text: fewest characters'),
    max_length: z.number().int().min(1).optional().describe('text: most characters'),
    not_future: z.boolean().optional().describe('datetime: not later than now'),
    max_age_days: z.number().int().min(1).optional().describe('datetime: not earlier than this many days ago'),
    message: LocalisedText,
  })
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
    message: 'min is above max',
    path: ['min'],
  });
export type Constraint = z.infer<typeof Constraint>;

export const Field = z
  .strictObject({
    id: Id,
    type: FieldType,
    label: LocalisedText.describe('the question, as asked'),
    short: LocalisedText.optional().describe('the name in summaries and exports (default: the label)'),
    help: LocalisedText.optional().describe('shown on "aide" and after failed answers'),
    required: z.boolean().default(false),
    choices: z.array(Choice).optional(),
    /** single/multiple choice: a typed answer that matches no choice is kept as free text. */
    other: z.boolean().default(false),
    constraint: Constraint.optional(),
    relevant: Condition.optional(),
    /** datetime: "now" pre-fills the current time. */
    default: z.literal('now').optional(),
    prefill: PrefillSource.optional(),
    /**
     * A field made for sensitive details (health): the personal-data guard leaves it alone. Every other free text is
     * checked before saving.
     */
    sensitive: z.literal('health').optional(),
  })
  .superRefine((field, ctx) => {
    const isChoice = field.type === 'single-choice' || field.type === 'multiple-choice';
    if (isChoice && (!field.choices || field.choices.length < 2))
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `a ${field.type} field needs at least 2 choices` });
    if (!isChoice && field.choices)
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `a ${field.type} field has no choices` });
    if (!isChoice && field.other)
      ctx.addIssue({ code: 'custom', path: ['other'], message: 'only choice fields take other: true' });
    if (field.default !== undefined && field.type !== 'datetime')
      ctx.addIssue({ code: 'custom', path: ['default'], message: 'default: now is for datetime fields' });
    const ids = new Set<string>();
    for (const [i, choice] of (field.choices ?? []).entries()) {
      if (ids.has(choice.id))
        ctx.addIssue({ code: 'custom', path: ['choices', i, 'id'], message: `duplicate choice "${choice.id}"` });
      ids.add(choice.id);
    }
  });
export type Field = z.infer<typeof Field>;

export const FORM_KINDS = ['technical', 'intervention', 'social', 'log', 'debrief'] as const;

/** How the weekly synthesis reads a form's reports: when it happened, services called, follow-ups, notable cases. */
export const FormSynthesis = z.strictObject({
  when: Id.optional().describe('a datetime field: when it happened (default: when the report was started)'),
  services: z.array(Id).default([]).describe('service and multiple-choice fields that name the services called'),
  no_service: z.array(Id).default([]).describe('choices of those fields that mean no service ("aucun")'),
  follow_up: Condition.optional().describe('when a report leaves a follow-up open'),
  notable: Condition.optional().describe('when a report is a notable case for the team meeting'),
});
export type FormSynthesis = z.infer<typeof FormSynthesis>;

export const Form = z
  .strictObject({
    $schema: z.string().optional(),
    id: Id,
    kind: z.enum(FORM_KINDS),
    title: LocalisedText,
    description: LocalisedText,
    /** Words that pick this form when typed ("veille", "panne", "main courante"). */
    synonyms: z.array(z.string().trim().min(1)).default([]),
    /**
     * For technical anomalies: the fields that make the message for the owner (bailleur, transport operator,
     * mairie), in order; the form's owner field names who receives it.
     */
    owner_message: z.strictObject({ owner_field: Id, fields: z.array(Id).min(1) }).optional(),
    fields: z.array(Field).min(1),
    synthesis: FormSynthesis.optional(),
    /** Where the form's sources and design come from (domain notes, référentiel). */
    sources: z.array(z.string().min(1)).min(1),
    verified_on: z.iso.date(),
  })
  .superRefine((form, ctx) => {
    const seen = new Map<string, number>();
    form.fields.forEach((field, i) => {
      if (seen.has(field.id))
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `duplicate field "${field.id}"` });
      seen.set(field.id, i);
    });
    form.fields.forEach((field, i) => {
      for (const ref of conditionFields(field.relevant)) {
        const at = seen.get(ref);
        if (at === undefined || at >= i)
          ctx.addIssue({
            code: 'custom',
            path: ['fields', i, 'relevant'],
            message: `"${ref}" must be a field asked before "${field.id}"`,
          });
      }
    });
    const refs = form.owner_message ? [form.owner_message.owner_field, ...form.owner_message.fields] : [];
    for (const ref of refs)
      if (!seen.has(ref))
        ctx.addIssue({ code: 'custom', path: ['owner_message'], message: `no field "${ref}" in this form` });
    const synthesis = form.synthesis;
    if (!synthesis) return;
    const field = (id: string) => form.fields[seen.get(id) ?? -1];
    const problem = (key: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: ['synthesis', key], message });
    if (synthesis.when !== undefined && field(synthesis.when)?.type !== 'datetime')
      problem('when', `"${synthesis.when}" is not a datetime field of this form`);
    for (const id of synthesis.services) {
      const type = field(id)?.type;
      if (type !== 'service' && type !== 'multiple-choice' && type !== 'single-choice')
        problem('services', `"${id}" is not a service or choice field of this form`);
    }
    const choices = new Set(synthesis.services.flatMap((id) => field(id)?.choices?.map((c) => c.id) ?? []));
    for (const id of synthesis.no_service)
      if (!choices.has(id)) problem('no_service', `"${id}" is not a choice of the services fields`);
    for (const key of ['follow_up', 'notable'] as const)
      for (const ref of conditionFields(synthesis[key]))
        if (!seen.has(ref)) problem(key, `no field "${ref}" in this form`);
  });
export type Form = z.infer<typeof Form>;

/** The field ids a condition reads. */
export function conditionFields(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  return [condition.field];
}
