import { cn } from "./cn";

export const inputClasses =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 " +
  "placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-500";

/** A labelled form field with its hint and error messages wired for screen readers. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
  className,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.map((message) => (
        <p key={message} id={`${id}-error`} className="text-xs font-medium text-red-600">
          {message}
        </p>
      ))}
    </div>
  );
}

/**
 * A labelled select in a `Field`. With a placeholder, the empty choice comes first: disabled
 * when a choice must be made (`required`), a real "none" choice otherwise.
 */
export function SelectField({
  id,
  name,
  label,
  hint,
  errors,
  options,
  defaultValue,
  placeholder,
  required = false,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  options: { value: string | number; label: string }[];
  defaultValue: string | number;
  placeholder?: string;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <select id={id} name={name} defaultValue={defaultValue} aria-invalid={Boolean(errors)} className={inputClasses}>
        {placeholder !== undefined ? (
          <option value="" disabled={required}>
            {placeholder}
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function FormAlert({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
      {message}
    </div>
  );
}
