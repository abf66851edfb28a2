import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, signIn, signOut } from "./support/auth";
import { withDb } from "./support/db";
import { declareIncident, registerChange } from "./support/forms";

// Issue 16, items 4, 5 and 6: the incident page built around the incident's life, linking any
// change from either side, and editing / shipping a registered change.

/** Presses Tab until `target` has focus; returns how many presses it took. */
async function tabTo(page: Page, target: Locator, max = 120, key = "Tab"): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`Tab never reached ${target} in ${max} presses`);
}

/** A change shipped `days` ago, as CI would have registered it two weeks before anyone suspected it. */
async function latentChange(title: string, days: number): Promise<number> {
  return withDb(async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "Change" (kind, title, "serviceId", "authorId", "authorLevel", "shippedAt", "createdAt", "updatedAt", source, "externalId")
       SELECT 'DEPLOY', $1, s.id, u.id, u.level, now() - make_interval(days => $2), now() - make_interval(days => $2), now(), 'e2e', $3
         FROM "Service" s, "User" u WHERE s.name = 'pricing-service' AND u.email = $4
       RETURNING id`,
      [title, days, `e2e-${Date.now()}`, DEMO.senior],
    );
    return rows[0].id;
  });
}

test.describe.configure({ timeout: 180_000 });

test("the header shows the next steps as buttons; the review opens after mitigation; edits confirm next to their button", async ({
  page,
}) => {
  await signIn(page, DEMO.mid);
  const id = await declareIncident(page, { title: `Prices show 0.00 ${Date.now()}`, services: ["pricing-service"] });
  // An incident opened by an alert has no commander yet: Acknowledge takes command.
  await withDb((client) => client.query(`UPDATE "Incident" SET "commanderId" = NULL WHERE id = $1`, [id]));
  await page.goto(`/incidents/${id}`);

  // No control shows a value other than the current one: status and severity are buttons, not pre-filled selects.
  await expect(page.getByLabel("Status", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Severity", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Lifecycle" }).locator('[aria-current="step"]')).toHaveText(
    /Investigating/,
  );
  const actions = page.getByRole("form", { name: "Update status" });
  await expect(actions.getByRole("button")).toHaveText(["Mark identified", "Mark mitigated", "Resolve"]);

  // The main actions are a few Tab presses from the top of the page (102 before the redesign).
  await page.goto(`/incidents/${id}`);
  const presses = await tabTo(page, page.getByRole("button", { name: "Mark identified" }), 40);
  expect(presses).toBeLessThanOrEqual(25);

  // During the live incident the review is not offered.
  await expect(page.getByRole("region", { name: "Post-incident review" })).toHaveCount(0);
  await expect(page.getByText("open once the incident is mitigated")).toBeVisible();

  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("Mia Mid is now the incident commander")).toBeVisible();
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

  // Severity: a reason first, then an explicit "Raise to Sev1".
  await page.getByRole("button", { name: "Raise or lower severity (now Sev2)" }).click();
  await expect(page.getByLabel("Reason for the severity change")).toBeFocused();
  await page.getByRole("button", { name: "Raise to Sev1" }).click();
  await expect(page.getByText("Say why the severity changes (at least 3 characters).")).toBeVisible();
  await page.getByLabel("Reason for the severity change").fill("All EU prices wrong");
  await page.getByRole("button", { name: "Raise to Sev1" }).click();
  await expect(page.getByText("Severity raised from Sev2 to Sev1: All EU prices wrong")).toBeVisible();

  await page.getByLabel("Status note").fill("Cache rollback done");
  await page.getByRole("button", { name: "Mark mitigated" }).click();
  await expect(page.getByText("Investigating → Monitoring: Cache rollback done")).toBeVisible();
  await expect(page.getByRole("region", { name: "Post-incident review" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Update status" }).getByRole("button")).toHaveText(["Resolve"]);

  // Saving the blast radius confirms right under its button.
  const blast = page.getByRole("region", { name: "Blast radius" });
  await blast.getByLabel("Customers or requests affected (%)").fill("3");
  await blast.getByRole("button", { name: "Save blast radius" }).click();
  const saved = blast.getByRole("status").filter({ hasText: "Blast radius saved." });
  await expect(saved).toBeVisible();
  const [button, message] = await Promise.all([
    blast.getByRole("button", { name: "Save blast radius" }).boundingBox(),
    saved.boundingBox(),
  ]);
  expect(message!.y).toBeGreaterThan(button!.y);
  expect(message!.y - (button!.y + button!.height)).toBeLessThan(40);

  // Suspect rows are not faded (axe colour-contrast failures on main).
  const faded = await page
    .getByRole("region", { name: "Originating changes" })
    .locator("li")
    .evaluateAll((items) => items.filter((li) => Number(getComputedStyle(li).opacity) < 1).length);
  expect(faded).toBe(0);
});

test("a second editor's stale status change is refused with a 409 message, not applied", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, DEMO.senior);
  await signIn(second, DEMO.junior);
  const id = await declareIncident(first, { title: `Stale status ${Date.now()}`, services: ["search-api"] });
  await second.goto(`/incidents/${id}`);
  await first.getByRole("button", { name: "Mark identified" }).click();
  await expect(first.getByText("Investigating → Identified")).toBeVisible();
  await second.getByRole("button", { name: "Resolve" }).click();
  await expect(
    second.getByRole("alert").filter({ hasText: "Someone changed this incident since you opened it" }),
  ).toBeVisible();
  await second.reload();
  await expect(second.getByRole("list", { name: "Lifecycle" }).locator('[aria-current="step"]')).toHaveText(
    /Identified/,
  );
  await first.close();
  await second.close();
});

test("a read-only viewer sees the affected services as text, and no actions", async ({ page }) => {
  await signIn(page, DEMO.junior);
  const id = await declareIncident(page, {
    title: `Viewer reads ${Date.now()}`,
    services: ["checkout-api", "payments-gateway"],
  });
  await signOut(page);
  await signIn(page, DEMO.manager);
  await page.goto(`/incidents/${id}`);
  const blast = page.getByRole("region", { name: "Blast radius" });
  await expect(blast.getByRole("checkbox")).toHaveCount(0);
  const services = blast.getByRole("definition").first();
  await expect(services).toContainText("checkout-api");
  await expect(services).toContainText("payments-gateway");
  await expect(page.getByRole("button", { name: "Mark identified" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Find a change" })).toHaveCount(0);
});

test("the blast radius picks services with the searchable multi-select, by keyboard, and confirms under its button", async ({
  page,
}) => {
  await signIn(page, DEMO.senior);
  const id = await declareIncident(page, { title: `Blast picker ${Date.now()}`, services: ["pricing-service"] });
  const blast = page.getByRole("region", { name: "Blast radius" });
  // No longer a group of service checkboxes (regions and capabilities keep theirs).
  await expect(blast.getByRole("group", { name: "Affected services" })).toHaveCount(0);
  const services = blast.getByRole("combobox", { name: "Affected services" });
  await expect(blast.getByRole("button", { name: "Remove pricing-service" })).toBeVisible();

  // Keyboard only: search, pick with Enter, close with Escape, Tab on to the save button.
  await tabTo(page, services);
  await page.keyboard.type("search-api");
  await expect(page.getByRole("option", { name: "search-api", exact: true })).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(blast.getByRole("button", { name: "Remove search-api" })).toBeVisible();
  await tabTo(page, blast.getByRole("button", { name: "Save blast radius" }));
  await page.keyboard.press("Enter");
  await expect(blast.getByRole("status").filter({ hasText: "Blast radius saved." })).toBeVisible();

  await page.goto(`/incidents/${id}`);
  await expect(blast.getByRole("button", { name: "Remove search-api" })).toBeVisible();
  await expect(blast.getByRole("button", { name: "Remove pricing-service" })).toBeVisible();

  // Removing every service is refused with the field's message, and focus goes to the picker.
  await blast.getByRole("button", { name: "Remove search-api" }).click();
  await blast.getByRole("button", { name: "Remove pricing-service" }).click();
  await blast.getByRole("button", { name: "Save blast radius" }).click();
  await expect(services).toHaveAttribute("aria-invalid", "true");
  await expect(services).toBeFocused();
});

test("people read dates as days and times in the org's style, not ISO: due dates and search results", async ({
  page,
}) => {
  const stamp = Date.now();
  const changeId = await latentChange(`Date style change ${stamp}`, 3);
  await signIn(page, DEMO.senior);
  await declareIncident(page, { title: `Date style ${stamp}`, services: ["pricing-service"] });

  // The link-by-search option says when the change shipped as "2 Dec 2026, 14:05".
  await page.getByRole("combobox", { name: "Find a change" }).fill(`#${changeId}`);
  const option = page.getByRole("option", { name: new RegExp(`#${changeId} `) });
  await expect(option).toContainText(/shipped \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
  await expect(option).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Mark mitigated" }).click();
  const items = page.getByRole("region", { name: "Action items" });
  await items.getByLabel("New action item").fill(`Date style item ${stamp}`);
  await items.getByLabel("Owner").selectOption({ label: "Sam Senior" });
  await items.getByLabel("Due date").fill("2030-01-15");
  await items.getByRole("button", { name: "Add" }).click();
  await expect(items.getByText("Sam Senior · due 15 Jan 2030")).toBeVisible();
  await expect(items.getByText("2030-01-15")).toHaveCount(0);
});

test("a latent change shipped two weeks ago is linked by searching its title, and a change links to an incident from its page", async ({
  page,
}) => {
  const stamp = Date.now();
  const latentTitle = `Latent price cache key rewrite ${stamp}`;
  const latentId = await latentChange(latentTitle, 14);
  await signIn(page, DEMO.mid);
  const incidentTitle = `Stale prices ${stamp}`;
  const incidentId = await declareIncident(page, { title: incidentTitle, services: ["pricing-service"] });

  // Not among the suspects (7 days at most), but found by the combobox.
  const changes = page.getByRole("region", { name: "Originating changes" });
  const finder = changes.getByRole("combobox", { name: "Find a change" });
  await finder.fill(`cache key rewrite ${stamp}`);
  await expect(changes.getByRole("option", { name: new RegExp(`#${latentId} `) })).toBeVisible();
  await finder.press("ArrowDown");
  await finder.press("Enter");
  await expect(finder).toHaveValue(`#${latentId} ${latentTitle}`);
  await changes.getByLabel("Role", { exact: true }).selectOption("ROOT_CAUSE");
  await changes.getByRole("button", { name: "Link change" }).click();
  await expect(page.getByText(`Linked change #${latentId} “${latentTitle}” as root cause`)).toBeVisible();
  await expect(changes.getByRole("link", { name: `#${latentId} ${latentTitle}` })).toBeVisible();

  // Searching again marks it as already linked; no role control was preselected.
  await finder.fill(String(latentId));
  await expect(changes.getByRole("option", { name: /already linked/ })).toHaveAttribute("aria-disabled", "true");

  // From a change's page: "Link to incident" by INC number.
  const ownTitle = `Price rounding tweak ${stamp}`;
  const ownId = await registerChange(page, { title: ownTitle, service: "pricing-service", shipped: true });
  const link = page.getByRole("form", { name: "Link to incident" });
  await link.getByRole("combobox", { name: "Find an incident" }).fill(`INC-${incidentId}`);
  await link.getByRole("option", { name: new RegExp(`INC-${incidentId} `) }).click();
  await link.getByLabel("Role", { exact: true }).selectOption("CONTRIBUTING");
  await link.getByRole("button", { name: "Link to incident" }).click();
  await expect(page.getByRole("link", { name: `INC-${incidentId} ${incidentTitle}` })).toBeVisible();
  await page.goto(`/incidents/${incidentId}`);
  await expect(page.getByText(`Linked change #${ownId} “${ownTitle}” as contributing`)).toBeVisible();
});

test("the author edits and ships a registered change; another engineer cannot; a manager can", async ({ page }) => {
  const stamp = Date.now();
  await signIn(page, DEMO.junior);
  const id = await registerChange(page, {
    title: `Flag for new checkout ${stamp}`,
    service: "checkout-api",
    ai: { tool: "Cursor", involvement: "Co-authored" },
  });
  const edit = page.getByRole("form", { name: "Edit change" });
  await edit.getByLabel("Title").fill(`Flag for new checkout, EU only ${stamp}`);
  await edit.getByLabel("Kind").selectOption({ label: "Feature flag" });
  await edit.getByRole("button", { name: "Save change" }).click();
  await expect(edit.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Flag for new checkout, EU only ${stamp}` })).toBeVisible();

  // Material edit (the service) keeps it waiting for approval.
  await edit.getByLabel("Service").selectOption({ label: "cart-service (Storefront)" });
  await edit.getByRole("button", { name: "Save change" }).click();
  await expect(edit.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Details" }).getByText("cart-service (Storefront)", { exact: true }),
  ).toBeVisible();

  const ship = page.getByRole("form", { name: "Mark shipped" });
  await expect(page.getByText("shipping it now counts as shipped without approval")).toBeVisible();
  await ship.getByRole("button", { name: "Mark shipped" }).click();
  await expect(page.getByText("Shipped without approval").first()).toBeVisible();
  await expect(page.getByRole("form", { name: "Mark shipped" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Rollback" })).toBeVisible();

  await signOut(page);
  await signIn(page, DEMO.mid);
  await page.goto(`/changes/${id}`);
  await expect(page.getByRole("form", { name: "Edit change" })).toHaveCount(0);

  await signOut(page);
  await signIn(page, DEMO.manager);
  await page.goto(`/changes/${id}`);
  await expect(page.getByRole("form", { name: "Edit change" })).toBeVisible();
});

test("keyboard only: declare an incident, link a change and resolve it", async ({ page }) => {
  const stamp = Date.now();
  const changeTitle = `Keyboard pool change ${stamp}`;
  const changeId = await latentChange(changeTitle, 2);
  await signIn(page, DEMO.mid);
  await page.goto("/incidents/new");

  const title = `Keyboard incident ${stamp}`;
  await tabTo(page, page.getByLabel("What is broken?"));
  await page.keyboard.type(title);
  const services = page.getByRole("combobox", { name: "Affected services" });
  await tabTo(page, services);
  await page.keyboard.type("pricing-service");
  await expect(page.getByRole("option", { name: "pricing-service", exact: true })).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Remove pricing-service" })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Declare incident" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  const finder = page.getByRole("combobox", { name: "Find a change" });
  await tabTo(page, finder);
  await page.keyboard.type(`#${changeId}`);
  await expect(page.getByRole("option", { name: new RegExp(`#${changeId} `) })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(finder).toHaveValue(`#${changeId} ${changeTitle}`);
  await page.keyboard.press("Tab");
  await expect(
    page.getByRole("region", { name: "Originating changes" }).getByLabel("Role", { exact: true }),
  ).toBeFocused();
  await page.keyboard.type("Trigger");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByText(`Linked change #${changeId} “${changeTitle}” as trigger`)).toBeVisible();

  // Back up to the header's actions.
  await tabTo(page, page.getByRole("button", { name: "Resolve", exact: true }), 120, "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Investigating → Resolved")).toBeVisible();
  await expect(page.getByRole("list", { name: "Lifecycle" }).locator('[aria-current="step"]')).toHaveText(/Resolved/);
});
