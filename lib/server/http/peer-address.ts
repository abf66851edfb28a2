import "server-only";
import http from "node:http";
import { PEER_ADDRESS_HEADER } from "@/lib/server/auth/client-address";

let installed = false;

/**
 * Next.js gives route handlers no access to the TCP peer, and it fills X-Forwarded-For
 * from the socket only when the client did not send one (so the client controls it).
 * This stamps the socket's address on every incoming request under a header of our own,
 * overwriting whatever the client sent under that name. Called once from instrumentation.ts.
 */
export function installPeerAddressHeader(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
