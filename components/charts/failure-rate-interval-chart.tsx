"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type IntervalBar = {
  label: string;
  rate: number | null;
  lower: number | null;
  upper: number | null;
  note: string;
};

/**
 * Failure rates (percent) with their 95 % intervals drawn as error bars; groups below the
 * minimum have no bar, only their note ("not enough data"), so no chart implies a difference
 * its interval does not support.
 */
export function FailureRateIntervalChart({
  title,
  bars,
  height = 260,
}: {
  title: string;
  bars: IntervalBar[];
  height?: number;
}) {
  const data = bars.map((bar) => ({
    ...bar,
    value: bar.rate,
    error:
      bar.rate !== null && bar.lower !== null && bar.upper !== null
        ? [bar.rate - bar.lower, bar.upper - bar.rate]
        : [0, 0],
  }));
  return (
    <figure aria-label={title}>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
            <YAxis unit="%" tick={{ fontSize: 11 }} width={44} />
            <Tooltip
              formatter={(_value, _name, item) => {
                const row = item.payload as (typeof data)[number];
                return [row.note, "Failure rate (95 % CI)"];
              }}
            />
            <Bar dataKey="value" fill="#6366f1" isAnimationActive={false}>
              <ErrorBar dataKey="error" width={6} strokeWidth={1.5} stroke="#1e293b" direction="y" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="mt-2 min-w-full text-xs">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr className="text-left text-slate-500">
            <th scope="col" className="py-1 font-medium">
              Group
            </th>
            <th scope="col" className="py-1 font-medium">
              Failure rate (95 % CI)
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {bar.label}
              </th>
              <td className="py-1">{bar.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
