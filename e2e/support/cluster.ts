// Two `next start` processes on one PostgreSQL behind a small round-robin proxy (node:http),
// for e2e/cluster.spec.ts: what must hold when Faultline runs as several instances.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type Instance = { name: string; port: number; output: () => string; stop: () => Promise<void> };

/** Starts `next start` without waiting: the caller starts several at once, then waits for them. */
export function startInstance(name: string, port: number, env: Record<string, string>): Instance {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ...env,
  };
  delete childEnv.FAULTLINE_DATA_DIR;
  delete childEnv.FAULTLINE_DEMO_DATA;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return {
    name,
    port,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

/** Waits until the instance answers /api/ready with 200 (migrations applied, database reachable). */
export async function waitUntilReady(instance: Instance, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${instance.port}/api/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${instance.name} was not ready in time:\n${instance.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export type RoundRobinProxy = { url: string; served: string[]; close: () => Promise<void> };

/**
 * Sends each request to the next upstream in turn, streaming bodies both ways, and says which
 * one answered in `x-served-by` (as a load balancer's access log would). Forwards the client's
 * address as X-Forwarded-For and the Host header unchanged.
 */
export async function startRoundRobinProxy(port: number, upstreams: Instance[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served: string[] = [];
  const server = http.createServer((request, response) => {
    const upstream = upstreams[next++ % upstreams.length];
    served.push(upstream.name);
    const forwarded = http.request(
      {
        host: "127.0.0.1",
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, "x-forwarded-for": request.socket.remoteAddress ?? "" },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-served-by": upstream.name });
        answer.pipe(response);
      },
    );
    forwarded.on("error", () => {
      if (!response.headersSent) response.writeHead(502, { "x-served-by": upstream.name });
      response.end();
    });
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type Receiver = {
  url: string;
  /** Delivery ids (x-faultline-delivery) in the order they arrived, duplicates included. */
  deliveries: string[];
  close: () => Promise<void>;
};

/** A webhook receiver that answers 200 after `delayMs` (slow enough for two workers to overlap) and counts. */
export async function startCountingReceiver(port: number, delayMs = 150): Promise<Receiver> {
  const deliveries: string[] = [];
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      deliveries.push(String(request.headers["x-faultline-delivery"] ?? "?"));
      setTimeout(() => response.writeHead(200).end("ok"), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
