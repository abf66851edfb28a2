/** Types of scripts/server-memory-settings.mjs (plain JavaScript: npm start runs it without a build). */
export function withServerMemorySettings<T extends Record<string, string | undefined>>(
  env: T,
): T & {
  NODE_OPTIONS: string;
  MALLOC_ARENA_MAX: string;
};
