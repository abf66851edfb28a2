import { inputClasses } from "./field";

type Option = { id: number | string; name: string };

/** A labelled single-choice filter for GET filter forms; the empty choice means "all". */
export function FilterSelect({
  label,
  name,
  options,
  value,
  allLabel,
  className = "w-44",
}: {
  label: string;
  name: string;
  options: Option[];
  value?: number | string;
  allLabel: string;
  className?: string;
}) {
  return (
    <label className="text-xs font-medium text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ""} className={`${inputClasses} mt-1 ${className}`}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
