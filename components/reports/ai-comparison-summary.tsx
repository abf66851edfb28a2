import { FailureRateIntervalChart, type IntervalBar } from "@/components/charts/failure-rate-interval-chart";
import { Panel } from "@/components/ui/panel";
import { formatRatio, type AiComparison } from "@/lib/domain/ai-comparison";
import type { Rate, RelativeRisk } from "@/lib/domain/statistics";

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

export function rateNote(rate: Rate): string {
  if (rate.total === 0) return "no change shipped";
  if (!rate.enoughData || rate.rate === null || !rate.ci)
    return `not enough data (${rate.failed} of ${rate.total} failed)`;
  return `${pct(rate.rate)} (${pct(rate.ci.lower)}–${pct(rate.ci.upper)}), ${rate.failed} of ${rate.total}`;
}

const bar = (label: string, rate: Rate): IntervalBar => {
  const shown = rate.enoughData && rate.rate !== null && rate.ci;
  return {
    label,
    rate: shown ? rate.rate! * 100 : null,
    lower: shown ? rate.ci!.lower * 100 : null,
    upper: shown ? rate.ci!.upper * 100 : null,
    note: rateNote(rate),
  };
};

const ratio = (r: RelativeRisk) =>
  r ? `${formatRatio(r.rr)}× (95 % CI ${formatRatio(r.ci.lower)}–${formatRatio(r.ci.upper)})` : "not enough data";

/** The plain sentence, for the top of the dashboard and the weekly report. */
export function AiComparisonSentence({ comparison }: { comparison: AiComparison }) {
  return (
    <p
      aria-label="Are AI-assisted changes riskier?"
      className="rounded-md bg-indigo-50 px-4 py-3 text-sm font-medium text-indigo-900 ring-1 ring-inset ring-indigo-600/20"
    >
      {comparison.sentence}
    </p>
  );
}

/** Rates with Wilson intervals as error bars, crude and adjusted relative risks, bands and involvement. */
export function AiComparisonPanel({ comparison }: { comparison: AiComparison }) {
  const c = comparison;
  return (
    <Panel title="AI-assisted vs other changes, with 95 % intervals">
      <div className="grid gap-6 lg:grid-cols-3">
        <FailureRateIntervalChart
          title="Failure rate: AI-assisted vs other"
          bars={[bar("AI-assisted", c.ai), bar("Other", c.other)]}
        />
        <FailureRateIntervalChart
          title="Failure rate by measured AI share"
          bars={c.bands.map((b) => bar(b.label, b))}
        />
        <FailureRateIntervalChart
          title="Failure rate by AI involvement"
          bars={c.involvements.map((i) => bar(i.label, i))}
        />
      </div>
      <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">Relative risk, AI-assisted vs other</dt>
          <dd className="font-medium">{ratio(c.crude)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Adjusted for service tier and change kind</dt>
          <dd className="font-medium">{ratio(c.adjusted)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Declared not AI-assisted, evidence says otherwise</dt>
          <dd className="font-medium">{c.mismatches}</dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-slate-500">
        Over {c.weeks} weeks. Wilson score intervals; relative risk by Katz&apos;s log method; Mantel–Haenszel
        adjustment (Greenland–Robins interval). A group needs at least {c.minimum.changes} shipped changes and{" "}
        {c.minimum.failures} failures, otherwise it reads &quot;not enough data&quot;. See docs/ai-attribution.md.
      </p>
    </Panel>
  );
}
