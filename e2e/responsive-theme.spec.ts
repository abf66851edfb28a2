import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { withDb } from "./support/db";

// Issue 16, items 2 and 3: every main page, as an admin, on a phone and a desktop, in light
// and dark: nothing wider than the viewport, and dark really is dark.
const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1440, height: 900 },
] as const;
const SCHEMES = ["light", "dark"] as const;
const SHOTS = process.env.UX_SHOTS_DIR ?? "/tmp/faultline-ux-shots";

async function mainPages(): Promise<string[]> {
  return withDb(async (client) => {
    // The incident with the most timeline and changes, the change with the most links: the widest pages.
    const incident = await client.query<{ id: number }>(
      `SELECT i.id FROM "Incident" i ORDER BY (SELECT count(*) FROM "FailingLink" f WHERE f."incidentId" = i.id) DESC, i.id LIMIT 1`,
    );
    const change = await client.query<{ id: number }>(
      `SELECT c.id FROM "Change" c ORDER BY (SELECT count(*) FROM "FailingLink" f WHERE f."changeId" = c.id) DESC, c.id LIMIT 1`,
    );
    const user = await client.query<{ id: number }>(`SELECT id FROM "User" ORDER BY id LIMIT 1`);
    const week = await client.query<{ week: string }>(
      `SELECT to_char(now() - interval '7 days', 'IYYY-"W"IW') AS week`,
    );
    return [
      "/incidents",
      `/incidents/${incident.rows[0].id}`,
      `/incidents/${incident.rows[0].id}/audit`,
      "/incidents/new",
      "/changes",
      `/changes/${change.rows[0].id}`,
      "/changes/new",
      "/approvals",
      "/dashboard",
      "/reports",
      `/reports/weekly/${week.rows[0].week}`,
      "/notifications",
      "/account",
      "/help/definitions",
      "/help/api",
      "/admin/users",
      `/admin/users/${user.rows[0].id}`,
      "/admin/teams",
      "/admin/lists",
      "/admin/policy",
      "/admin/settings",
      "/admin/integrations",
      "/admin/webhooks",
      "/admin/tokens",
      "/admin/audit",
    ];
  });
}

async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0)
      .filter(
        (el) =>
          ![...document.querySelectorAll("body *")].some(
            (o) => o !== el && o.contains(el) && getComputedStyle(o).overflowX !== "visible",
          ),
      )
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 60)}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
}

const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

for (const viewport of VIEWPORTS) {
  test(`every main page fits a ${viewport.name} (${viewport.width}×${viewport.height}) in light and dark`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const pages = await mainPages();
    const backgrounds: Record<string, Record<string, string>> = {};
    const problems: string[] = [];
    for (const scheme of SCHEMES) {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        colorScheme: scheme,
      });
      const page = await context.newPage();
      await signIn(page, DEMO.admin);
      for (const path of pages) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBeLessThan(400);
        await page.waitForLoadState("networkidle");
        const measured = await overflow(page);
        if (measured.scrollWidth > measured.width) {
          problems.push(
            `${scheme} ${path}: ${measured.scrollWidth}px > ${measured.width}px (${measured.wide.join(", ")})`,
          );
        }
        (backgrounds[path] ??= {})[scheme] = await bodyBackground(page);
        const file = `${viewport.name}-${scheme}${path.replaceAll("/", "_")}.png`;
        await page.screenshot({ path: `${SHOTS}/${file}`, fullPage: viewport.name === "phone" });
      }
      await context.close();
    }
    expect(problems, problems.join("\n")).toEqual([]);
    for (const path of pages) {
      expect(backgrounds[path].dark, `${path} looks the same in dark`).not.toBe(backgrounds[path].light);
    }
  });
}
