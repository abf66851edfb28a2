import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

test("an admin adds, renames and archives a contributing factor; engineers cannot", async ({ page }, testInfo) => {
  const name = `Alert fatigue ${Date.now()}`;
  await signIn(page, DEMO.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Managed lists" }).click();
  await expect(page.getByRole("link", { name: "Managed lists" })).toHaveAttribute("aria-current", "page");
  const factors = page.getByRole("region", { name: "Contributing factors" });
  await expect(
    factors.getByRole("textbox", { name: "Name of Novel Gen-AI usage without established safeguards" }),
  ).toBeVisible();

  await factors.getByRole("button", { name: "Add" }).click();
  await expect(factors.getByText("Use at least 2 characters.")).toBeVisible();
  await factors.getByLabel("New factor").fill(name);
  await factors.getByRole("button", { name: "Add" }).click();
  const row = factors.getByRole("listitem").filter({ has: page.getByRole("textbox", { name: `Name of ${name}` }) });
  await expect(row).toBeVisible();
  await expect(factors.getByLabel("New factor")).toHaveValue("");

  await row.getByRole("textbox").fill(`${name} (paging)`);
  await row.getByRole("button", { name: "Rename" }).click();
  await expect(factors.getByRole("textbox", { name: `Name of ${name} (paging)` })).toBeVisible();
  const renamed = factors
    .getByRole("listitem")
    .filter({ has: page.getByRole("textbox", { name: `Name of ${name} (paging)` }) });
  await renamed.getByRole("button", { name: "Archive" }).click();
  await expect(renamed.getByText("Archived")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("admin-lists.png"), fullPage: true });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/login/);
  await signIn(page, DEMO.senior);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.goto("/admin/lists");
  await expect(page.getByRole("heading", { name: "Only admins manage these lists" })).toBeVisible();
});
