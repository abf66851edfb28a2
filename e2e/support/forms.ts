import { expect, type Page } from "@playwright/test";

/** Registers a change through the form and returns its id. */
export async function registerChange(
  page: Page,
  options: {
    title: string;
    service: string;
    shipped?: boolean;
    ai?: { tool: string; involvement: string };
    author?: string;
    keepFields?: boolean;
  },
): Promise<number> {
  // keepFields: the caller already opened the form and filled extra fields.
  if (!options.keepFields) await page.goto("/changes/new");
  await page.getByLabel("Title").fill(options.title);
  await page.getByLabel("Service").selectOption({ label: options.service });
  if (options.author) await page.getByLabel("Author").selectOption({ label: options.author });
  if (options.shipped) await page.getByRole("button", { name: "Now" }).click();
  if (options.ai) {
    await page.getByLabel("Gen-AI assisted").check();
    await page.getByLabel("AI tool").selectOption({ label: options.ai.tool });
    await page.getByLabel("How much the AI did").selectOption({ label: options.ai.involvement });
  }
  await page.getByRole("button", { name: "Register change" }).click();
  await expect(page.getByRole("heading", { name: options.title })).toBeVisible();
  return Number(/\/changes\/(\d+)/.exec(page.url())![1]);
}

/** Declares an incident through the form and returns its id. */
export async function declareIncident(
  page: Page,
  options: { title: string; services: string[]; severity?: string },
): Promise<number> {
  await page.goto("/incidents/new");
  await page.getByLabel("What is broken?").fill(options.title);
  await page.getByRole("radio", { name: new RegExp(`^${options.severity ?? "Sev2"}\\b`) }).check();
  await pickServices(page, options.services);
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByRole("heading", { name: options.title })).toBeVisible();
  return Number(/\/incidents\/(\d+)/.exec(page.url())![1]);
}

/** Picks services in the declare form's searchable multi-select (type, then Enter on the exact match). */
export async function pickServices(page: Page, names: string[], label = "Affected services") {
  const box = page.getByRole("combobox", { name: label });
  for (const name of names) {
    await box.fill(name);
    await page.getByRole("option", { name, exact: true }).click();
  }
  await box.fill("");
}
