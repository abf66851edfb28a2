import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO } from "../support/auth";
import { createApiTokenInDb, withDb } from "../support/db";

// Every shell recipe in docs/deploy-gate.md and docs/api.md, taken from the markdown as a
// reader would copy it (never a second copy here), run with bash `set -euo pipefail` against
// the running server. The gate recipes must stop (exit non-zero) while approval is missing
// and pass once a senior approved through the documented approval recipe.

const docs = (name: string) => readFileSync(path.join(process.cwd(), "docs", name), "utf8");
const bashBlocks = (markdown: string) => [...markdown.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);

/** The `run: |` script of each GitHub Actions step, with GitHub's `${{ … }}` expressions filled in as Actions would. */
function actionsScripts(markdown: string, expressions: Record<string, string>) {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].flatMap((m) => {
    const run = /^(\s*)run: \|\n((?:\1\s+.*\n?)+)/m.exec(m[1]);
    if (!run) return [];
    const lines = run[2].split("\n").filter((line) => line.trim());
    const indent = Math.min(...lines.map((line) => line.length - line.trimStart().length));
    const script = lines.map((line) => line.slice(indent)).join("\n");
    return [script.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => expressions[name] ?? `<${name}?>`)];
  });
}

const isGate = (block: string) => block.includes("/api/v1/deploy-gate");
const isApproval = (block: string) => block.includes("/approval");

/** Runs one recipe; variables it assigns (x=$(…)) are kept for the next ones, as in one terminal. */
function run(block: string, env: Record<string, string>, state: string) {
  const assigned = [...new Set([...block.matchAll(/^\s*(\w+)=\$\(/gm)].map((m) => m[1]))];
  const script = [
    "set -euo pipefail",
    `[ -f "${state}" ] && source "${state}"`,
    block,
    assigned.length ? `declare -p ${assigned.join(" ")} >> "${state}"` : "",
  ].join("\n");
  const result = spawnSync("bash", ["-c", script], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

async function tokenOf(email: string, scopes: string[]) {
  const token = `flt_${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  await withDb((client) =>
    client.query(
      `INSERT INTO "ApiToken" (name, "tokenHash", prefix, scopes, "createdById") VALUES ($1, $2, $3, $4, (SELECT id FROM "User" WHERE email = $5))`,
      [`recipes ${email}`, hash, token.slice(0, 10), scopes, email],
    ),
  );
  return token;
}

test.describe("documented shell recipes", () => {
  let env: Record<string, string>;
  test.beforeAll(async ({ baseURL }) => {
    // The services the recipes name, as a reader's organisation would have them.
    await withDb(async (client) => {
      await client.query(`INSERT INTO "Team" (name, slug) VALUES ('Recipes', 'recipes') ON CONFLICT DO NOTHING`);
      for (const slug of ["checkout", "payments"])
        await client.query(
          `INSERT INTO "Service" (name, slug, "teamId") VALUES ($1, $1, (SELECT id FROM "Team" WHERE slug = 'recipes')) ON CONFLICT DO NOTHING`,
          [slug],
        );
    });
    env = {
      FAULTLINE_URL: baseURL!,
      FAULTLINE_TOKEN: await createApiTokenInDb(["read", "changes:write", "incidents:write"]),
      FAULTLINE_APPROVE_TOKEN: await tokenOf(DEMO.senior, ["approve"]),
    };
  });

  const changeId = (source: string, externalId: string) =>
    withDb(async (client) => {
      const { rows } = await client.query<{ id: number }>(
        `SELECT id FROM "Change" WHERE source = $1 AND "externalId" = $2`,
        [source, externalId],
      );
      return String(rows[0].id);
    });

  test("docs/deploy-gate.md: a junior's AI pull request is denied by every recipe until a senior approves it", async () => {
    const markdown = docs("deploy-gate.md");
    const stamp = Date.now();
    const repository = `acme/recipes-${stamp}`;
    const sha = createHash("sha1").update(String(stamp)).digest("hex");
    const pr = String(stamp % 100_000);
    await withDb((client) =>
      client.query(
        `INSERT INTO "Change" (source, "externalId", kind, title, "serviceId", repository, "pullRequestNumber", "headSha",
                               "authorId", "authorLevel", "aiAssisted", "approvalRequired", "approvalState", "updatedAt")
         VALUES ('github', $1, 'PULL_REQUEST', 'Recipe PR', (SELECT id FROM "Service" WHERE slug = 'checkout'), $2, $3, $4,
                 (SELECT id FROM "User" WHERE email = $5), 'JUNIOR', true, true, 'PENDING', now())`,
        [`${repository}/pull/${pr}`, repository, Number(pr), sha, DEMO.junior],
      ),
    );
    const local = {
      ...env,
      GITHUB_REPOSITORY: repository,
      PR_NUMBER: pr,
      GITHUB_SHA: sha,
      CHANGE_ID: await changeId("github", `${repository}/pull/${pr}`),
    };
    const state = path.join(mkdtempSync(path.join(os.tmpdir(), "recipes-")), "state.sh");
    const blocks = bashBlocks(markdown);
    const gates = blocks.filter(isGate);
    expect(gates.length).toBeGreaterThanOrEqual(3);
    expect(blocks.filter(isApproval)).toHaveLength(1);
    for (const gate of gates) {
      const denied = run(gate, local, state);
      expect(denied.code, denied.out).not.toBe(0);
      expect(denied.out).toContain("needs a senior engineer's approval");
    }
    for (const block of blocks.filter((b) => !isGate(b))) {
      const result = run(block, local, state);
      expect(result.code, result.out).toBe(0);
    }
    for (const gate of gates) {
      const allowed = run(gate, local, state);
      expect(allowed.code, allowed.out).toBe(0);
      expect(allowed.out).toContain("was approved by a senior engineer");
    }
    const steps = actionsScripts(markdown, {
      "github.repository": repository,
      "github.event.pull_request.number": pr,
    });
    expect(steps).toHaveLength(1);
    const step = run(steps[0], local, state);
    expect(step.code, step.out).toBe(0);
  });

  test("docs/api.md: every recipe runs; the gate stops a junior's AI deploy until the approval recipe ran", async () => {
    const blocks = bashBlocks(docs("api.md"));
    const local: Record<string, string> = {
      ...env,
      GITHUB_RUN_ID: "8841",
      GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
      GITHUB_REPOSITORY: "acme/checkout",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_ACTOR: DEMO.junior,
      ALERT_FINGERPRINT: randomBytes(6).toString("hex"),
      ALERT_STARTS_AT: new Date(Date.now() - 10 * 60_000).toISOString(),
    };
    const state = path.join(mkdtempSync(path.join(os.tmpdir(), "recipes-")), "state.sh");
    let approved = false;
    const deferred: string[] = [];
    for (const block of blocks) {
      if (isApproval(block)) local.CHANGE_ID = await changeId("github-actions", "deploy-8841");
      const result = run(block, local, state);
      if (isGate(block) && !approved) {
        expect(result.code, result.out).not.toBe(0);
        expect(result.out).toContain("needs a senior engineer's approval");
        deferred.push(block);
        continue;
      }
      expect(result.code, `${block}\n→ ${result.out}`).toBe(0);
      if (isApproval(block)) {
        approved = true;
        for (const gate of deferred) expect(run(gate, local, state).code).toBe(0);
      }
    }
    expect(approved).toBe(true);
    expect(deferred.length).toBeGreaterThan(0);
  });
});
