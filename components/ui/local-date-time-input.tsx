"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { readLocalDateTime, toLocalInput } from "@/lib/domain/local-date-time";
import { FieldErrorBoundary } from "./field-error-boundary";
import { inputClasses } from "./field";

export { toLocalInput };

const noSubscription = () => () => {};

type Props = {
  id: string;
  name: string;
  defaultNow?: boolean;
  invalid?: boolean;
  className?: string;
};

/**
 * The one date-time field: a picker in the browser's time zone that submits an ISO instant
 * under `name`. It validates as you type and never throws: an impossible value (a
 * five-digit year, 31 April, half a date) keeps its text, shows a message under the field
 * and blocks the submit; the server re-checks what arrives. With `defaultNow` it starts at
 * the moment the form was opened (known only once mounted).
 */
export function LocalDateTimeInput(props: Props) {
  return (
    <FieldErrorBoundary label="This date field">
      <DateTimeField {...props} />
    </FieldErrorBoundary>
  );
}

function DateTimeField({ id, name, defaultNow = false, invalid, className }: Props) {
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [openedAt] = useState(() => new Date());
  const [edited, setEdited] = useState<string | null>(null);
  const [incomplete, setIncomplete] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const local = edited ?? (mounted && defaultNow ? toLocalInput(openedAt) : "");
  const reading = readLocalDateTime(local, incomplete);
  const message = reading.kind === "invalid" ? reading.message : "";

  useEffect(() => {
    input.current?.setCustomValidity(message);
  }, [message]);

  function set(value: string) {
    setIncomplete(false);
    setEdited(value);
  }

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={id}
          type="datetime-local"
          value={local}
          onChange={(event) => {
            setEdited(event.target.value);
            // A half-typed date reads as "" with validity.badInput set: say so, keep the text.
            setIncomplete(event.target.validity.badInput);
          }}
          onBlur={(event) => setIncomplete(event.target.validity.badInput)}
          aria-invalid={invalid || Boolean(message)}
          aria-describedby={message ? `${id}-format` : undefined}
          className={`${inputClasses} min-w-0 max-w-xs flex-1 ${className ?? ""}`}
        />
        <button
          type="button"
          onClick={() => set(toLocalInput(new Date()))}
          className="rounded-md px-2 py-1.5 text-xs font-medium text-indigo-600 hover:bg-indigo-50"
        >
          Now
        </button>
        {!defaultNow && (local || incomplete) ? (
          <button
            type="button"
            onClick={() => {
              if (input.current) input.current.value = "";
              set("");
            }}
            className="rounded-md px-2 py-1.5 text-xs text-slate-500 hover:bg-slate-100"
          >
            Clear
          </button>
        ) : null}
      </div>
      {message ? (
        <p id={`${id}-format`} role="status" className="mt-1 text-xs font-medium text-red-600">
          {message}
        </p>
      ) : null}
      {/* An invalid value is sent as typed, so the server refuses it rather than reading "not set". */}
      <input type="hidden" name={name} value={reading.kind === "valid" ? reading.iso : local} />
    </div>
  );
}
