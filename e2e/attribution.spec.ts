import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { createApiTokenInDb } from "./support/db";

// CI's path end to end: a change registered through the API as not AI-assisted, a commit that
// carries a git-ai note (added with `git notes --ref=ai add`), `faultline attribution push`
// against the running server, and what people then see.

const root = process.cwd();
const note = readFileSync(path.join(root, "lib/domain/attribution/fixtures/git-ai-spec-sessions.note"), "utf8");
const stamp = Date.now();
let repo: string;

test.beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), "faultline-e2e-attr-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "junior@faultline.dev");
  git("config", "user.name", "Junior");
  writeFileSync(
    path.join(repo, "main.rs"),
    Array.from({ length: 100 }, (_, i) => `// line ${i + 1}`).join("\n") + "\n",
  );
  git("add", ".");
  git("commit", "-qm", "Add retry loop");
  writeFileSync(path.join(repo, ".note"), note);
  git("notes", "--ref=ai", "add", "-F", path.join(repo, ".note"), "HEAD");
});
test.afterAll(() => rmSync(repo, { recursive: true, force: true }));

test("a git-ai note pushed by the CLI shows on the change, with the mismatch flagged", async ({
  page,
  request,
  baseURL,
}) => {
  const token = await createApiTokenInDb(["read", "changes:write"]);
  const externalId = `attr-${stamp}`;
  const service = (
    await (await request.get("/api/v1/changes?limit=1", { headers: { authorization: `Bearer ${token}` } })).json()
  ).data[0].service.slug as string;
  const created = await request.post("/api/v1/changes", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      source: "e2e-attribution",
      externalId,
      kind: "PULL_REQUEST",
      title: `Retry loop ${stamp}`,
      service,
      author: DEMO.junior,
      aiAssisted: false,
      shippedAt: new Date(stamp - 3_600_000).toISOString(),
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  // The CLI as CI runs it: the Faultline folder's entry, started in the application's checkout.
  const output = execFileSync(
    process.execPath,
    [
      path.join(root, "scripts/cli/faultline.mjs"),
      "attribution",
      "push",
      "--change",
      externalId,
      "--sha",
      "HEAD",
      "--source",
      "e2e-attribution",
    ],
    { cwd: repo, encoding: "utf8", env: { ...process.env, FAULTLINE_URL: baseURL, FAULTLINE_TOKEN: token } },
  );
  expect(output).toContain(`Change #${id}: AI share 73 % (git-ai), Claude Code, Cursor.`);
  expect(output).toContain("mismatch flagged");

  await signIn(page, DEMO.senior);
  await page.goto(`/changes/${id}`);
  const panel = page.getByRole("region", { name: "AI attribution" });
  await expect(panel.getByRole("status")).toContainText(
    "Declared not AI-assisted, but the evidence says an agent wrote 73 %",
  );
  await expect(panel).toContainText("73 % (band > 60 %)");
  await expect(panel.getByRole("list", { name: "Agents and models" })).toContainText(
    "Claude Code · claude-sonnet-4-5-20250514 · 50 lines",
  );
  await expect(panel.getByRole("list", { name: "Agents and models" })).toContainText("Cursor");
  await expect(page.getByText("Declared not AI-assisted · evidence 73 % AI")).toBeVisible();
  // The evidence made it AI-assisted, and a junior's AI-assisted change needs approval.
  await expect(page.getByRole("region", { name: "Approval" })).toContainText("Yes: AI-assisted");

  await page.goto(`/changes?share=HIGH&q=${externalId}`);
  await expect(page.getByRole("link", { name: new RegExp(`Retry loop ${stamp}`) })).toBeVisible();
  await page.goto(`/changes?share=LOW&q=${externalId}`);
  await expect(page.getByRole("link", { name: new RegExp(`Retry loop ${stamp}`) })).toHaveCount(0);
});

test("the weekly report opens with the comparison sentence and its intervals", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.getByRole("link", { name: "Weekly report" }).click();
  await page.getByRole("link", { name: "Last week's report" }).click();
  const sentence = page.getByLabel("Are AI-assisted changes riskier?");
  await expect(sentence).toContainText(/^Over the last 12 weeks, /);
  await expect(sentence).toContainText(/95 % CI \d|not enough data/);
  const panel = page.getByRole("region", { name: "AI-assisted vs other changes, with 95 % intervals" });
  const table = panel.getByRole("table", { name: "Failure rate: AI-assisted vs other" });
  await expect(table.getByRole("rowheader", { name: "AI-assisted" })).toBeVisible();
  await expect(table.getByRole("row", { name: /AI-assisted/ })).toContainText(
    /\d+\.\d % \(\d+\.\d %–\d+\.\d %\)|not enough data/,
  );
  await expect(panel.locator(".recharts-errorBar").first()).toBeAttached();
  await expect(panel).toContainText("Adjusted for service tier and change kind");
});
