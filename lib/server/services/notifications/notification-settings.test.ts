import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAX_REPORT_RECIPIENTS,
  notificationPreferencesSchema,
  reportRecipientsSchema,
} from "@/lib/schemas/notifications";
import { setReportRecipients } from "@/lib/server/services/reports/set-report-recipients";
import { createTestUser } from "@/lib/server/testing/factories";
import { useTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { updateNotificationPreferences } from "./update-notification-preferences";

let database: TestDatabase;
beforeAll(async () => {
  database = await useTestDatabase();
});
afterAll(() => database.dispose());
const db = () => database.connection.prisma;

const parseList = (recipients: string) => reportRecipientsSchema.safeParse({ recipients });

describe("the distribution list schema", () => {
  it("takes one address per line (or commas/semicolons), drops blanks and case-insensitive duplicates", () => {
    expect(parseList("twist@acme.example\n\n sre@acme.example ; TWIST@acme.example,ops@acme.example").data).toEqual({
      recipients: ["TWIST@acme.example", "sre@acme.example", "ops@acme.example"],
    });
    expect(parseList("").data).toEqual({ recipients: [] });
  });

  it("refuses anything that could add a header or a recipient, with a message that says what to do", () => {
    for (const hostile of [
      "a@acme.example\r\nBcc: victim@evil.example",
      "Mia <mia@acme.example>",
      '"quoted"@acme.example',
      "a@acme.example\u0000",
      "a b@acme.example",
      "@acme.example",
      "a@localhost",
      `${"a".repeat(250)}@acme.example`,
    ]) {
      const result = parseList(hostile);
      expect(result.success, hostile).toBe(false);
      expect(result.error?.issues[0].message).toMatch(/Enter one plain address per line/);
      expect(result.error?.issues[0].message).not.toContain("\u0000");
    }
  });

  it("caps the list and the input size", () => {
    const many = Array.from({ length: MAX_REPORT_RECIPIENTS + 1 }, (_, i) => `p${i}@acme.example`).join("\n");
    expect(parseList(many).error?.issues[0].message).toMatch(/mailing list/);
    expect(parseList("a@acme.example\n".repeat(2000)).error?.issues[0].message).toMatch(/20,000/);
  });
});

describe("setReportRecipients", () => {
  it("is for managers and admins; it stores the list and audits the change", async () => {
    const engineer = await createTestUser(db(), { role: "ENGINEER" });
    const manager = await createTestUser(db(), { role: "MANAGER" });
    const input = reportRecipientsSchema.parse({ recipients: "twist@acme.example" });
    await expect(setReportRecipients({ actor: engineer, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setReportRecipients({ actor: manager, input });
    const settings = await db().orgSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(settings.reportRecipients).toEqual(["twist@acme.example"]);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "weekly_report.recipients_updated" } });
    expect(audit.actorId).toBe(manager.id);
  });
});

describe("updateNotificationPreferences", () => {
  it("changes only the signed-in person's own preferences", async () => {
    const me = await createTestUser(db());
    const other = await createTestUser(db());
    const input = notificationPreferencesSchema.parse({ emailWeeklyReport: "on" });
    expect(input).toEqual({ emailApprovalNeeded: false, emailWeeklyReport: true });
    await updateNotificationPreferences({ actor: me, input });
    const rows = await db().user.findMany({
      where: { id: { in: [me.id, other.id] } },
      select: { id: true, emailApprovalNeeded: true, emailWeeklyReport: true },
      orderBy: { id: "asc" },
    });
    expect(rows).toEqual([
      { id: me.id, emailApprovalNeeded: false, emailWeeklyReport: true },
      { id: other.id, emailApprovalNeeded: true, emailWeeklyReport: true },
    ]);
  });
});
