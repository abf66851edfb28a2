import { expect, test } from "@playwright/test";
import { DEMO, signIn, signOut } from "./support/auth";
import { declareIncident, registerChange } from "./support/forms";

test("declare → update status → add note → link the suspect change → write the review → resolve → complete", async ({
  page,
}, testInfo) => {
  const stamp = Date.now();
  await signIn(page, DEMO.mid);

  // The change that will turn out to be the trigger: shipped minutes before impact, AI-assisted.
  const changeTitle = `Raise checkout-api pool size ${stamp}`;
  const changeId = await registerChange(page, {
    title: changeTitle,
    service: "checkout-api",
    shipped: true,
    ai: { tool: "Cursor", involvement: "Agent-authored" },
  });
  await expect(page.getByText("Waiting for approval")).toBeVisible();

  const title = `Checkout times out for card payments ${stamp}`;
  const incidentId = await declareIncident(page, { title, services: ["checkout-api"], severity: "Sev2" });

  // Status: investigating → identified, with a note on the timeline (issue 16: the next steps are buttons).
  await page.getByLabel("Status note").fill("Pool exhaustion on checkout-api");
  await page.getByRole("button", { name: "Mark identified" }).click();
  await expect(page.getByText("Investigating → Identified: Pool exhaustion on checkout-api")).toBeVisible();

  // A responder's note.
  await page.getByPlaceholder("What do responders need to know?").fill("Rolling back the pool change now.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Rolling back the pool change now.")).toBeVisible();

  // Severity change needs a reason.
  await page.getByRole("button", { name: "Raise or lower severity (now Sev2)" }).click();
  await page.getByRole("button", { name: "Raise to Sev1" }).click();
  await expect(page.getByText("Say why the severity changes (at least 3 characters).")).toBeVisible();
  await page.getByLabel("Reason for the severity change").fill("All EU card payments fail");
  await page.getByRole("button", { name: "Raise to Sev1" }).click();
  await expect(page.getByText("Severity raised from Sev2 to Sev1: All EU card payments fail")).toBeVisible();

  // The suspect ranks first (affected service, newest) and links as trigger.
  const suspects = page.getByRole("region", { name: "Originating changes" });
  const suspect = suspects.getByRole("listitem").filter({ hasText: changeTitle });
  await expect(suspect).toContainText("Affected service");
  await expect(suspect).toContainText("AI · Cursor, agent-authored");
  await suspect.getByLabel(`Role of change #${changeId}`).selectOption("TRIGGER");
  await suspect.getByRole("button", { name: "Link" }).click();
  await expect(page.getByText(`Linked change #${changeId} “${changeTitle}” as trigger`)).toBeVisible();
  await expect(page.getByText("AI-assisted origin")).toBeVisible();

  // The role can be changed.
  await page.getByLabel(`Role of linked change #${changeId}`).selectOption("ROOT_CAUSE");
  await page.getByRole("button", { name: "Set role" }).click();
  await expect(page.getByText(`is now root cause (was trigger)`)).toBeVisible();

  // Blast radius facts raise the level.
  const blast = page.getByRole("region", { name: "Blast radius" });
  await blast
    .getByRole("group", { name: "Customer-facing capabilities" })
    .getByLabel("checkout", { exact: true })
    .check();
  await blast.getByLabel("Customers or requests affected (%)").fill("12.5");
  await blast.getByRole("button", { name: "Save blast radius" }).click();
  await expect(page.getByText("Blast radius now high (was low)")).toBeVisible();

  // The review opens once the incident is mitigated (issue 16), and cannot be completed before it is
  // written and the incident resolved.
  await expect(page.getByRole("region", { name: "Post-incident review" })).toHaveCount(0);
  await page.getByRole("button", { name: "Mark mitigated" }).click();
  await expect(page.getByText("Identified → Monitoring")).toBeVisible();
  await page.getByRole("button", { name: "Mark review complete" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The review cannot be completed yet" })).toBeVisible();

  const review = page.getByRole("region", { name: "Post-incident review" });
  await review.getByLabel("What happened").fill("A pool size change starved checkout-api of connections.");
  await review.getByLabel("Customer impact").fill("12.5% of card payments failed for 40 minutes.");
  await review.getByLabel("Root cause").fill("An agent-authored change halved the pool instead of raising it.");
  await review.getByLabel("Why 1").fill("Checkout timed out.");
  await review.getByLabel("Why 2").fill("No connections were free.");
  await review.getByLabel("Why 3").fill("The pool was halved.");
  await review.getByLabel("Lessons learned").fill("Agent-authored config changes need a senior review and a canary.");
  await review.getByLabel("Novel Gen-AI usage without established safeguards").check();
  await review.getByRole("button", { name: "Save review draft" }).click();
  await expect(page.getByText("Post-incident review started")).toBeVisible();

  // An action item with owner and due date.
  const items = page.getByRole("region", { name: "Action items" });
  await items.getByLabel("New action item").fill("Canary every pool-size change");
  await items.getByLabel("Owner").selectOption({ label: "Sam Senior" });
  await items.getByLabel("Due date").fill("2030-01-15");
  await items.getByRole("button", { name: "Add" }).click();
  await expect(items.getByText("Canary every pool-size change")).toBeVisible();

  // Resolve, then complete the review.
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(page.getByText("Monitoring → Resolved")).toBeVisible();
  await expect(page.getByText("Time to resolve").locator("..").getByText("still counting")).toHaveCount(0);
  await page.getByRole("button", { name: "Mark review complete" }).click();
  await expect(page.getByText("Post-incident review completed")).toBeVisible();
  await expect(review.getByText("Complete", { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("incident-after-review.png"), fullPage: true });

  // The change page shows the incident and counts the change as failed.
  await page.getByRole("link", { name: `#${changeId} ${changeTitle}` }).click();
  await expect(page.getByRole("link", { name: `INC-${incidentId} ${title}` })).toBeVisible();
  await expect(page.getByText("Counts as failed")).toBeVisible();
});

test("a second editor's stale save is refused, and what they typed is kept", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, DEMO.senior);
  await signIn(second, DEMO.junior);
  const id = await declareIncident(first, { title: `Search returns nothing ${Date.now()}`, services: ["search-api"] });
  await second.goto(`/incidents/${id}`);

  await first.getByText("Edit title, summary or commander").click();
  const firstDetails = first.getByRole("form", { name: "Incident details" });
  await firstDetails.getByLabel("Summary").fill("Index rebuild in progress.");
  await firstDetails.getByRole("button", { name: "Save details" }).click();
  await expect(first.getByText("Index rebuild in progress.").first()).toBeVisible();

  await second.getByText("Edit title, summary or commander").click();
  const secondDetails = second.getByRole("form", { name: "Incident details" });
  await secondDetails.getByLabel("Summary").fill("My competing summary");
  await secondDetails.getByRole("button", { name: "Save details" }).click();
  await expect(
    second.getByRole("alert").filter({ hasText: "Someone changed this incident since you opened it" }),
  ).toBeVisible();
  await expect(secondDetails.getByLabel("Summary")).toHaveValue("My competing summary");

  await second.reload();
  await expect(second.getByText("Index rebuild in progress.").first()).toBeVisible();
  await first.close();
  await second.close();
});

