"use client";

import { useState, useSyncExternalStore } from "react";
import { inputClasses } from "./field";

const noSubscription = () => () => {};

/** "2026-11-24T09:05" in the browser's own time zone. */
export function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/**
 * A date-time picker in the browser's time zone that submits an ISO instant under `name`.
 * With `defaultNow`, it starts at the moment the form was opened (known only once mounted).
 */
export function LocalDateTimeInput({
  id,
  name,
  defaultNow = false,
  invalid,
  className,
}: {
  id: string;
  name: string;
  defaultNow?: boolean;
  invalid?: boolean;
  className?: string;
}) {
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [openedAt] = useState(() => new Date());
  const [edited, setEdited] = useState<string | null>(null);
  const local = edited ?? (mounted && defaultNow ? toLocalInput(openedAt) : "");
  const iso = local ? new Date(local).toISOString() : "";
  return (
    <div className="flex items-center gap-2">
      <input
        id={id}
        type="datetime-local"
        value={local}
        onChange={(event) => setEdited(event.target.value)}
        aria-invalid={invalid}
        className={`${inputClasses} max-w-xs ${className ?? ""}`}
      />
      <button
        type="button"
        onClick={() => setEdited(toLocalInput(new Date()))}
        className="rounded-md px-2 py-1.5 text-xs font-medium text-indigo-600 hover:bg-indigo-50"
      >
        Now
      </button>
      {!defaultNow && local ? (
        <button
          type="button"
          onClick={() => setEdited("")}
          className="rounded-md px-2 py-1.5 text-xs text-slate-500 hover:bg-slate-100"
        >
          Clear
        </button>
      ) : null}
      <input type="hidden" name={name} value={iso} />
    </div>
  );
}
