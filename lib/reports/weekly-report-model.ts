// The weekly review (TWiST) as one typed object, bounded whatever the volume (lists hold at
// most REPORT_LIST_LIMIT items, with totals and links to the filtered lists), built once per request
// (lib/server/queries/reports/get-weekly-report-model.ts) and only rendered by the page,
// the PDF, the Markdown file, the CSVs and the API. Values are exact: durations in
// seconds, shares as fractions, hours unrounded. Rounding happens once, at display,
// through lib/domain/format.ts.
//
// To add a section (e.g. an "AI vs other" comparison): add a field here, fill it in
// build-weekly-report-model.ts, and render it where it belongs; renderers that do not
// know a field simply ignore it.
import type { AiInvolvement, ApprovalState, Level } from "@/lib/domain/approval-policy";
import type { LinkRole } from "@/lib/domain/change-failure";
import type { Headline } from "@/lib/domain/headline";
import type { MetricUnit } from "@/lib/domain/format";
import type { DashboardData } from "@/lib/server/queries/metrics/get-dashboard";

export type Compliance = "NOT_REQUIRED" | "PENDING" | "COMPLIANT" | "VIOLATION";
export type Severity = "SEV1" | "SEV2" | "SEV3" | "SEV4";
export type IncidentStatus = "INVESTIGATING" | "IDENTIFIED" | "MONITORING" | "RESOLVED";
export type BlastRadiusLevel = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
export type ReviewStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETE";

export type ReportMeta = {
  isoWeek: string;
  monday: string;
  sunday: string;
  timeZone: string;
  organisation: string;
  generatedAt: Date;
  /** The configured public URL of Faultline (NEXTAUTH_URL), without a trailing slash. */
  baseUrl: string;
};

export type HeadlineFigure = Headline & { label: string; unit: MetricUnit };

export type ReportChange = {
  id: number;
  url: string;
  title: string;
  role: LinkRole;
  aiAssisted: boolean;
  aiTool: string | null;
  aiInvolvement: AiInvolvement | null;
  authorLevel: Level | null;
  approvalRequired: boolean;
  approvalState: ApprovalState;
  approvalDecidedAt: Date | null;
  shippedAt: Date | null;
  compliance: Compliance;
};

export type ReportIncident = {
  id: number;
  url: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  impactStartedAt: Date;
  resolvedAt: Date | null;
  /** resolved − impact started; while open, up to `meta.generatedAt`. */
  durationSeconds: number;
  blastRadiusLevel: BlastRadiusLevel;
  customerImpactPct: number | null;
  failedTransactions: number | null;
  services: string[];
  regions: string[];
  commander: string | null;
  reviewStatus: ReviewStatus;
  /** At most REPORT_CHANGES_PER_INCIDENT, triggers and root causes first. */
  changes: ReportChange[];
  changeCount: number;
};

export type ReportViolation = {
  id: number;
  url: string;
  title: string;
  shippedAt: Date;
  service: string;
  author: string | null;
  authorLevel: Level | null;
  aiTool: string | null;
  approvalState: ApprovalState;
  incidents: Array<{ id: number; url: string; title: string; severity: Severity; role: LinkRole }>;
};

export type ReportActionItem = {
  id: number;
  title: string;
  /** Calendar day, YYYY-MM-DD. */
  dueDate: string;
  completedAt: Date | null;
  owner: string | null;
  incident: { id: number; url: string; title: string };
};

/** One row of incidents.csv: every incident whose impact started in the week (streamed, not in the model). */
export type IncidentRow = Omit<ReportIncident, "url" | "changes" | "changeCount"> & {
  detectedAt: Date | null;
  mitigatedAt: Date | null;
  capabilities: string[];
  aiLinked: boolean;
  links: Array<{ changeId: number; role: LinkRole }>;
};

/** One row of changes.csv: every change that shipped in the week (streamed, not in the model). */
export type ChangeRow = {
  id: number;
  source: string;
  externalId: string | null;
  kind: string;
  title: string;
  service: string;
  repository: string | null;
  author: string | null;
  authorLevel: Level | null;
  shippedAt: Date | null;
  rolledBackAt: Date | null;
  aiAssisted: boolean;
  aiTool: string | null;
  aiInvolvement: AiInvolvement | null;
  approvalRequired: boolean;
  approvalState: ApprovalState;
  approvalDecidedAt: Date | null;
  compliance: Compliance;
  failed: boolean;
  links: Array<{ incidentId: number; role: LinkRole }>;
};

/** How many Sev1/Sev2 incidents, violations and action items of each kind the report lists in full. */
export const REPORT_LIST_LIMIT = 50;
/** How many originating changes are listed under one incident. */
export const REPORT_CHANGES_PER_INCIDENT = 10;

/** A list shown up to REPORT_LIST_LIMIT items: how many there are in all, and where to see every one. */
export type ListExtent = {
  total: number;
  /** The incidents or changes list with the filters that show all of them (absolute URL). */
  url: string;
};

export type WeeklyReportModel = {
  meta: ReportMeta;
  /** Totals behind the bounded lists below (each list holds at most REPORT_LIST_LIMIT items). */
  extents: { majorIncidents: ListExtent; violations: ListExtent };
  actionItemTotals: { dueThisWeek: number; overdue: number; completed: number };
  headlines: HeadlineFigure[];
  /** This week's time to resolve (resolved incidents only), hours, exact. */
  timeToResolve: { resolved: number; medianHours: number | null; p90Hours: number | null };
  /** The first REPORT_LIST_LIMIT Sev1/Sev2 incidents (Sev1 first, then by impact start); `extents` has the total. */
  majorIncidents: ReportIncident[];
  /** The first REPORT_LIST_LIMIT violations by shipping time; `extents` has the total. */
  violations: ReportViolation[];
  actionItems: { dueThisWeek: ReportActionItem[]; overdue: ReportActionItem[]; completed: ReportActionItem[] };
  /** The dashboard over the 12 weeks ending with this one: trends and the API's metrics. */
  dashboard: DashboardData;
};
