import { z } from "zod";
import { apiAiComparisonSchema } from "./ai-comparison";
import { AI_INVOLVEMENTS, APPROVAL_STATES, LEVELS } from "@/lib/domain/change";
import { BLAST_RADIUS_LEVELS } from "@/lib/domain/blast-radius";
import { LINK_ROLES } from "@/lib/domain/change-failure";
import { INCIDENT_STATUSES, SEVERITIES } from "@/lib/domain/severity";
import { apiDay, apiDayFilter, csvRefs, isoTimestamp } from "./common";

export const apiMetricsQuery = z.strictObject({
  from: apiDayFilter
    .optional()
    .meta({ description: "First day; snaps back to its Monday. Default: 12 full weeks before this one." }),
  to: apiDayFilter
    .optional()
    .meta({ description: "Last day (inclusive); snaps forward to the end of its week. At most 104 weeks." }),
  team: csvRefs("Teams.").optional(),
  service: csvRefs("Services.").optional(),
});

const count = z.number().int();
const headline = z.object({
  current: z.number().nullable(),
  previous: z.number().nullable(),
  fourWeekAverage: z.number().nullable(),
  trend: z.enum(["up", "down", "flat", "none"]),
});
const breakdownRow = z.object({ group: z.string(), aiAssisted: z.boolean(), shipped: count, failed: count });

/** The dashboard's series, exactly as the dashboard page draws them (docs/api.md lists the definitions). */
export const apiMetricsSchema = z
  .object({
    range: z.object({
      from: apiDay,
      to: apiDay.meta({ description: "The Monday after the last week (exclusive)." }),
      timeZone: z.string(),
    }),
    filters: z.object({ teams: z.array(z.string()), services: z.array(z.string()) }),
    incidents: z.array(
      z.object({
        week: apiDay,
        total: count,
        sev1: count,
        sev2: count,
        sev3: count,
        sev4: count,
        highBlast: count,
        aiLinked: count,
      }),
    ),
    sev2PerDay: z.array(z.object({ day: apiDay, count, movingAverage: z.number() })),
    changeFailure: z.array(
      z.object({ week: apiDay, aiShipped: count, aiFailed: count, otherShipped: count, otherFailed: count }),
    ),
    failureBreakdown: z.object({ byTool: z.array(breakdownRow), byLevel: z.array(breakdownRow) }),
    timeToResolve: z.array(
      z.object({
        week: apiDay,
        severity: z.enum(["ALL", ...SEVERITIES]),
        resolved: count,
        medianHours: z.number().nullable(),
        p90Hours: z.number().nullable(),
      }),
    ),
    approvalCompliance: z.object({
      weeks: z.array(z.object({ week: apiDay, required: count, compliant: count, violations: count })),
      pendingNow: count,
    }),
    actionItems: z.object({
      weeks: z.array(z.object({ week: apiDay, due: count, done: count, open: count, overdue: count })),
      openNow: count,
      overdueNow: count,
    }),
    aiComparison: apiAiComparisonSchema,
    headline: z.object({
      incidents: headline,
      majorIncidents: headline,
      sev2PerDay: headline,
      highBlast: headline,
      aiLinkedShare: headline,
      aiFailureRate: headline,
      otherFailureRate: headline,
      medianHoursToResolve: headline,
      violations: headline,
    }),
  })
  .meta({ id: "Metrics" });
export type ApiMetrics = z.infer<typeof apiMetricsSchema>;

export const weekParam = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, "Use an ISO week such as 2026-W47.")
    .meta({ description: "ISO week", example: "2026-W47" }),
});

const reportChange = z.object({
  id: z.number().int(),
  url: z.url(),
  title: z.string(),
  role: z.enum(LINK_ROLES),
  aiAssisted: z.boolean(),
  aiTool: z.string().nullable(),
  aiInvolvement: z.enum(AI_INVOLVEMENTS).nullable(),
  authorLevel: z.enum(LEVELS).nullable(),
  approvalState: z.enum(APPROVAL_STATES),
  compliance: z.enum(["NOT_REQUIRED", "PENDING", "COMPLIANT", "VIOLATION"]),
});
const actionItem = z.object({
  id: z.number().int(),
  title: z.string(),
  dueDate: apiDay,
  completedAt: isoTimestamp.nullable(),
  owner: z.string().nullable(),
  incident: z.object({ id: z.number().int(), url: z.url(), title: z.string() }),
});

export const apiWeeklyReportSchema = z
  .object({
    week: z.string().meta({ example: "2026-W47" }),
    monday: apiDay,
    timeZone: z.string(),
    url: z.url().meta({ description: "The report's page in Faultline." }),
    majorIncidentCount: z
      .number()
      .int()
      .meta({ description: "Sev1/Sev2 incidents of the week; `majorIncidents` lists the first 50." }),
    majorIncidentsUrl: z.url().meta({ description: "The incidents list filtered to this week's Sev1/Sev2." }),
    violationCount: z
      .number()
      .int()
      .meta({ description: "Policy violations shipped in the week; `violations` lists the first 50." }),
    violationsUrl: z.url().meta({ description: "The changes list filtered to this week's violations." }),
    actionItemCounts: z
      .object({ dueThisWeek: z.number().int(), overdue: z.number().int(), completed: z.number().int() })
      .meta({ description: "Totals; each `actionItems` list holds at most 50." }),
    majorIncidents: z.array(
      z.object({
        id: z.number().int(),
        url: z.url(),
        title: z.string(),
        severity: z.enum(SEVERITIES),
        status: z.enum(INCIDENT_STATUSES),
        impactStartedAt: isoTimestamp,
        resolvedAt: isoTimestamp.nullable(),
        durationMinutes: z.number().int(),
        blastRadiusLevel: z.enum(BLAST_RADIUS_LEVELS),
        services: z.array(z.string()),
        changes: z.array(reportChange),
      }),
    ),
    violations: z.array(
      z.object({
        id: z.number().int(),
        url: z.url(),
        title: z.string(),
        shippedAt: isoTimestamp,
        service: z.string(),
        author: z.string().nullable(),
        approvalState: z.enum(APPROVAL_STATES),
      }),
    ),
    actionItems: z.object({
      dueThisWeek: z.array(actionItem),
      overdue: z.array(actionItem),
      completed: z.array(actionItem),
    }),
    metrics: apiMetricsSchema.meta({
      description: "The dashboard over the 12 weeks ending with this one (the same numbers as the report page).",
    }),
  })
  .meta({ id: "WeeklyReport" });
