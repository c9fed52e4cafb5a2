import { resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
});

export interface Config {
  port: number;
  dataDir: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
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
    rootDir,
    botAuth: {
      MicrosoftAppId: e.MicrosoftAppId?.trim() || undefined,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
    },
  };
}
