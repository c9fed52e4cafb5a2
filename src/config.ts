import { resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  REPORT_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  PURGE_AT_START: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  REPORT_LINK_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
  REPORT_LINK_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  INVITE_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
  KIOSK_IDLE_SECONDS: z.coerce.number().int().min(15).max(3600).default(90),
  KIOSK_WARNING_SECONDS: z.coerce.number().int().min(20, 'give visitors at least 20 seconds').max(600).default(30),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
});

export interface Config {
  port: number;
  dataDir: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** Reports older than this many days are purged (npm run purge, or at start-up with PURGE_AT_START). */
  reportRetentionDays: number;
  purgeAtStart: boolean;
  /** The address users reach Relais at, for links to exports and syntheses; default http://localhost:PORT. */
  publicUrl?: string;
  /** Signs those links; a random one per process when unset (links then end with the process). */
  reportLinkSecret?: string;
  reportLinkMinutes: number;
  /** Signs the web chat's invitations (npm run invite); the web chat is closed without it. */
  inviteSecret?: string;
  /** The kiosk clears a conversation after this much inactivity, and a warning of `warningSeconds`. */
  kiosk: { idleSeconds: number; warningSeconds: number };
  /** Passed to botbuilder's ConfigurationBotFrameworkAuthentication; an empty app id disables authentication. */
  botAuth: Record<string, string | undefined>;
  /** The project root: knowledge/ and dialogs/ live there. */
  rootDir: string;
}

/** Reads process.env once; an invalid value stops start-up with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, rootDir = resolve(__dirname, '..', '..')): Config {
  // An empty variable (`PUBLIC_URL=` in an env file) means unset, as its default says.
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    reportRetentionDays: e.REPORT_RETENTION_DAYS,
    purgeAtStart: e.PURGE_AT_START,
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') } : {}),
    ...(e.REPORT_LINK_SECRET ? { reportLinkSecret: e.REPORT_LINK_SECRET } : {}),
    reportLinkMinutes: e.REPORT_LINK_MINUTES,
    ...(e.INVITE_SECRET ? { inviteSecret: e.INVITE_SECRET } : {}),
    kiosk: { idleSeconds: e.KIOSK_IDLE_SECONDS, warningSeconds: e.KIOSK_WARNING_SECONDS },
    rootDir,
    botAuth: {
      MicrosoftAppId: e.MicrosoftAppId?.trim() || undefined,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
    },
  };
}
