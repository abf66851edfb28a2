import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../support/auth";
import { createApiTokenInDb } from "../support/db";

// The shared input layer against the real server (Next.js routing, the proxy, real bodies).

test("a 2 MB server-action form post is a 413 that says what to do, not a 500", async ({ request }) => {
  const boundary = "----faultline";
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="summary"\r\n\r\n${"x".repeat(2 * 1024 * 1024)}\r\n--${boundary}--\r\n`;
  const response = await request.post("/incidents", {
    headers: { "next-action": "0".repeat(42), "content-type": `multipart/form-data; boundary=${boundary}` },
    data: body,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toMatch(/larger than 1 MB.*nothing was saved/i);
});

test("the API refuses wrong content types, 2^31 ids and NUL in queries with 4xx problem details", async ({
  request,
}) => {
  const token = await createApiTokenInDb(["read", "changes:write"]);
  const auth = { authorization: `Bearer ${token}` };
  const plain = await request.post("/api/v1/changes", {
    headers: { ...auth, "content-type": "text/plain" },
    data: JSON.stringify({ externalId: "x", kind: "DEPLOY", title: "Plain text", service: "checkout" }),
  });
  expect(plain.status()).toBe(415);
  const big = await request.get("/api/v1/incidents/2147483648", { headers: auth });
  expect(big.status()).toBe(422);
  expect(big.headers()["content-type"]).toContain("application/problem+json");
  expect((await request.get("/api/v1/changes?q=a%00b", { headers: auth })).status()).toBe(422);
  for (const week of ["0000-W01", "9999-W52"])
    expect((await request.get(`/api/v1/reports/weekly/${week}`, { headers: auth })).status(), week).toBeLessThan(500);
});

test("list pages answer hostile URLs with the list, not a 500: NUL, lone surrogates, ids beyond 2^31, impossible cursors", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  for (const [path, heading] of [
    ["/changes?q=deploy%00&before=1e30", "Changes"],
    ["/changes?before=2147483648&service=1,%00,99999999999", "Changes"],
    ["/changes?before=1.5&q=%ED%A0%80", "Changes"],
    ["/incidents?q=%00&after=999999999999999_12", "Incidents"],
    ["/incidents?after=1764547200000_2147483648&severity=SEV1,%00", "Incidents"],
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    // The list itself, not an error boundary inside a 200 (a streamed page keeps its status).
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true }), path).toBeVisible();
    await expect(page.getByText(/Something went wrong/i), path).toHaveCount(0);
  }
});
