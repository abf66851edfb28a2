// Vector charts for the weekly report PDF (@react-pdf/renderer): values already aggregated.
import { G, Line, Path, Rect, Svg, Text } from "@react-pdf/renderer";
import { formatWeekLabel } from "@/lib/domain/weeks";

const W = 168;
const H = 96;
const PAD = { left: 18, bottom: 12, top: 4 };

function axes(max: number, unit: string) {
  const ticks = [0, max / 2, max];
  return (
    <G>
      {ticks.map((t) => {
        const y = H - PAD.bottom - (t / max) * (H - PAD.bottom - PAD.top);
        return (
          <G key={t}>
            <Line x1={PAD.left} x2={W} y1={y} y2={y} strokeWidth={0.4} stroke="#e2e8f0" />
            <Text x={0} y={y + 2} style={{ fontSize: 5.5 }} fill="#64748b">{`${Math.round(t)}${unit}`}</Text>
          </G>
        );
      })}
    </G>
  );
}

function weekLabels(weeks: string[]) {
  const step = (W - PAD.left) / weeks.length;
  return weeks.map((w, i) =>
    i % 3 === 0 ? (
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
  const max = Math.max(1, ...totals);
  const step = (W - PAD.left) / weeks.length;
  const scale = (v: number) => (v / max) * (H - PAD.bottom - PAD.top);
  return (
    <Svg width={W} height={H}>
      {axes(max, unit)}
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
  const max = Math.max(10, ...values.map((v) => v ?? 0));
  const step = (W - PAD.left) / weeks.length;
  const points = values
    .map((v, i) =>
      v === null
        ? null
        : `${PAD.left + i * step + step / 2},${H - PAD.bottom - (v / max) * (H - PAD.bottom - PAD.top)}`,
    )
    .filter(Boolean);
  return (
    <Svg width={W} height={H}>
      {axes(max, "%")}
      {points.length > 1 ? <Path d={`M ${points.join(" L ")}`} stroke={color} strokeWidth={1.2} fill="none" /> : null}
      {weekLabels(weeks)}
    </Svg>
  );
}
