"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDecimal, formatMetric } from "@/lib/domain/format";

export type Series = {
  key: string;
  label: string;
  color: string;
  kind?: "bar" | "line";
  stack?: string;
  /** Where a click on this series leads; {from} and {to} become the bucket's first and last day. */
  href?: string;
  dashed?: boolean;
};

export type Point = { x: string; label: string; from: string; to: string } & Record<string, number | string | null>;

type Props = {
  title: string;
  description: string;
  data: Point[];
  series: Series[];
  unit?: "count" | "percent" | "hours";
  empty: string;
  height?: number;
  /** Categories down the side (for breakdowns with long names) instead of along the bottom. */
  horizontal?: boolean;
  /**
   * Points whose `x` is at or after this are the current, unfinished week ("so far"): lighter,
   * dashed-outline bars and hollow points, and a note under the chart.
   */
  partialFrom?: string | null;
};

const format = (unit: Props["unit"], value: number | string | null | undefined) => {
  if (value === null || value === undefined || value === "") return "—";
  const n = Number(value);
  // Chart percentages are already ×100 (points on a 0–100 axis).
  if (unit === "percent") return `${formatDecimal(n, 1)}%`;
  if (unit === "hours") return formatMetric(n, "hours");
  return Number.isInteger(n) ? String(n) : formatDecimal(n, 2);
};

/** Axis ticks carry their unit: "40%", "12 h". */
const axisTick = (unit: Props["unit"], value: number | string) =>
  unit === "percent" ? `${value}%` : unit === "hours" ? `${value} h` : String(value);

/**
 * A weekly (or daily) chart with a data-table alternative, an empty state, and click-through
 * from every bar or point to the list behind it.
 */
