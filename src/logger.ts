/** Minimal levelled logger writing one line per event to stderr/stdout; no user text beyond what is needed. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
const ORDER: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface Logger {
  error(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  debug(message: string, detail?: unknown): void;
}

export function createLogger(level: LogLevel = 'info'): Logger {
  const emit = (at: LogLevel, message: string, detail?: unknown) => {
    if (ORDER[at] > ORDER[level]) return;
    const line = `${new Date().toISOString()} ${at.toUpperCase()} ${message}`;
    const extra =
      detail instanceof Error
        ? `\n${detail.stack ?? detail.message}`
        : detail === undefined
          ? ''
          : ` ${JSON.stringify(detail)}`;
    (at === 'error' || at === 'warn' ? process.stderr : process.stdout).write(`${line}${extra}\n`);
  };
  return {
    error: (m, d) => emit('error', m, d),
    warn: (m, d) => emit('warn', m, d),
    info: (m, d) => emit('info', m, d),
    debug: (m, d) => emit('debug', m, d),
  };
}

export const silentLogger: Logger = { error() {}, warn() {}, info() {}, debug() {} };
