import { DataTable } from "@/components/ui/table";
import { formatDateTime } from "@/lib/domain/format";
import { AuditDiff } from "./audit-diff";

export type AuditTableEntry = {
  id: number;
  at: Date;
  actor: { name: string } | null;
  actorLabel: string | null;
  action: string;
  /** Shown with `showEntity`. */
  entityType?: string;
  entityId?: string;
  before: unknown;
  after: unknown;
};

/** Audit rows, newest first as given: who did what, and each field's old → new value. */
export function AuditTable({
  entries,
  timeZone,
  showEntity = false,
  emptyText,
}: {
  entries: AuditTableEntry[];
  timeZone: string;
  showEntity?: boolean;
  emptyText: string;
}) {
  const columns = showEntity ? ["When", "Who", "What", "Entity", "Change"] : ["When", "Who", "What", "Change"];
  return (
    <DataTable columns={columns}>
      {entries.length === 0 ? (
        <tr>
          <td colSpan={columns.length} className="px-4 py-10 text-center text-slate-500">
            {emptyText}
          </td>
        </tr>
      ) : (
        entries.map((entry) => (
          <tr key={entry.id} className="align-top">
            <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(entry.at, timeZone)}</td>
            <td className="whitespace-nowrap px-4 py-3">{entry.actor?.name ?? entry.actorLabel ?? "System"}</td>
            <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{entry.action}</td>
            {showEntity ? (
              <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">
                {entry.entityType} {entry.entityId}
              </td>
            ) : null}
            <td className="px-4 py-3">
              <AuditDiff before={entry.before} after={entry.after} />
            </td>
          </tr>
        ))
      )}
    </DataTable>
  );
}
