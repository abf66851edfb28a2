import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, scrub } from "./logger";
import { runWithRequestId } from "./request-context";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream, "debug"), lines };
}

const SECRETS = [
  "hunter2-password",
  "flt_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
  "whsec_0123456789abcdefghij",
  "s3cr3t-db-pass",
  "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abc.def.ghi",
  "metrics-token-0123456789abcdef",
  "cookie-value-xyz",
];

describe("logger", () => {
  it("writes one JSON object per line with level, time, message and the request id", () => {
    const { logger, lines } = capture();
    runWithRequestId("req-42", () => logger.info({ route: "/incidents/[id]" }, "request"));
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: "info", msg: "request", requestId: "req-42", route: "/incidents/[id]" });
    expect(new Date(line.time).toString()).not.toBe("Invalid Date");
  });

  it("never writes a secret: keys at any depth, tokens and credentials inside strings and errors", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        headers: { Authorization: `Bearer ${SECRETS[1]}`, cookie: `next-auth.session-token=${SECRETS[6]}` },
        body: { user: { email: "a@b.test", password: SECRETS[0], nested: [{ newPassword: SECRETS[0] }] } },
        webhook: { secret: SECRETS[2], client_secret: SECRETS[2], "api-key": SECRETS[5] },
        DATABASE_URL: `postgresql://app:${SECRETS[3]}@db:5432/faultline`,
      },
      "incoming",
    );
    logger.error({ err: new Error(`connect to postgresql://app:${SECRETS[3]}@db/faultline failed`) }, "db down");
    logger.warn(`token ${SECRETS[1]} rejected; session ${SECRETS[4]}; url https://x/?token=${SECRETS[5]}`);
    logger.info("header Authorization: Bearer %s", SECRETS[5]);
    const output = lines.join("\n");
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    expect(lines).toHaveLength(4);
    expect(output).toContain("a@b.test"); // what is not secret stays readable
    expect(output).toContain("[redacted]");
    expect(JSON.parse(lines[1]).err.message).toContain("connect to postgresql://app:[redacted]@db/faultline failed");
  });

  it("survives cycles and absurd depth", () => {
    const looped: Record<string, unknown> = { name: "a" };
    looped.self = looped;
    let deep: Record<string, unknown> = { password: "x" };
    for (let i = 0; i < 100; i++) deep = { deep };
    expect(() => scrub({ looped, deep })).not.toThrow();
    const { logger, lines } = capture();
    logger.info({ looped, deep }, "weird");
    expect(lines).toHaveLength(1);
  });
});
