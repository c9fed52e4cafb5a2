import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Invitations, Invitee, idFromName } from '../roles';

export const INVITE_USAGE =
  'usage: npm run invite -- --name "Awa Diallo" --role agent|supervisor|trainee [--team nord] [--id awa-diallo] [--days 30] [--lang fr|en]';

const Options = z.strictObject({
  days: z.coerce.number().int().min(1).max(365),
  lang: z.enum(['fr', 'en']).optional(),
});

export type InviteResult = { ok: true; url: string; id: string; expires: Date } | { ok: false; problems: string[] };

/**
 * The link `npm run invite` prints: /chat?invite=<signed token naming the agent, their role and team>.
 * Pure, so tests call it with their own environment and clock.
 */
export function inviteLink(
  argv: string[],
  env: { INVITE_SECRET?: string; PUBLIC_URL?: string; PORT?: string },
  now: () => Date = () => new Date(),
): InviteResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        team: { type: 'string' },
        id: { type: 'string' },
        days: { type: 'string', default: '30' },
        lang: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error), INVITE_USAGE] };
  }
  const problems: string[] = [];
  const secret = env.INVITE_SECRET;
  if (!secret || secret.length < 32)
    problems.push('INVITE_SECRET must be set (32+ characters), the same as the server’s');
  const invitee = Invitee.safeParse({
    id: values.id ?? idFromName(values.name ?? ''),
    name: values.name,
    role: values.role,
    ...(values.team ? { team: values.team } : {}),
  });
  if (!invitee.success) {
    // An id made from the name is not the user's doing: say what to do, once, and only when there is a name.
    const ownId = values.id !== undefined;
    for (const issue of invitee.error.issues)
      if (ownId || issue.path[0] !== 'id') problems.push(`--${issue.path.join('.')}: ${issue.message}`);
    if (!ownId && values.name?.trim() && invitee.error.issues.some((issue) => issue.path[0] === 'id'))
      problems.push(`--id: no usable id can be made from "${values.name}"; give one (letters, digits and . _ - @ :)`);
  }
  const options = Options.safeParse({ days: values.days, lang: values.lang });
  if (!options.success)
    for (const issue of options.error.issues) problems.push(`--${issue.path.join('.')}: ${issue.message}`);
  if (problems.length || !invitee.success || !options.success || !secret)
    return { ok: false, problems: [...problems, INVITE_USAGE] };

  const token = new Invitations(secret, now).create(invitee.data, options.data.days);
  // Empty counts as unset (`PUBLIC_URL=` as in .env.example): never a link without a host.
  const base = (env.PUBLIC_URL || `http://localhost:${env.PORT || '3978'}`).replace(/\/+$/, '');
  const lang = options.data.lang ? `&lang=${options.data.lang}` : '';
  return {
    ok: true,
    url: `${base}/chat?invite=${token}${lang}`,
    id: invitee.data.id,
    expires: new Date(now().getTime() + options.data.days * 86_400_000),
  };
}
