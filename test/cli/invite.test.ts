import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { INVITE_USAGE, inviteLink } from '../../src/cli/invite-link';
import { Invitations } from '../../src/roles';

const ROOT = resolve(__dirname, '..', '..');
const SECRET = 'the server and the CLI share this secret!';
const T0 = new Date('2026-03-02T08:00:00Z');
const DAY = 86_400_000;
const clock = () => T0;

/** The invitation in a link, as the server (same secret) reads it at `now`. */
function serverCheck(url: string, now: Date = T0) {
  const invite = new URL(url).searchParams.get('invite');
  return new Invitations(SECRET, () => now).check(invite);
}

function problemsOf(argv: string[], env: Record<string, string> = { INVITE_SECRET: SECRET }): string[] {
  const result = inviteLink(argv, env, clock);
  if (result.ok) throw new Error(`expected problems, got ${result.url}`);
  return result.problems;
}

describe('inviteLink (npm run invite)', () => {
  it('makes a /chat link on PUBLIC_URL whose invitation the server accepts, for 30 days', () => {
    const result = inviteLink(
      ['--name', "Awa Diallo-N'Guessan", '--role', 'trainee', '--team', 'nord'],
      { INVITE_SECRET: SECRET, PUBLIC_URL: 'https://relais.example.org/', PORT: '4000' },
      clock,
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.url).toMatch(/^https:\/\/relais\.example\.org\/chat\?invite=[\w-]+\.[\w-]+$/);
    expect(result.id).toBe('awa-diallo-n-guessan');
    expect(result.expires).toEqual(new Date(T0.getTime() + 30 * DAY));
    expect(serverCheck(result.url)).toEqual({
      ok: true,
      invitee: { id: 'awa-diallo-n-guessan', name: "Awa Diallo-N'Guessan", role: 'trainee', team: 'nord' },
      expires: result.expires,
    });
  });

  it.each([
    [{ PORT: '4000' }, 'http://localhost:4000/chat?invite='],
    [{}, 'http://localhost:3978/chat?invite='],
    // As copied from .env.example: empty means unset, never a link without a host.
    [{ PUBLIC_URL: '', PORT: '' }, 'http://localhost:3978/chat?invite='],
    [{ PUBLIC_URL: 'https://example.org/relais//' }, 'https://example.org/relais/chat?invite='],
  ])('without a usable PUBLIC_URL (%j) the link starts with %s', (env, start) => {
    const result = inviteLink(['--name', 'Sam', '--role', 'agent'], { INVITE_SECRET: SECRET, ...env }, clock);
    expect(result.ok && result.url.startsWith(start)).toBe(true);
    expect(result.ok && serverCheck(result.url).ok).toBe(true);
  });

  it('takes --id and --days: the invitation ends after that many days', () => {
    const result = inviteLink(
      ['--name', 'Sam Martin', '--role', 'supervisor', '--id', 'sam.m@nord', '--days', '7'],
      { INVITE_SECRET: SECRET },
      clock,
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.id).toBe('sam.m@nord');
    const check = serverCheck(result.url);
    expect(check.ok && check.invitee).toEqual({ id: 'sam.m@nord', name: 'Sam Martin', role: 'supervisor' });
    expect(serverCheck(result.url, new Date(T0.getTime() + 7 * DAY - 1)).ok).toBe(true);
    expect(serverCheck(result.url, new Date(T0.getTime() + 7 * DAY))).toEqual({ ok: false, reason: 'expired' });
  });

  it('adds &lang= with --lang, after a token the server still accepts', () => {
    const result = inviteLink(['--name', 'Sam', '--role', 'agent', '--lang', 'en'], { INVITE_SECRET: SECRET }, clock);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.url).toMatch(/&lang=en$/);
    expect(new URL(result.url).searchParams.get('lang')).toBe('en');
    expect(serverCheck(result.url).ok).toBe(true);
    const french = inviteLink(['--name', 'Sam', '--role', 'agent'], { INVITE_SECRET: SECRET }, clock);
    expect(french.ok && french.url).not.toContain('lang=');
  });

  it('signs with INVITE_SECRET: a server with another secret refuses the link', () => {
    const result = inviteLink(['--name', 'Sam', '--role', 'agent'], { INVITE_SECRET: SECRET }, clock);
    const invite = result.ok ? new URL(result.url).searchParams.get('invite') : null;
    expect(new Invitations('y'.repeat(40), clock).check(invite)).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([
    ['no INVITE_SECRET', ['--name', 'Sam', '--role', 'agent'], {}, /INVITE_SECRET/],
    ['a short INVITE_SECRET', ['--name', 'Sam', '--role', 'agent'], { INVITE_SECRET: 'short' }, /INVITE_SECRET/],
    ['no --name', ['--role', 'agent'], undefined, /^--name\b/],
    ['an empty --name', ['--name', '  ', '--role', 'agent'], undefined, /^--name\b/],
    ['no --role', ['--name', 'Sam'], undefined, /^--role\b/],
    ['an unknown --role', ['--name', 'Sam', '--role', 'admin'], undefined, /^--role\b/],
    ['--role public (the kiosk needs no invitation)', ['--name', 'Sam', '--role', 'public'], undefined, /^--role\b/],
    ['--days 0', ['--name', 'Sam', '--role', 'agent', '--days', '0'], undefined, /^--days\b/],
    ['--days abc', ['--name', 'Sam', '--role', 'agent', '--days', 'abc'], undefined, /^--days\b/],
    ['--days 1.5', ['--name', 'Sam', '--role', 'agent', '--days', '1.5'], undefined, /^--days\b/],
    ['--days 400', ['--name', 'Sam', '--role', 'agent', '--days', '400'], undefined, /^--days\b/],
    ['--lang de', ['--name', 'Sam', '--role', 'agent', '--lang', 'de'], undefined, /^--lang\b/],
    ['an --id with spaces', ['--name', 'Sam', '--role', 'agent', '--id', 'sam m'], undefined, /^--id\b/],
    ['an unknown flag', ['--name', 'Sam', '--role', 'agent', '--admin'], undefined, /--admin/],
  ] as const)('with %s, names the problem and shows the usage', (_label, argv, env, problem) => {
    const problems = problemsOf([...argv], env);
    expect(problems.some((p) => problem.test(p))).toBe(true);
    expect(problems.at(-1)).toBe(INVITE_USAGE);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(['--role', 'public', '--days', '0'], {});
    for (const flag of [/INVITE_SECRET/, /^--name\b/, /^--role\b/, /^--days\b/])
      expect(problems.some((p) => flag.test(p))).toBe(true);
  });

  it('blames --name, not the id made from it, when the name is missing', () => {
    const problems = problemsOf(['--role', 'agent']);
    expect(problems.filter((p) => p.startsWith('--'))).toEqual([expect.stringMatching(/^--name\b/)]);
  });

  it('asks for --id when the name gives no usable one', () => {
    expect(problemsOf(['--name', '王芳', '--role', 'agent']).filter((p) => p.startsWith('--'))).toEqual([
      expect.stringMatching(/^--id: .*王芳.*give one/),
    ]);
    const withId = inviteLink(
      ['--name', '王芳', '--role', 'agent', '--id', 'wang-fang'],
      { INVITE_SECRET: SECRET },
      clock,
    );
    expect(withId.ok && serverCheck(withId.url).ok).toBe(true);
  });
});

describe('npm run invite (src/cli/invite.ts)', () => {
  const run = async (argv: string[], env: Record<string, string>) => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !['INVITE_SECRET', 'PUBLIC_URL', 'PORT'].includes(k)),
    );
    try {
      const { stdout, stderr } = await promisify(execFile)(tsx, [join(ROOT, 'src/cli/invite.ts'), ...argv], {
        env: { ...clean, ...env },
        cwd: ROOT,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  };

  it('prints the link alone on stdout and who it is for on stderr', async () => {
    const { code, stdout, stderr } = await run(['--name', 'Awa Diallo', '--role', 'agent'], {
      INVITE_SECRET: SECRET,
      PUBLIC_URL: 'https://relais.example.org',
    });
    expect(code).toBe(0);
    const url = stdout.trim();
    expect(url).toMatch(/^https:\/\/relais\.example\.org\/chat\?invite=\S+$/);
    expect(new Invitations(SECRET).check(new URL(url).searchParams.get('invite')).ok).toBe(true);
    expect(stderr).toContain('"awa-diallo"');
  });

  it('exits with 1 and the problems on stderr, no link on stdout', async () => {
    const { code, stdout, stderr } = await run(['--name', 'Awa Diallo', '--role', 'public'], {});
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/INVITE_SECRET/);
    expect(stderr).toMatch(/--role/);
    expect(stderr).toContain(INVITE_USAGE);
  });
});