test("a manager reads incidents and changes but cannot change them; they register changes only for others", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByRole("form", { name: "Update status" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark identified" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Link" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save blast radius" })).toHaveCount(0);
  // Registering on someone's behalf is for managers and admins (issue #12): the form offers them the author picker.
  await page.goto("/changes/new");
  await expect(page.getByLabel("Author")).toBeVisible();
  await signOut(page);
  await signIn(page, DEMO.junior);
  await page.goto("/changes/new");
  await expect(page.getByRole("heading", { name: "Register a change" })).toBeVisible();
  await expect(page.getByLabel("Author")).toHaveCount(0);
});

test("only admins read an incident's audit log", async ({ page }) => {
  await signIn(page, DEMO.junior);
  const id = await declareIncident(page, { title: `Audit me ${Date.now()}`, services: ["cart-service"] });
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.goto(`/incidents/${id}/audit`);
  await expect(page.getByRole("heading", { name: "Only admins can read the audit log" })).toBeVisible();

  await signOut(page);
  await signIn(page, DEMO.admin);
  await page.goto(`/incidents/${id}`);
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("cell", { name: "incident.declared" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Jules Junior" })).toBeVisible();
  // Each field of the declaration is listed with its value.
  await expect(page.getByRole("definition").filter({ hasText: "Audit me" })).toBeVisible();
});
