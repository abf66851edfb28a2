import { expect, type Page } from "@playwright/test";

/** The demo organisation's fixed sign-ins (lib/server/demo). */
export const DEMO = {
  password: "faultline-demo",
  admin: "admin@faultline.dev",
  manager: "manager@faultline.dev",
  senior: "senior@faultline.dev",
  mid: "mid@faultline.dev",
  junior: "junior@faultline.dev",
} as const;

export async function signIn(page: Page, email: string, password: string = DEMO.password) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/incidents/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
