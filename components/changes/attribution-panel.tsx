import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { AI_SHARE_BAND_LABELS, formatShare } from "@/lib/domain/attribution/ai-share";
import { ATTRIBUTION_SOURCE_LABELS } from "@/lib/domain/attribution/summary";
import { formatDateTime } from "@/lib/domain/format";
import type { ChangeAttributionView } from "@/lib/server/queries/attribution/get-api-attribution";

/** "Declared not AI-assisted, evidence says otherwise": shown next to the change's other badges. */
export function AttributionMismatchBadge({ attribution }: { attribution: ChangeAttributionView | null }) {
  if (!attribution?.mismatch) return null;
  return (
    <Badge tone="orange" title="Attribution evidence contradicts what was declared">
      Declared not AI-assisted · evidence {formatShare(attribution.aiShare)} AI
    </Badge>
  );
}

/** Measured attribution: AI share, lines, agents and models, where the evidence came from. */
export function AttributionPanel({
  attribution,
  timeZone,
}: {
  attribution: ChangeAttributionView | null;
  timeZone: string;
}) {
  if (!attribution) {
    return (
      <Panel title="AI attribution">
        <p className="text-sm text-slate-500">
          No attribution evidence yet. CI posts it with Faultline’s <code>attribution push</code> command
          (docs/ai-attribution.md).
        </p>
      </Panel>
    );
  }
  const facts: [string, string][] = [
    [
      "AI share",
      `${formatShare(attribution.aiShare)}${attribution.band ? ` (band ${AI_SHARE_BAND_LABELS[attribution.band]})` : ""}`,
    ],
    ["Lines written by an agent", attribution.aiLines.toLocaleString("en")],
    ["Lines written by a known person", attribution.humanLines.toLocaleString("en")],
    ["Lines of the change", attribution.totalLines.toLocaleString("en")],
    ["Evidence", `${ATTRIBUTION_SOURCE_LABELS[attribution.source]} · ${attribution.schemaVersion}`],
    ["Commit", attribution.commitSha ? attribution.commitSha.slice(0, 12) : "—"],
    ["Recorded", formatDateTime(new Date(attribution.recordedAt), timeZone)],
  ];
  return (
    <Panel title="AI attribution">
      {attribution.mismatch ? (
        <p
          role="status"
          className="mb-4 rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-800 ring-1 ring-inset ring-orange-600/20"
        >
          Declared not AI-assisted, but the evidence says an agent wrote {formatShare(attribution.aiShare)} of its lines
          (above the policy&apos;s {Math.round(attribution.thresholdApplied * 100)} % threshold). It counts as
          AI-assisted.
        </p>
      ) : null}
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mt-4 text-sm font-medium text-slate-700">Agents and models</h3>
      {attribution.agents.length === 0 ? (
        <p className="text-sm text-slate-500">No agent named in the evidence.</p>
      ) : (
        <ul aria-label="Agents and models" className="mt-1 space-y-1 text-sm">
          {attribution.agents.map((agent) => (
            <li key={`${agent.tool}-${agent.model ?? ""}`}>
              {agent.tool}
              {agent.model ? <span className="text-slate-500"> · {agent.model}</span> : null}
              {agent.lines !== null ? (
                <span className="text-slate-500"> · {agent.lines.toLocaleString("en")} lines</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
