import { Badge, type Tone } from "@/components/ui/badge";

const STATUS: Record<string, { tone: Tone; label: string }> = {
  PENDING: { tone: "amber", label: "Pending" },
  SUCCEEDED: { tone: "green", label: "Delivered" },
  FAILED: { tone: "red", label: "Failed" },
};

export function DeliveryStatusBadge({ status }: { status: string }) {
  const info = STATUS[status] ?? { tone: "slate" as Tone, label: status };
  return <Badge tone={info.tone}>{info.label}</Badge>;
}

/** "HTTP 200", "HTTP 500 · …" or the network error of the latest attempt. */
export function lastOutcome(delivery: {
  lastStatus: number | null;
  lastError: string | null;
  attempts: number;
}): string {
  if (delivery.attempts === 0) return "not sent yet";
  return (
    [delivery.lastStatus !== null ? `HTTP ${delivery.lastStatus}` : null, delivery.lastError]
      .filter(Boolean)
      .join(" · ") || "—"
  );
}
