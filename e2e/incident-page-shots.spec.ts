import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { withDb } from "./support/db";

// Issue 16 item 4–6 pages at 1440×900 and 390×844, light and dark: nothing wider than the
// viewport; screenshots in /tmp/shots-incident for a person to look at.
const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1440, height: 900 },
] as const;
const SHOTS = process.env.INCIDENT_SHOTS_DIR ?? "/tmp/shots-incident";

async function pages(): Promise<Array<[string, string]>> {
  return withDb(async (client) => {
    const live = await client.query<{ id: number }>(
      `SELECT id FROM "Incident" WHERE status <> 'RESOLVED' ORDER BY "impactStartedAt" DESC LIMIT 1`,
    );
    const resolved = await client.query<{ id: number }>(
      `SELECT i.id FROM "Incident" i WHERE status = 'RESOLVED'
        ORDER BY (SELECT count(*) FROM "IncidentChange" l WHERE l."incidentId" = i.id) DESC, i.id DESC LIMIT 1`,
    );
    const change = await client.query<{ id: number }>(
      `SELECT c.id FROM "Change" c JOIN "User" u ON u.id = c."authorId" WHERE u.email = $1 AND c."shippedAt" IS NULL
        ORDER BY c.id DESC LIMIT 1`,
      [DEMO.mid],
    );
    return [
      ["live-incident", `/incidents/${live.rows[0].id}`],
      ["resolved-incident", `/incidents/${resolved.rows[0].id}`],
      ...(change.rows[0] ? ([["own-change", `/changes/${change.rows[0].id}`]] as Array<[string, string]>) : []),
    ];
  });
}

for (const viewport of VIEWPORTS) {
  test(`incident and change pages fit a ${viewport.name} in light and dark`, async ({ browser }) => {
    test.setTimeout(300_000);
    const targets = await pages();
    const problems: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      for (const who of ["mid", "manager"] as const) {
        const context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          colorScheme: scheme,
        });
        const page = await context.newPage();
        await signIn(page, DEMO[who]);
        for (const [name, path] of targets) {
          await page.goto(path);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > viewport.width) problems.push(`${scheme} ${who} ${path}: ${width}px`);
          await page.screenshot({
            path: `${SHOTS}/${viewport.name}-${scheme}-${who}-${name}.png`,
            fullPage: true,
          });
        }
        await context.close();
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
}
