// Words shared by every rendering of the weekly report (page, PDF, Markdown).
import { LEVEL_LABELS } from "@/lib/domain/change";
import { LINK_ROLE_LABELS } from "@/lib/domain/change-failure";
import type { ReportChange } from "./weekly-report-model";

export const severityLabel = (severity: string) => severity.replace("SEV", "Sev");
export const enumWords = (value: string) => value.toLowerCase().replaceAll("_", " ");
export const levelWords = (level: ReportChange["authorLevel"], unknown = "unknown level") =>
  level ? LEVEL_LABELS[level].toLowerCase() : unknown;

/** "AI: Cursor, co-authored" or "not AI". */
export function aiWords(change: Pick<ReportChange, "aiAssisted" | "aiTool" | "aiInvolvement">): string {
  if (!change.aiAssisted) return "not AI";
  const involvement = change.aiInvolvement ? `, ${change.aiInvolvement.toLowerCase().replaceAll("_", "-")}` : "";
  return `AI: ${change.aiTool ?? "unknown tool"}${involvement}`;
}

/** "Trigger", "Root cause", … */
export const roleLabel = (role: ReportChange["role"]) => LINK_ROLE_LABELS[role];
