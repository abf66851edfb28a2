import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { registerChange } from "@/lib/server/services/changes/register-change";
import { publishWeeklyReport } from "@/lib/server/services/reports/publish-weekly-report";
import { deliverDueWebhooks } from "@/lib/server/services/webhooks/deliver-due-webhooks";
import { createTestService, createTestUser } from "@/lib/server/testing/factories";
import { startSmtpReceiver } from "@/lib/server/testing/smtp-receiver";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let refuse: ((rcpt: string) => { code: number; message: string } | null) | null = null;
let serviceId: number;
beforeAll(async () => {
  database = await useTestDatabase();
  smtp = await startSmtpReceiver({ refuse: (rcpt) => refuse?.(rcpt) ?? null });
  process.env.NEXTAUTH_URL = "https://faultline.example/";
  serviceId = (await createTestService(database.connection.prisma)).id;
});
afterAll(async () => {
  await smtp.close();
  await database.dispose();
});
const db = () => database.connection.prisma;
beforeEach(async () => {
  process.env.FAULTLINE_SMTP_URL = smtp.url;
  process.env.FAULTLINE_SMTP_FROM = "Faultline <faultline@faultline.example>";
  refuse = null;
  smtp.received.splice(0);
  await db().outboundDelivery.deleteMany();
  await db().user.updateMany({ data: { active: false } });
  await db().orgSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { reportRecipients: [] } });
});
afterEach(() => {
  delete process.env.FAULTLINE_SMTP_URL;
});

const aiChange = (author: SessionUser, title: string) =>
  registerChange({
    actor: author,
    input: {
      kind: "DEPLOY",
      title,
      serviceId,
      repository: "acme/shop",
      externalId: null,
      externalUrl: null,
      authorId: author.id,
      shippedAt: null,
      aiAssisted: true,
      aiToolId: null,
      aiInvolvement: "AGENT_AUTHORED",
    },
  });
const emailRows = () => db().outboundDelivery.findMany({ where: { emailTo: { not: null } }, orderBy: { id: "asc" } });

describe("approval-needed email", () => {
  it("goes to each active senior who may approve (not the author, not who turned it off), once", async () => {
    const junior = await createTestUser(db(), { level: "JUNIOR" });
    const senior = await createTestUser(db(), { level: "SENIOR" });
    const quiet = await createTestUser(db(), { level: "SENIOR" });
    await db().user.update({ where: { id: quiet.id }, data: { emailApprovalNeeded: false } });
    await createTestUser(db(), { level: "MID" });
    const { id } = await aiChange(junior, "Bump payment SDK");

    expect((await emailRows()).map((r) => r.emailTo)).toEqual([senior.email]);
    // Two workers at once (two app instances): each email is sent once.
    const reports = await Promise.all([deliverDueWebhooks(), deliverDueWebhooks()]);
    expect(reports.reduce((n, r) => n + r.delivered, 0)).toBe(1);
    expect(await deliverDueWebhooks()).toMatchObject({ claimed: 0 });
    expect(smtp.received).toHaveLength(1);

    const [mail] = smtp.received;
    expect(mail.envelopeTo).toEqual([senior.email]);
    expect(mail.parsed.subject).toBe("Approval needed: Bump payment SDK");
    expect(mail.parsed.from?.value).toEqual([{ name: "Faultline", address: "faultline@faultline.example" }]);
    expect(mail.parsed.headers.get("x-faultline-event")).toBe("email.approval_needed");
    expect(mail.parsed.headers.get("x-faultline-delivery")).toMatch(new RegExp(`^change-${id}-approval-needed-v\\d+$`));
    expect(mail.raw).toMatch(/^List-Unsubscribe: <https:\/\/faultline\.example\/account#notifications>/m);
    expect(mail.parsed.text).toContain(`Review and approve: https://faultline.example/changes/${id}`);
    expect(mail.parsed.text).toContain("(junior)");
    expect(mail.parsed.html).toContain(`href="https://faultline.example/changes/${id}"`);
    const row = (await emailRows())[0];
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatus: 250 });
  });

  it("cannot inject headers or recipients through a title with CR/LF, and escapes it in HTML", async () => {
    const junior = await createTestUser(db(), { level: "JUNIOR" });
    const senior = await createTestUser(db(), { level: "SENIOR" });
    await aiChange(junior, "Fix\r\nBcc: victim@evil.example\r\n\r\n<script>alert(1)</script>");
    await deliverDueWebhooks();
    const [mail] = smtp.received;
    expect(mail.envelopeTo).toEqual([senior.email]);
    expect(mail.parsed.headers.has("bcc")).toBe(false);
    const headerSection = mail.raw.split("\r\n\r\n")[0];
    expect(headerSection).not.toMatch(/^Bcc:/im);
    expect(headerSection).toMatch(/^Subject: Approval needed: Fix Bcc: victim@evil\.example/m);
    expect(mail.parsed.subject).toBe("Approval needed: Fix Bcc: victim@evil.example <script>alert(1)</script>");
    expect(mail.parsed.html).not.toContain("<script>");
    expect(mail.parsed.html).toContain("&lt;script&gt;");
  });

  it("is not queued at all without FAULTLINE_SMTP_URL", async () => {
    delete process.env.FAULTLINE_SMTP_URL;
    const junior = await createTestUser(db(), { level: "JUNIOR" });
    await createTestUser(db(), { level: "SENIOR" });
    await aiChange(junior, "No mail");
    expect(await emailRows()).toEqual([]);
  });

  it("fails at once on a permanent refusal (550) and retries a temporary one (451)", async () => {
    const junior = await createTestUser(db(), { level: "JUNIOR" });
    const gone = await createTestUser(db(), { level: "SENIOR" });
    const busy = await createTestUser(db(), { level: "SENIOR" });
    refuse = (rcpt) =>
      rcpt === gone.email
        ? { code: 550, message: "No such user" }
        : rcpt === busy.email
          ? { code: 451, message: "Try later" }
          : null;
    await aiChange(junior, "Refused");
    await deliverDueWebhooks();
    const rows = await emailRows();
    expect(rows.find((r) => r.emailTo === gone.email)).toMatchObject({ status: "FAILED", lastStatus: 550 });
    expect(rows.find((r) => r.emailTo === busy.email)).toMatchObject({ status: "PENDING", lastStatus: 451 });
  });
});

