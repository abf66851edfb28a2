import type { Headline } from "@/lib/domain/headline";
import { cn } from "@/components/ui/cn";
import { formatMetric, type MetricUnit } from "@/lib/domain/format";

type Card = { label: string; headline: Headline; unit: MetricUnit };

const show = formatMetric;

const ARROW = { up: "▲", down: "▼", flat: "■", none: "" } as const;

/** This week vs last week vs the 4-week average; for every figure here, up is worse. */
export function HeadlineRow({ cards, weekLabel }: { cards: Card[]; weekLabel: string }) {
  return (
    <section aria-label="Headline numbers" className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
      <h2 className="col-span-full text-sm font-medium text-slate-700">
        Week of {weekLabel} <span className="font-normal text-slate-500">(the last full week)</span>
      </h2>
      {cards.map(({ label, headline, unit }) => (
        <div key={label} className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
          <div className="text-[11px] font-medium uppercase tracking-wide text-slate-500">{label}</div>
          <div className="mt-1 flex items-baseline gap-1.5">
            <span className="text-xl font-semibold tabular-nums">{show(headline.current, unit)}</span>
            {headline.trend !== "none" ? (
              <span
                aria-label={`${headline.trend} from last week`}
                className={cn(
                  "text-xs",
                  headline.trend === "up"
                    ? "text-red-600"
                    : headline.trend === "down"
                      ? "text-emerald-600"
                      : "text-slate-400",
                )}
              >
                {ARROW[headline.trend]}
              </span>
            ) : null}
          </div>
          <div className="mt-1 text-[11px] leading-4 text-slate-500">
            last wk {show(headline.previous, unit)} · 4-wk avg {show(headline.fourWeekAverage, unit)}
          </div>
        </div>
      ))}
    </section>
  );
}
