/** A small leveled logger writing one line per event to stderr. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, meta?: unknown): void;
  info(msg: string, meta?: unknown): void;
  warn(msg: string, meta?: unknown): void;
  error(msg: string, meta?: unknown): void;
}

const SECRET_KEYS = /pass(word)?|secret|token|api[-_]?key|authorization|cookie/i;

/** Credentials never reach a log line: URL passwords and secret-named fields are masked. */
export function redact(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s"']+):[^@\s"']+@/gi, '$1:***@')
    .replace(/("([^"]+)"\s*:\s*)"[^"]*"/g, (whole, head: string, key: string) =>
      SECRET_KEYS.test(key) ? `${head}"***"` : whole,
    )
    .replace(/\b(Bearer\s+)[A-Za-z0-9._~+/-]+=*/g, '$1***')
    .replace(/\bdgk_[A-Za-z0-9_-]+/g, 'dgk_***');
}

function render(meta: unknown): string {
  if (meta === undefined) return '';
  if (meta instanceof Error) return ` ${meta.stack ?? meta.message}`;
  try {
    return ' ' + JSON.stringify(meta);
  } catch {
    return ' ' + Object.prototype.toString.call(meta);
  }
}

export function createLogger(level: LogLevel, scope = 'app'): Logger {
  const at = (l: LogLevel) => (msg: string, meta?: unknown) => {
    if (order[l] < order[level]) return;
    process.stderr.write(
      redact(`${new Date().toISOString()} ${l.toUpperCase().padEnd(5)} [${scope}] ${msg}${render(meta)}`) + '\n',
    );
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
