/**
 * The words for where a change that needs approval stands, each meaning one thing
 * (PRODUCT.md): "waiting for approval" is the queue; "approved, not shipped yet" has its
 * approval and has not shipped; "shipped without approval" is a violation. The bare word
 * "pending" is never shown, because it would cover more than one of these.
 */
export type NotShippedCounts = { waitingForApproval: number; approvedNotShipped: number; rejectedNotShipped: number };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function describeNotShipped(counts: NotShippedCounts): string {
  const parts = [
    `${counts.waitingForApproval} waiting for approval`,
    `${counts.approvedNotShipped} approved, not shipped yet`,
  ];
  if (counts.rejectedNotShipped > 0) parts.push(`${counts.rejectedNotShipped} rejected, not shipped`);
  return `Not shipped yet, so in no week: ${parts.join("; ")}.`;
}

export function describeShippedWithoutApproval(count: number): string {
  return `${plural(count, "change", "changes")} shipped without approval while waiting for it`;
}
