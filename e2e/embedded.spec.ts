import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { pickServices } from "./support/forms";

// This project runs against a server started WITHOUT DATABASE_URL: embedded PGlite in a
// fresh folder, migrated and filled with demo data at start-up.
test("the embedded database boots, migrates, seeds and serves a demo sign-in", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true, kind: "embedded" } });

  await signIn(page, DEMO.admin);
  await expect(page.getByRole("heading", { name: "Incidents" })).toBeVisible();
  await expect(page.getByRole("row")).not.toHaveCount(1);

  const title = `Embedded mode incident ${Date.now()}`;
  await page.getByRole("link", { name: "Declare incident" }).click();
  await page.getByLabel("What is broken?").fill(title);
  await pickServices(page, ["search-api"]);
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
});
