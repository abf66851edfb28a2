import { expect, test } from "@playwright/test";
import { DEMO, signIn, signOut } from "./support/auth";
import { pickServices } from "./support/forms";

test("an engineer declares an incident, sees it at the top of the list, and a manager opens it", async ({
  page,
}, testInfo) => {
  const title = `Checkout returns 502 for EU customers ${Date.now()}`;
  await signIn(page, DEMO.junior);

  await page.getByRole("link", { name: "Declare incident" }).click();
  await expect(page.getByRole("heading", { name: "Declare an incident" })).toBeVisible();
  // The impact start defaults to now, in the browser's time zone.
  await expect(page.getByLabel("Impact started")).not.toHaveValue("");
  await page.screenshot({ path: testInfo.outputPath("declare-form.png"), fullPage: true });

  // Bad input: a message per field, nothing saved, and what was typed is kept.
  await page.getByLabel("What is broken?").fill("ab");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByText("Give the incident a title of at least 3 characters.")).toBeVisible();
  await expect(page.getByText("Pick at least one affected service.")).toBeVisible();
  await expect(page.getByLabel("What is broken?")).toHaveValue("ab");

  await page.getByLabel("What is broken?").fill(title);
  await page.getByLabel("Sev1").check();
  await pickServices(page, ["checkout-api", "payments-gateway"]);
  await page.getByRole("button", { name: "Declare incident" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Incident declared" })).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Sev1", { exact: true })).toBeVisible();
  await expect(page.getByText("Investigating", { exact: true })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Declared as Sev1" })).toBeVisible();
  const incidentPath = new URL(page.url()).pathname;
  await page.screenshot({ path: testInfo.outputPath("incident-detail.png"), fullPage: true });

  await page.getByRole("link", { name: "← Incidents" }).click();
  const firstRow = page.getByRole("row").nth(1);
  await expect(firstRow).toContainText(title);
  await expect(firstRow).toContainText("checkout-api, payments-gateway");
  await expect(firstRow).toContainText("open");
  await page.screenshot({ path: testInfo.outputPath("incident-list.png"), fullPage: true });

  await signOut(page);
  await signIn(page, DEMO.manager);
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL((url) => url.pathname === incidentPath);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
});

test("a manager may read incidents but not declare one", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await expect(page.getByRole("heading", { name: "Incidents" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Declare incident" })).toHaveCount(0);
  await page.goto("/incidents/new");
  await expect(page.getByRole("heading", { name: "You cannot declare incidents" })).toBeVisible();
});

test("older incidents are reached page by page", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const firstTitle = page.getByRole("row").nth(1).getByRole("link");
  const newest = await firstTitle.textContent();
  await page.getByRole("link", { name: "Older incidents →" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(page.getByRole("row")).toHaveCount(51);
  await expect(firstTitle).not.toHaveText(newest ?? "");
  await page.getByRole("link", { name: "Newest" }).click();
  await expect(firstTitle).toHaveText(newest ?? "");
});

test("an unknown incident shows a helpful 404", async ({ page }) => {
  await signIn(page, DEMO.mid);
  for (const path of ["/incidents/99999999", "/incidents/not-a-number"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  }
});

test("the definitions page documents the blast-radius rule", async ({ page }) => {
  await signIn(page, DEMO.mid);
  await page.getByRole("link", { name: "Definitions" }).click();
  await expect(page.getByRole("heading", { name: "Blast radius" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "50% or more of customers or requests affected" })).toBeVisible();
  await expect(page.getByText("Change failure rate", { exact: true })).toBeVisible();
});
