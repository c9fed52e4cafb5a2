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
  /** Passed to botbuilder's ConfigurationBotFrameworkAuthentication; an empty app id disables authentication. */
  botAuth: Record<string, string | undefined>;
  /** The project root: knowledge/ and dialogs/ live there. */
  rootDir: string;
}

/** Reads process.env once; an invalid value stops start-up with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, rootDir = resolve(__dirname, '..', '..')): Config {
  const parsed = Env.safeParse(env);
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
    rootDir,
    botAuth: {
      MicrosoftAppId: e.MicrosoftAppId?.trim() || undefined,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
    },
  };
}
