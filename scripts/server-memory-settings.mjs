// The process settings `npm start` gives the server for its memory (decision 031), in one
// place: scripts/start.mjs applies them, and bench/memory.run.mjs measures what they ship.
// Each one already in the environment wins.

/**
 * Returns `env` with the settings added, or throws with a message for the person starting the
 * server when FAULTLINE_MAX_HEAP_MB is not a whole number of megabytes of at least 128.
 */
export function withServerMemorySettings(env) {
  const next = { ...env };
  let options = next.NODE_OPTIONS ?? "";
  // V8 lets the old generation grow far past what the app keeps alive before it collects; a cap
  // makes it collect sooner (~200 MB less RSS after a few hundred page views).
  if (!/--max-old-space-size/.test(options)) {
    const heapMb = Number(next.FAULTLINE_MAX_HEAP_MB ?? 256);
    if (!Number.isInteger(heapMb) || heapMb < 128) {
      throw new Error(
        `FAULTLINE_MAX_HEAP_MB must be a whole number of megabytes, at least 128 (got "${next.FAULTLINE_MAX_HEAP_MB}").`,
      );
    }
    options = `${options} --max-old-space-size=${heapMb}`;
  }
  // The young generation: 8 MB semi-spaces instead of 16 keep ~25 MB less resident at no
  // measured cost (4 MB saved more but cut batch ingestion by a third).
  if (!/--max-semi-space-size/.test(options)) options = `${options} --max-semi-space-size=8`;
  next.NODE_OPTIONS = options.trim();
  // glibc gives each thread that allocates its own malloc arena, and Node has several (libuv's
  // pool, V8's helpers, the PDF worker): the arenas fragment and keep memory. Two kept the
  // server's resident memory a little lower and steadier.
  next.MALLOC_ARENA_MAX ??= "2";
  return next;
}
