/**
 * Structured logs: one JSON object per line on stdout. Values are JSON
 * encoded, so CR/LF or bidi controls in user input cannot forge log lines.
 */
type Level = "debug" | "info" | "warn" | "error";

// JSON.stringify escapes C0 controls but leaves bidi overrides, zero-width
// characters and C1 controls as they are; a log viewer would obey them.
const INVISIBLE = /[\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function escapeInvisible(text: string) {
  return text.replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = LEVELS[(process.env.LOG_LEVEL as Level) ?? "info"] ?? LEVELS.info;

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (LEVELS[level] < threshold || process.env.LOG_LEVEL === "silent") return;
  const line = escapeInvisible(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields }));
  (level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};

/** Path segments after which the next one is a secret (an invitation or reset link's token). */
const TOKEN_PATH = /^(\/(?:invitations|reset-password|unsubscribe)\/)[^/?#]+/;
/** Query parameters that carry a secret. */
const TOKEN_PARAMS = /([?&](?:token|code|key)=)[^&#]*/gi;

/** A request path (and query) fit for the log: tokens replaced by `[redacted]`. */
export function redactPath(path: string) {
  return path.replace(TOKEN_PATH, "$1[redacted]").replace(TOKEN_PARAMS, "$1[redacted]");
}
