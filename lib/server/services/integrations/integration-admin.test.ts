import { openSecret } from "@/lib/server/crypto/secret-box";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAiRuleSchema, updateAlertmanagerConfigSchema, updateGithubConfigSchema } from "@/lib/schemas/integration";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { isAppError } from "@/lib/server/errors";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { createIntegration } from "./create-integration";
import { moveAiRule, saveAiRule, setAiRuleActive } from "./save-ai-rule";
import { setGithubLogin } from "./set-github-login";
import { rotateIntegrationSecret, setIntegrationActive, updateIntegrationConfig } from "./update-integration";

let database: TestDatabase;
const db = () => database.connection.prisma;
let admin: SessionUser;
let engineer: SessionUser;
let serviceSlug: string;

beforeAll(async () => {
  database = await useTestDatabase();
  admin = await createTestUser(db(), { role: "ADMIN", level: "SENIOR" });
  engineer = await createTestUser(db(), { role: "ENGINEER" });
  serviceSlug = (await createTestService(db())).slug;
}, 120_000);
afterAll(() => database?.dispose());

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("integration administration", () => {
  it("creates integrations with a fresh secret, default AI rules once, unique names, admins only", async () => {
    const github = await createIntegration({ actor: admin, input: { kind: "GITHUB", name: "acme" } });
    expect(github.secret).toMatch(/^whsec_[\w-]{40,}$/);
    expect(await db().aiDetectionRule.count()).toBe(4);
    await createIntegration({ actor: admin, input: { kind: "GITHUB", name: "acme 2" } });
    expect(await db().aiDetectionRule.count()).toBe(4);
    const alerting = await createIntegration({ actor: admin, input: { kind: "ALERTMANAGER", name: "prod" } });
    expect((await db().integration.findUniqueOrThrow({ where: { id: alerting.id } })).config).toMatchObject({
      severityLabel: "severity",
      defaultSeverity: "SEV3",
    });
    expect(
      (await refusal(createIntegration({ actor: admin, input: { kind: "GITHUB", name: "acme" } }))).fieldErrors?.name,
    ).toBeDefined();
    expect((await refusal(createIntegration({ actor: engineer, input: { kind: "GITHUB", name: "mine" } }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await db().auditLog.count({ where: { action: "integration.created" } })).toBe(3);
  });

  it("saves mappings that name existing services and refuses unknown slugs by field", async () => {
    const { id } = await createIntegration({ actor: admin, input: { kind: "GITHUB", name: "mapping" } });
    const input = updateGithubConfigSchema.parse({
      integrationId: id,
      repositories: `acme/checkout = ${serviceSlug}`,
      defaultService: "",
    });
    await updateIntegrationConfig({ actor: admin, input, kind: "GITHUB" });
    expect((await db().integration.findUniqueOrThrow({ where: { id } })).config).toEqual({
      repositories: { "acme/checkout": serviceSlug },
      defaultService: null,
      apiBaseUrl: "https://api.github.com",
    });
    // A status token is stored sealed, never in clear, and the audit log only says it was set.
    process.env.NEXTAUTH_SECRET ??= "vitest-secret-for-sealing-tokens";
    const withToken = updateGithubConfigSchema.parse({
      integrationId: id,
      repositories: `acme/checkout = ${serviceSlug}`,
      defaultService: "",
      apiBaseUrl: "http://127.0.0.1:9/",
      statusToken: "ghp_plain_token_value",
    });
    await updateIntegrationConfig({ actor: admin, input: withToken, kind: "GITHUB" });
    const sealed = await db().integration.findUniqueOrThrow({ where: { id } });
    expect(sealed.statusToken).not.toContain("ghp_plain_token_value");
    expect(openSecret(sealed.statusToken!)).toBe("ghp_plain_token_value");
    expect(sealed.config).toMatchObject({ apiBaseUrl: "http://127.0.0.1:9" });
    const audit = await db().auditLog.findMany({ where: { entityType: "Integration", entityId: String(id) } });
    expect(JSON.stringify(audit)).not.toContain("ghp_plain_token_value");
    await updateIntegrationConfig({
      actor: admin,
      input: { ...withToken, statusToken: undefined, clearStatusToken: false },
      kind: "GITHUB",
    });
    expect((await db().integration.findUniqueOrThrow({ where: { id } })).statusToken).toBe(sealed.statusToken);
    const bad = updateGithubConfigSchema.parse({
      integrationId: id,
      repositories: "acme/checkout = nope",
      defaultService: "missing",
    });
    const error = await refusal(updateIntegrationConfig({ actor: admin, input: bad, kind: "GITHUB" }));
    expect(error.fieldErrors).toMatchObject({
      repositories: [expect.stringContaining('"nope"')],
      defaultService: [expect.stringContaining('"missing"')],
    });
    const wrongKind = updateAlertmanagerConfigSchema.parse({
      integrationId: id,
      severityLabel: "severity",
      severities: "",
      defaultSeverity: "SEV3",
      serviceLabel: "",
      services: "",
      defaultService: serviceSlug,
    });
    expect(
      (await refusal(updateIntegrationConfig({ actor: admin, input: wrongKind, kind: "ALERTMANAGER" }))).code,
    ).toBe("NOT_FOUND");
  });

  it("rotates the secret and deactivates, audited", async () => {
    const { id, secret } = await createIntegration({ actor: admin, input: { kind: "ALERTMANAGER", name: "rotating" } });
    const rotated = await rotateIntegrationSecret({ actor: admin, integrationId: id });
    expect(rotated.secret).not.toBe(secret);
    expect((await db().integration.findUniqueOrThrow({ where: { id } })).secret).toBe(rotated.secret);
    await setIntegrationActive({ actor: admin, integrationId: id, active: false });
    expect((await db().integration.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    const actions = (
      await db().auditLog.findMany({
        where: { entityType: "Integration", entityId: String(id) },
        orderBy: { id: "asc" },
      })
    ).map((row) => row.action);
    expect(actions).toEqual(["integration.created", "integration.secret_rotated", "integration.deactivated"]);
    expect(JSON.stringify(await db().auditLog.findMany({ where: { entityId: String(id) } }))).not.toContain(
      rotated.secret,
    );
  });

  it("maps GitHub logins uniquely (case-insensitive) and clears them", async () => {
    const first = await createTestUser(db());
    const second = await createTestUser(db());
    await setGithubLogin({ actor: admin, input: { userId: first.id, githubLogin: "Octo-Cat" } });
    const taken = await refusal(
      setGithubLogin({ actor: admin, input: { userId: second.id, githubLogin: "octo-cat" } }),
    );
    expect(taken.fieldErrors?.githubLogin?.[0]).toContain("already mapped");
    await setGithubLogin({ actor: admin, input: { userId: first.id, githubLogin: null } });
    await setGithubLogin({ actor: admin, input: { userId: second.id, githubLogin: "octo-cat" } });
    expect((await db().user.findUniqueOrThrow({ where: { id: second.id } })).githubLogin).toBe("octo-cat");
    expect(await db().auditLog.count({ where: { action: "user.github_login_set" } })).toBe(3);
  });

  it("adds, edits, reorders and deactivates AI rules", async () => {
    const tool = await db().aiTool.create({ data: { name: "Cursor", slug: "cursor", aliases: ["cursor"] } });
    const { id } = await saveAiRule({
      actor: admin,
      input: saveAiRuleSchema.parse({
        kind: "PR_LABEL",
        pattern: "ai:cursor",
        aiToolId: String(tool.id),
        involvement: "AGENT_AUTHORED",
      }),
    });
    let order = (await db().aiDetectionRule.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] })).map(
      (rule) => rule.id,
    );
    expect(order.at(-1)).toBe(id);
    await moveAiRule({ actor: admin, ruleId: id, direction: "up" });
    order = (await db().aiDetectionRule.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] })).map(
      (rule) => rule.id,
    );
    expect(order.at(-2)).toBe(id);
    await saveAiRule({
      actor: admin,
      input: saveAiRuleSchema.parse({
        ruleId: String(id),
        kind: "PR_LABEL",
        pattern: "ai:cursor-agent",
        aiToolId: "",
        involvement: "CO_AUTHORED",
      }),
    });
    expect(await db().aiDetectionRule.findUniqueOrThrow({ where: { id } })).toMatchObject({
      pattern: "ai:cursor-agent",
      aiToolId: null,
      involvement: "CO_AUTHORED",
    });
    await setAiRuleActive({ actor: admin, ruleId: id, active: false });
    expect((await db().aiDetectionRule.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    await db().aiTool.update({ where: { id: tool.id }, data: { archivedAt: new Date() } });
    const archived = await refusal(
      saveAiRule({
        actor: admin,
        input: saveAiRuleSchema.parse({
          kind: "PR_LABEL",
          pattern: "x",
          aiToolId: String(tool.id),
          involvement: "CO_AUTHORED",
        }),
      }),
    );
    expect(archived.fieldErrors?.aiToolId).toBeDefined();
    expect(
      saveAiRuleSchema.safeParse({ kind: "PR_LABEL", pattern: " ", aiToolId: "", involvement: "CO_AUTHORED" }).error
        ?.issues[0].message,
    ).toContain("Enter the label");
    expect((await refusal(moveAiRule({ actor: engineer, ruleId: id, direction: "down" }))).code).toBe("FORBIDDEN");
  });
});
