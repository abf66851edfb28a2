// Runs in the browser before the app starts (Next.js instrumentation-client).
import { config } from "zod";

// Zod probes `new Function("")` to decide whether it may compile parsers; under our
// Content-Security-Policy (no 'unsafe-eval', proxy.ts) that probe is a CSP violation.
// Parse without compiling instead: same results, no eval.
config({ jitless: true });