export function TrendChart({
  title,
  description,
  data,
  series,
  unit = "count",
  empty,
  height = 240,
  horizontal = false,
  partialFrom = null,
}: Props) {
  const router = useRouter();
  const [showTable, setShowTable] = useState(false);
  const hasData = data.some((point) => series.some((s) => Number(point[s.key] ?? 0) > 0));
  const isPartial = (point: Point) => partialFrom !== null && point.x >= partialFrom;
  const partialLabel = data.find(isPartial)?.label;
  const open = (s: Series, point: Point | undefined) => {
    if (s.href && point) router.push(s.href.replace("{from}", point.from).replace("{to}", point.to));
  };

  return (
    <section aria-label={title} className="flex flex-col rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <header className="flex items-start justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          <p className="mt-0.5 text-xs text-slate-500">{description}</p>
        </div>
        <button
          type="button"
          onClick={() => setShowTable((v) => !v)}
          aria-pressed={showTable}
          className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50"
        >
          {showTable ? "Show chart" : "Show data table"}
        </button>
      </header>
      <div className="mt-4 flex-1">
        {!hasData ? (
          <div
            className="flex items-center justify-center rounded-md bg-slate-50 text-sm text-slate-500"
            style={{ height }}
          >
            {empty}
          </div>
        ) : showTable ? (
          <div className="max-h-72 overflow-auto">
            <table className="min-w-full text-xs">
              <caption className="sr-only">{title}</caption>
              <thead className="sticky top-0 bg-white text-left text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Period
                  </th>
                  {series.map((s) => (
                    <th key={s.key} scope="col" className="py-1 pr-3 text-right font-medium">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.map((point) => (
                  <tr key={point.x}>
                    <th scope="row" className="py-1 pr-3 text-left font-normal text-slate-700">
                      {point.label}
                    </th>
                    {series.map((s) => (
                      <td key={s.key} className="py-1 pr-3 text-right tabular-nums">
                        {s.href ? (
                          <a
                            href={s.href.replace("{from}", point.from).replace("{to}", point.to)}
                            className="text-indigo-700 hover:underline"
                          >
                            {format(unit, point[s.key])}
                          </a>
                        ) : (
                          format(unit, point[s.key])
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <ResponsiveContainer width="100%" height={height}>
            <ComposedChart
              data={data}
              layout={horizontal ? "vertical" : "horizontal"}
              margin={{ top: 4, right: 8, bottom: 0, left: horizontal ? 8 : -12 }}
            >
              <CartesianGrid
                strokeDasharray="3 3"
                vertical={horizontal}
                horizontal={!horizontal}
                stroke="var(--color-slate-200)"
              />
              {horizontal ? (
                <>
                  <XAxis
                    type="number"
                    tick={{ fontSize: 11, fill: "var(--color-slate-500)" }}
                    tickLine={false}
                    axisLine={false}
                    tickFormatter={(v) => axisTick(unit, v)}
                  />
                  <YAxis
                    type="category"
                    dataKey="label"
                    width={150}
                    tick={{ fontSize: 11, fill: "var(--color-slate-700)" }}
                    tickLine={false}
                    axisLine={{ stroke: "var(--color-slate-300)" }}
                    interval={0}
                  />
                </>
              ) : (
                <>
                  <XAxis
                    dataKey="label"
                    tick={{ fontSize: 11, fill: "var(--color-slate-500)" }}
                    tickLine={false}
                    axisLine={{ stroke: "var(--color-slate-300)" }}
                    interval="preserveStartEnd"
                  />
                  <YAxis
                    tick={{ fontSize: 11, fill: "var(--color-slate-500)" }}
                    tickLine={false}
                    axisLine={false}
                    allowDecimals={unit !== "count"}
                    tickFormatter={(v) => axisTick(unit, v)}
                  />
                </>
              )}
              <Tooltip
                labelFormatter={(label) => {
                  const point = data.find((p) => p.label === label);
                  return point && isPartial(point) ? `${label}: the week is not finished` : String(label);
                }}
                formatter={(value, name) => [format(unit, value as number), name]}
                contentStyle={{
                  fontSize: 12,
                  borderRadius: 6,
                  background: "var(--color-white)",
                  borderColor: "var(--color-slate-200)",
                }}
              />
              <Legend wrapperStyle={{ fontSize: 11 }} iconSize={10} />
              {series.map((s) =>
                s.kind === "line" ? (
                  <Line
                    key={s.key}
                    // Straight segments: a curve between sparse weekly points would invent values.
                    type="linear"
                    dataKey={s.key}
                    name={s.label}
                    stroke={s.color}
                    strokeWidth={2}
                    strokeDasharray={s.dashed ? "5 4" : undefined}
                    dot={(props: { cx?: number; cy?: number; index?: number; payload?: Point }) => {
                      const partial = props.payload ? isPartial(props.payload) : false;
                      if (props.cx === undefined || props.cy === undefined || props.payload?.[s.key] == null)
                        return <g key={props.index} />;
                      return (
                        <circle
                          key={props.index}
                          cx={props.cx}
                          cy={props.cy}
                          r={partial ? 3.5 : 2.5}
                          stroke={s.color}
                          strokeWidth={partial ? 1.5 : 1}
                          fill={partial ? "var(--color-white)" : s.color}
                          cursor={s.href ? "pointer" : undefined}
                        />
                      );
                    }}
                    activeDot={{
                      r: 5,
                      cursor: s.href ? "pointer" : undefined,
                      onClick: (_e: unknown, p: unknown) => open(s, (p as { payload?: Point }).payload),
                    }}
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                ) : (
                  <Bar
                    key={s.key}
                    dataKey={s.key}
                    name={s.label}
                    fill={s.color}
                    stackId={s.stack}
                    cursor={s.href ? "pointer" : undefined}
                    onClick={(entry) => open(s, (entry as unknown as { payload?: Point }).payload)}
                    isAnimationActive={false}
                    maxBarSize={36}
                  >
                    {partialFrom !== null &&
                      data.map((point) => (
                        <Cell
                          key={point.x}
                          fillOpacity={isPartial(point) ? 0.4 : 1}
                          stroke={isPartial(point) ? s.color : undefined}
                          strokeDasharray={isPartial(point) ? "3 2" : undefined}
                        />
                      ))}
                  </Bar>
                ),
              )}
            </ComposedChart>
          </ResponsiveContainer>
        )}
        {hasData && partialLabel && (
          <p className="mt-2 text-xs text-slate-500">
            <span
              aria-hidden="true"
              className="mr-1 inline-block h-2 w-3 rounded-sm border border-dashed border-slate-500 align-middle"
            />
            “So far”: the current week, not finished yet (lighter bars, hollow points).
          </p>
        )}
      </div>
    </section>
  );
}
