import { expect, test } from "@playwright/test";
import { DEMO, signIn, signOut } from "./support/auth";
import { createApiTokenInDb } from "./support/db";
import { declareIncident, registerChange } from "./support/forms";

test("junior's AI change waits for a senior; the gate follows; a change shipped without approval is a violation on its incident", async ({
  page,
  request,
}, testInfo) => {
  const stamp = Date.now();
  const token = await createApiTokenInDb(["read"]);

  // A junior registers an AI-assisted change with an external id CI will ask about.
  await signIn(page, DEMO.junior);
  await page.goto("/changes/new");
  const title = `Agent refactor of cart totals ${stamp}`;
  await page.getByLabel("External id").fill(`pr-${stamp}`);
  const changeId = await registerChange(page, {
    title,
    service: "cart-service",
    ai: { tool: "Kiro", involvement: "Agent-authored" },
    keepFields: true,
  });
  await expect(page.getByText("Waiting for approval").first()).toBeVisible();
  await expect(page.getByText("You wrote this change: a senior engineer other than you approves it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);

  // The gate denies while it waits.
  const gate = () =>
    request.get(`/api/v1/deploy-gate?externalId=pr-${stamp}`, { headers: { authorization: `Bearer ${token}` } });
  expect(await (await gate()).json()).toMatchObject({ decision: "deny", reason: "needs_approval" });

  // The junior sees it in the queue but cannot decide.
  await page.getByRole("link", { name: "Approvals" }).click();
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Your change: someone else approves it.");
  await signOut(page);

  // A senior is notified and approves from the queue.
  await signIn(page, DEMO.senior);
  await expect(page.getByRole("link", { name: /Notifications: \d+ unread/ })).toBeVisible();
  await page.getByRole("link", { name: /Notifications/ }).click();
  await expect(page.getByRole("link", { name: `Approval needed: ${title}` })).toBeVisible();
  await page.getByRole("link", { name: "Approvals" }).click();
  await expect(page.getByRole("heading", { name: "Approvals" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("approvals-queue.png"), fullPage: true });
  const queued = page.getByRole("row").filter({ hasText: title });
  await queued.getByRole("button", { name: "Reject" }).click();
  await expect(queued.getByText("Say why you reject it, so the author knows what to change.")).toBeVisible();
  await queued.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);

  // The gate now allows, and the author hears about it.
  expect(await (await gate()).json()).toMatchObject({ decision: "allow", reason: "approved" });
  await page.goto(`/changes/${changeId}`);
  await expect(page.getByRole("region", { name: "Approval" }).getByText("Sam Senior", { exact: true })).toBeVisible();
  await signOut(page);

  // A second AI change ships without approval and triggers an incident.
  await signIn(page, DEMO.mid);
  const shippedTitle = `Agent-written cache eviction ${stamp}`;
  const shippedId = await registerChange(page, {
    title: shippedTitle,
    service: "cart-service",
    shipped: true,
    ai: { tool: "Claude Code", involvement: "Agent-authored" },
  });
  await expect(page.getByText("Shipped without approval").first()).toBeVisible();
  const incidentTitle = `Cart totals wrong ${stamp}`;
  await declareIncident(page, { title: incidentTitle, services: ["cart-service"] });
  const suspect = page
    .getByRole("region", { name: "Originating changes" })
    .getByRole("listitem")
    .filter({ hasText: shippedTitle });
  await suspect.getByLabel(`Role of change #${shippedId}`).selectOption("TRIGGER");
  await suspect.getByRole("button", { name: "Link" }).click();
  await expect(page.getByText("Approval violation").first()).toBeVisible();
  await page.getByRole("link", { name: "← Incidents" }).click();
  await expect(page.getByRole("row").filter({ hasText: incidentTitle })).toContainText("Approval violation");
  await page.goto("/changes?violation=1");
  await expect(page.getByRole("row").filter({ hasText: shippedTitle })).toBeVisible();
});

test("a rejected change is revised and re-requested by its author", async ({ page }) => {
  const stamp = Date.now();
  await signIn(page, DEMO.junior);
  const title = `Copilot retry loop ${stamp}`;
  const id = await registerChange(page, {
    title,
    service: "search-api",
    ai: { tool: "GitHub Copilot", involvement: "Suggested" },
  });
  await signOut(page);

  await signIn(page, DEMO.senior);
  await page.goto(`/changes/${id}`);
  await page.getByLabel(`Comment on change #${id}`).fill("Needs a retry budget");
  await page.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByText("Rejected").first()).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.junior);
  await page.goto(`/changes/${id}`);
  await page.getByLabel("What changed since the rejection").fill("Added a retry budget of 3");
  // The change page also has an "Edit change" form with a Title (issue 16): use the re-request form's.
  await page
    .getByRole("form", { name: "Revise and request approval again" })
    .getByLabel("Title")
    .fill(`${title} (with budget)`);
  await page.getByRole("button", { name: "Request approval again" }).click();
  await expect(page.getByRole("heading", { name: `${title} (with budget)` })).toBeVisible();
  await expect(page.getByText("Waiting for approval").first()).toBeVisible();
});

test("an admin changes the approval policy; engineers cannot", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/policy");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const form = page.getByRole("form", { name: "Approval policy" });
  await form.getByLabel("Senior engineers").uncheck();
  await form.getByRole("button", { name: "Save as a new policy version" }).click();
  await expect(form.getByText("At least one level must be able to approve.")).toBeVisible();
  await form.getByLabel("Senior engineers").check();
  await form.getByRole("button", { name: "Save as a new policy version" }).click();
  await expect(form.getByText("Saved. The new policy applies to changes registered from now on.")).toBeVisible();
  await expect(page.getByText(/set by Alex Admin/)).toBeVisible();
  await signOut(page);
  await signIn(page, DEMO.senior);
  await page.goto("/admin/policy");
  await expect(page.getByRole("heading", { name: "Only admins change the approval policy" })).toBeVisible();
});

test("an admin creates an API token, sees it once, and revokes it", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/tokens");
  const name = `CI gate ${Date.now()}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByRole("textbox", { name: "New API token" }).inputValue();
  expect(token).toMatch(/^flt_/);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 10));
  const response = await page.request.get("/api/v1/deploy-gate?externalId=nothing", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(404);
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
  expect(
    (
      await page.request.get("/api/v1/deploy-gate?externalId=nothing", {
        headers: { authorization: `Bearer ${token}` },
      })
    ).status(),
  ).toBe(401);
});
