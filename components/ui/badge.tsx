import { cn } from "./cn";

export type Tone = "red" | "orange" | "amber" | "blue" | "green" | "slate" | "violet" | "red-solid" | "orange-solid";

const TONES: Record<Tone, string> = {
  red: "bg-red-50 text-red-700 ring-red-600/20",
  orange: "bg-orange-50 text-orange-700 ring-orange-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  blue: "bg-sky-50 text-sky-700 ring-sky-600/20",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  slate: "bg-slate-100 text-slate-700 ring-slate-500/20",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/20",
  // Filled, for the severities the weekly review walks through (Sev1, Sev2): told apart from the
  // tinted Sev3 amber by fill as well as hue, in light and dark (fixed hex: not re-mapped in dark).
  "red-solid": "bg-[#b91c1c] text-white ring-[#7f1d1d]/40",
  "orange-solid": "bg-[#c2410c] text-white ring-[#7c2d12]/40",
};

const DOTS: Record<Tone, string> = {
  red: "bg-red-500",
  orange: "bg-orange-500",
  amber: "bg-amber-500",
  blue: "bg-sky-500",
  green: "bg-emerald-500",
  slate: "bg-slate-400",
  violet: "bg-violet-500",
  "red-solid": "bg-[#fff]",
  "orange-solid": "bg-[#fff]",
};

/** Colour plus text, never colour alone. */
export function Badge({
  tone,
  children,
  title,
  className,
}: {
  tone: Tone;
  children: React.ReactNode;
  title?: string;
  className?: string;
}) {
  return (
    <span
      title={title}
      className={cn(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        TONES[tone],
        className,
      )}
    >
      <span aria-hidden className={cn("size-1.5 rounded-full", DOTS[tone])} />
      {children}
    </span>
  );
}