describe("weekly report email", () => {
  it("sends the published report to the distribution list: HTML headline table, Markdown alternative, PDF", async () => {
    const manager = await createTestUser(db(), { role: "MANAGER" });
    const optedOut = await createTestUser(db(), { role: "ENGINEER" });
    await db().user.update({ where: { id: optedOut.id }, data: { emailWeeklyReport: false } });
    await db().orgSettings.update({
      where: { id: 1 },
      data: { name: "Acme", reportRecipients: ["twist@acme.example", optedOut.email.toUpperCase()] },
    });
    const { id } = await publishWeeklyReport({
      actor: manager,
      input: { week: "2026-W47" },
      timeZone: "UTC",
      organisation: "Acme",
      baseUrl: "https://faultline.example",
    });
    expect((await emailRows()).map((r) => r.emailTo)).toEqual(["twist@acme.example"]);
    await deliverDueWebhooks();
    expect(smtp.received).toHaveLength(1);
    const { parsed, raw } = smtp.received[0];
    expect(parsed.subject).toBe("Acme: weekly report 2026-W47");
    expect(parsed.headers.get("x-faultline-delivery")).toBe(`report-2026-W47-publication-${id}`);
    expect(parsed.html).toContain("Change failure rate, AI-assisted");
    expect(parsed.html).toContain("<table");
    expect(parsed.text).toContain("2026-W47");
    expect(raw).toContain("Content-Type: text/markdown; charset=utf-8");
    // mailparser lists the text/markdown alternative as an attachment too.
    const markdown = parsed.attachments.find((a) => a.contentType === "text/markdown");
    expect(markdown?.content.toString("utf8")).toContain("2026-W47");
    const pdfs = parsed.attachments.filter((a) => a.contentType === "application/pdf");
    expect(pdfs).toHaveLength(1);
    const [pdf] = pdfs;
    expect(pdf.contentType).toBe("application/pdf");
    expect(pdf.filename).toBe("faultline-weekly-2026-W47.pdf");
    expect(pdf.content.subarray(0, 5).toString()).toBe("%PDF-");
    const stored = await db().weeklyReportPublication.findUniqueOrThrow({ where: { id }, select: { pdf: true } });
    expect(Buffer.from(stored.pdf).equals(pdf.content)).toBe(true);
  });
});
