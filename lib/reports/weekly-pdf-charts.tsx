// Vector charts for the weekly report PDF (@react-pdf/renderer): values already aggregated.
// Axes on round ticks (nice-ticks.ts); the last week — the reported one — is shaded and labelled.
import { Circle, G, Line, Path, Rect, Svg, Text } from "@react-pdf/renderer";
import { formatWeekLabel } from "@/lib/domain/weeks";
import { niceTicks } from "./nice-ticks";

const W = 168;
const H = 96;
const PAD = { left: 18, bottom: 12, top: 4 };

function axes(ticks: number[], unit: string) {
  const max = ticks.at(-1)!;
  return (
    <G>
      {ticks.map((t) => {
        const y = H - PAD.bottom - (t / max) * (H - PAD.bottom - PAD.top);
        return (
          <G key={t}>
            <Line x1={PAD.left} x2={W} y1={y} y2={y} strokeWidth={0.4} stroke="#e2e8f0" />
            <Text x={0} y={y + 2} style={{ fontSize: 5.5 }} fill="#64748b">{`${t}${unit}`}</Text>
          </G>
        );
      })}
    </G>
  );
}

/** The reported week (the last of the 12): a shaded column behind the marks. */
function reportedWeek(weeks: string[]) {
  const step = (W - PAD.left) / weeks.length;
  const x = PAD.left + (weeks.length - 1) * step;
  return <Rect x={x} y={PAD.top - 2} width={step} height={H - PAD.bottom - PAD.top + 2} fill="#e0e7ff" />;
}

function weekLabels(weeks: string[]) {
  const step = (W - PAD.left) / weeks.length;
  const last = weeks.length - 1;
  return weeks.map((w, i) =>
    i === last ? (
      <Text key={w} x={PAD.left + i * step - 4} y={H - 2} style={{ fontSize: 5.5 }} fill="#3730a3">
        {formatWeekLabel(w)}
      </Text>
    ) : i % 3 === 0 && i < last - 1 ? (
      <Text key={w} x={PAD.left + i * step} y={H - 2} style={{ fontSize: 5.5 }} fill="#64748b">
        {formatWeekLabel(w)}
      </Text>
    ) : null,
  );
}

/** Stacked or grouped bars per week; values already aggregated. */
export function Bars({
  weeks,
  series,
  stacked,
  unit = "",
}: {
  weeks: string[];
  series: Array<{ color: string; values: Array<number | null> }>;
  stacked: boolean;
  unit?: string;
}) {
  const totals = weeks.map((_, i) =>
    stacked ? series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0) : Math.max(...series.map((s) => s.values[i] ?? 0)),
  );
  const ticks = niceTicks(Math.max(0, ...totals), { integer: unit === "" });
  const max = ticks.at(-1)!;
  const step = (W - PAD.left) / weeks.length;
  const scale = (v: number) => (v / max) * (H - PAD.bottom - PAD.top);
  return (
    <Svg width={W} height={H}>
      {reportedWeek(weeks)}
      {axes(ticks, unit)}
      {weeks.map((week, i) => {
        let base = H - PAD.bottom;
        return (
          <G key={week}>
            {series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const h = scale(v);
              const width = stacked ? step * 0.7 : (step * 0.8) / series.length;
              const x = PAD.left + i * step + (stacked ? step * 0.15 : step * 0.1 + k * width);
              const y = stacked ? base - h : H - PAD.bottom - h;
              if (stacked) base -= h;
              return <Rect key={k} x={x} y={y} width={width} height={h} fill={s.color} />;
            })}
          </G>
        );
      })}
      {weekLabels(weeks)}
    </Svg>
  );
}

export function LineChart({ weeks, values, color }: { weeks: string[]; values: Array<number | null>; color: string }) {
  const ticks = niceTicks(Math.max(10, ...values.map((v) => v ?? 0)));
  const max = ticks.at(-1)!;
  const step = (W - PAD.left) / weeks.length;
  const xy = (v: number, i: number) => [
    PAD.left + i * step + step / 2,
    H - PAD.bottom - (v / max) * (H - PAD.bottom - PAD.top),
  ];
  const points = values.flatMap((v, i) => (v === null ? [] : [xy(v, i).join(",")]));
  const current = values.at(-1);
  return (
    <Svg width={W} height={H}>
      {reportedWeek(weeks)}
      {axes(ticks, "%")}
      {points.length > 1 ? <Path d={`M ${points.join(" L ")}`} stroke={color} strokeWidth={1.2} fill="none" /> : null}
      {current === null || current === undefined ? null : (
        <Circle cx={xy(current, values.length - 1)[0]} cy={xy(current, values.length - 1)[1]} r={1.8} fill={color} />
      )}
      {weekLabels(weeks)}
    </Svg>
  );
}
