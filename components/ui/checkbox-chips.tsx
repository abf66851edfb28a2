import { cn } from "./cn";

type Option = { id: number | string; name: string };

const SIZES = {
  sm: "gap-1.5 px-2 py-1 text-xs",
  md: "gap-2 px-3 py-2 text-sm",
} as const;

/** A group of checkboxes shown as chips; each checked value is submitted under `name`. */
export function CheckboxChips({
  legend,
  name,
  options,
  selected,
  size = "sm",
  legendClassName = "text-xs font-semibold uppercase tracking-wide text-slate-500",
}: {
  legend: React.ReactNode;
  name: string;
  options: Option[];
  selected: ReadonlyArray<number | string>;
  size?: keyof typeof SIZES;
  legendClassName?: string;
}) {
  return (
    <fieldset>
      <legend className={legendClassName}>{legend}</legend>
      <div className="mt-1.5 flex flex-wrap gap-1.5">
        {options.map((option) => (
          <label
            key={option.id}
            className={cn(
              "flex cursor-pointer items-center rounded-md ring-1 ring-inset ring-slate-300 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-500",
              SIZES[size],
            )}
          >
            <input
              type="checkbox"
              name={name}
              value={option.id}
              defaultChecked={selected.includes(option.id)}
              className="accent-indigo-600"
            />
            {option.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
