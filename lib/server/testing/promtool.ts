// Prometheus's own checker for the exposition format (`promtool check metrics`, Debian package
// `prometheus`; .ci/run installs it). Used by the /metrics tests, unit and end-to-end.
import { spawnSync } from "node:child_process";

export function promtoolCheckMetrics(exposition: string): { ok: boolean; output: string } {
  const result = spawnSync(process.env.PROMTOOL ?? "promtool", ["check", "metrics"], {
    input: exposition,
    encoding: "utf8",
    timeout: 30_000,
  });
  if (result.error)
    throw new Error(
      `promtool could not run (${result.error.message}). Install it: apt-get install -y prometheus (or set PROMTOOL).`,
    );
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `name{labels} value` lines as [series, value] pairs (comments dropped), for assertions. */
export function samples(exposition: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of exposition.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}
