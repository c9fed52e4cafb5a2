import { z } from 'zod';

/**
 * The least an incoming activity must have before it reaches the adapter. botbuilder's own parser throws
 * on other shapes, which would surface as a 500; we answer 400 with a reason instead.
 */
export const IncomingActivity = z.looseObject({
  type: z.string().min(1).max(64),
  conversation: z.looseObject({ id: z.string().min(1).max(512) }),
  from: z.looseObject({ id: z.string().max(512) }).optional(),
  text: z.string().optional(),
  locale: z.string().max(32).optional(),
});

export function describeBodyProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return 'the body must be a JSON object (an activity)';
  const parsed = IncomingActivity.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return `invalid activity at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}
