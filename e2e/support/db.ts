import { createHash, randomBytes } from "node:crypto";
import pg from "pg";

/** The database the e2e server uses (see e2e/support/serve.mjs). */
export function e2eDatabaseUrl(): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${process.env.E2E_DATABASE_NAME ?? "faultline_e2e"}`;
  return url.toString();
}

export async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An API token created straight in the database (as an admin would), returned in clear. */
export async function createApiTokenInDb(scopes: string[], options: { revoked?: boolean } = {}): Promise<string> {
  const token = `flt_${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  await withDb((client) =>
    client.query(
      `INSERT INTO "ApiToken" (name, "tokenHash", prefix, scopes, "createdById", "revokedAt")
       VALUES ($1, $2, $3, $4, (SELECT id FROM "User" WHERE email = 'admin@faultline.dev'), $5)`,
      [`e2e ${scopes.join(",")}`, hash, token.slice(0, 10), scopes, options.revoked ? new Date() : null],
    ),
  );
  return token;
}
