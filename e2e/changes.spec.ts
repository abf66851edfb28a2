import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { registerChange } from "./support/forms";

test("the change list filters live in the URL and narrow the list", async ({ page }) => {
  await signIn(page, DEMO.senior);
  await page.getByRole("link", { name: "Changes", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Changes" })).toBeVisible();

  const filters = page.getByRole("search", { name: "Filter changes" });
  await filters.getByLabel("AI-assisted").selectOption("yes");
  await filters.getByLabel("AI tool").selectOption({ label: "Claude Code" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/ai=yes/);
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  for (const row of await rows.all().then((all) => all.slice(1, 11))) {
    await expect(row).toContainText("AI · Claude Code");
  }

  await filters.getByLabel("Failed").selectOption("yes");
  await filters.getByLabel("Author level").selectOption("JUNIOR");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/failed=yes/);
  await expect(page).toHaveURL(/level=JUNIOR/);
  await expect(page.getByRole("row").nth(1)).toBeVisible();
  const filtered = await page.getByRole("row").count();
  for (const row of await page
    .getByRole("row")
    .all()
    .then((all) => all.slice(1, 6))) {
    await expect(row).toContainText("Failed");
    await expect(row).toContainText("junior");
  }

  // The URL alone reproduces the view, and the back button returns to the wider one.
  await page.goto(page.url());
  await expect(page.getByRole("row")).toHaveCount(filtered);
  await page.goBack();
  await expect(page).toHaveURL(/ai=yes/);
  await expect(page).not.toHaveURL(/failed=yes/);

  await page.goto("/changes?violation=1");
  for (const row of await page
    .getByRole("row")
    .all()
    .then((all) => all.slice(1, 6))) {
    await expect(row).toContainText("Shipped without approval");
  }
});

test("registering a change records the author's level and the approval it needs, and bad input is explained", async ({
  page,
}) => {
  await signIn(page, DEMO.junior);
  await page.goto("/changes/new");
  await page.getByLabel("Gen-AI assisted").check();
  await page.getByLabel("Link").fill("ftp://example.com/x");
  await page.getByRole("button", { name: "Register change" }).click();
  await expect(page.getByText("Give the change a title of at least 3 characters.")).toBeVisible();
  await expect(page.getByText("Choose the service it changed.")).toBeVisible();
  await expect(page.getByText("Name the AI tool that assisted.")).toBeVisible();
  await expect(page.getByText("Enter a full http(s) link, or leave it empty.")).toBeVisible();

  const title = `Tune search ranking ${Date.now()}`;
  const id = await registerChange(page, {
    title,
    service: "search-api",
    ai: { tool: "GitHub Copilot", involvement: "Co-authored" },
  });
  await expect(page.getByText("it needs a senior engineer's approval before it ships")).toBeVisible();
  await expect(page.getByText("Waiting for approval").first()).toBeVisible();
  await expect(page.getByText("Junior", { exact: true })).toBeVisible();
  expect(id).toBeGreaterThan(0);
});

// Issue 16: register and edit show the same Gen-AI assistance fields (one component).
test("registering and editing a change ask about AI assistance the same way", async ({ page }) => {
  await signIn(page, DEMO.senior);
  await page.goto("/changes/new");
  const register = page.getByRole("group", { name: "Gen-AI assistance" });
  await expect(register.getByLabel("AI tool")).toHaveCount(0);
  await register.getByLabel("Gen-AI assisted").check();
  await expect(register.getByLabel("AI tool")).toBeVisible();
  await expect(register.getByLabel("How much the AI did")).toBeVisible();

  const id = await registerChange(page, {
    title: `AI fields ${Date.now()}`,
    service: "cart-service",
    ai: { tool: "Cursor", involvement: "Co-authored" },
    keepFields: true,
  });
  expect(id).toBeGreaterThan(0);
  const edit = page.getByRole("form", { name: "Edit change" }).getByRole("group", { name: "Gen-AI assistance" });
  await expect(edit.getByLabel("Gen-AI assisted")).toBeChecked();
  await expect(edit.getByLabel("AI tool")).toHaveValue(/\d+/);
  await expect(edit.getByLabel("AI tool").locator("option:checked")).toHaveText("Cursor");
  await expect(edit.getByLabel("How much the AI did").locator("option:checked")).toHaveText("Co-authored");

  // Unticking hides the tool and involvement, as on the register form.
  await edit.getByLabel("Gen-AI assisted").uncheck();
  await expect(edit.getByLabel("AI tool")).toHaveCount(0);
});
