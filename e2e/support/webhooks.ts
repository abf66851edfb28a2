import { createHmac, randomBytes } from "node:crypto";
import { withDb } from "./db";

export const githubSignature = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** An integration created straight in the database (as an admin would), with a known secret. */
export async function createIntegrationInDb(
  kind: "GITHUB" | "ALERTMANAGER",
  config: Record<string, unknown>,
): Promise<{ id: number; secret: string; name: string }> {
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const name = `e2e ${kind.toLowerCase()} ${randomBytes(4).toString("hex")}`;
  const { rows } = await withDb((client) =>
    client.query<{ id: number }>(
      `INSERT INTO "Integration" (kind, name, secret, config, "createdById", "updatedAt")
       VALUES ($1::"IntegrationKind", $2, $3, $4, (SELECT id FROM "User" WHERE email = 'admin@faultline.dev'), now()) RETURNING id`,
      [kind, name, secret, JSON.stringify(config)],
    ),
  );
  return { id: rows[0].id, secret, name };
}
