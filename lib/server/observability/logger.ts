import "server-only";
import { format } from "node:util";
import pino, { type DestinationStream, type Logger } from "pino";
import { currentRequestId } from "./request-context";

/** Keys whose values never reach a log line, at any depth (case-insensitive, `_`/`-` ignored). */
const SECRET_KEY =
  /^(authorization|proxyauthorization|cookie|setcookie|password|passwordhash|newpassword|currentpassword|secret|clientsecret|token|tokenhash|accesstoken|refreshtoken|idtoken|apikey|apitoken|sessiontoken|csrftoken|databaseurl|connectionstring)$/;
const REDACTED = "[redacted]";

/** Secrets that hide inside strings: credentials in URLs, bearer tokens, our own token and secret formats. */
const SECRET_IN_TEXT: [RegExp, string][] = [
  [/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]+@/gi, `$1${REDACTED}@`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\b(flt|whsec)_[A-Za-z0-9_-]{8,}/g, `$1_${REDACTED}`],
  [/((?:password|secret|token)=)[^&\s]+/gi, `$1${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9._-]*/g, REDACTED], // JWTs (session cookies)
];

export function scrubText(text: string): string {
  return SECRET_IN_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** A copy of `value` with secret keys redacted and secrets inside strings masked (depth-limited, cycle-safe). */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 8 || seen.has(value)) return "[…]";
  seen.add(value);
  if (value instanceof Error) {
    const { name, message, stack } = value;
    const cause = (value as { cause?: unknown }).cause;
    const code = (value as { code?: unknown }).code;
    return scrub(
      { type: name, message, stack, ...(code !== undefined ? { code } : {}), ...(cause ? { cause } : {}) },
      depth + 1,
      seen,
    );
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1, seen));
  if (value instanceof Headers) return scrub(Object.fromEntries(value.entries()), depth + 1, seen);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key.toLowerCase().replace(/[-_]/g, "")) ? REDACTED : scrub(item, depth + 1, seen);
  }
  return out;
}

/**
 * One JSON object per line on stdout: time, level, msg, requestId (when serving a request) and
 * the fields given, with secrets removed before they are written. FAULTLINE_LOG_LEVEL sets the level.
 */
export function createLogger(destination?: DestinationStream, level = process.env.FAULTLINE_LOG_LEVEL): Logger {
  const options: pino.LoggerOptions = {
    level: level && pino.levels.values[level] !== undefined ? level : "info",
    base: { service: "faultline" },
    messageKey: "msg",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => scrub(object) as Record<string, unknown>,
    },
    hooks: {
      // The message passes through the same scrubbing, after printf-style arguments are put into
      // it (a secret can be split between the format and an argument: "Bearer %s").
      logMethod(args, method) {
        const at = args.findIndex((arg) => typeof arg === "string");
        if (at === -1) return method.apply(this, args);
        const message = scrubText(format(...(args.slice(at) as [string, ...unknown[]])));
        return method.apply(this, [...args.slice(0, at), message] as never);
      },
    },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    // Errors go through `scrub` above (pino's own serializer would skip it for `err`).
    serializers: { err: (error: unknown) => scrub(error) },
  };
  return destination ? pino(options, destination) : pino(options);
}

const holder = globalThis as typeof globalThis & { __faultlineLogger?: Logger };

/** The process's logger. */
export function getLogger(): Logger {
  holder.__faultlineLogger ??= createLogger();
  return holder.__faultlineLogger;
}
