// A real HTTP receiver on an ephemeral localhost port for webhook tests (Vitest and Playwright).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { headers: IncomingHttpHeaders; body: string; at: number };
export type Reply = { status: number; headers?: Record<string, string>; delayMs?: number };

/**
 * Records every request; `reply` decides each answer (default 200). `url` is where to
 * register it; close() when done.
 */
export async function startWebhookReceiver(
  reply: (request: ReceivedRequest, index: number) => Reply = () => ({ status: 200 }),
) {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      received.push(request);
      const answer = reply(request, received.length - 1);
      setTimeout(() => {
        res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
        res.end("ok");
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/faultline`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a receiver does (docs/webhooks.md): HMAC-SHA256 of "<timestamp>.<body>", compared in constant time. */
export function verifyFaultlineSignature(request: ReceivedRequest, secret: string): boolean {
  const timestamp = request.headers["x-faultline-timestamp"];
  const signature = request.headers["x-faultline-signature"];
  if (typeof timestamp !== "string" || typeof signature !== "string") return false;
  const expected = Buffer.from(
    `sha256=${createHmac("sha256", secret).update(`${timestamp}.${request.body}`).digest("hex")}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
