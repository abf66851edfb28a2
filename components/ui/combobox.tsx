"use client";

import { useEffect, useId, useRef, useState } from "react";
import { cn } from "./cn";
import { inputClasses } from "./field";

export type ComboboxOption = { value: string; label: string; description?: string; disabled?: boolean };
export type ComboboxSearch = (
  query: string,
) => Promise<{ ok: true; options: ComboboxOption[] } | { ok: false; message: string }>;

type Props = {
  id?: string;
  label: string;
  /** The form field that carries the chosen option's value. */
  name: string;
  search: ComboboxSearch;
  placeholder?: string;
  hint?: string;
  invalid?: boolean;
  /** Milliseconds to wait after the last keystroke before searching. */
  delay?: number;
};

/**
 * An editable combobox with a list popup (WAI-ARIA APG pattern): type to search on the server,
 * ↓/↑ to move, Enter to choose, Escape to close (again to clear), Tab to leave. The chosen value
 * travels in a hidden input named `name`; typing again clears it, and so does the form's reset.
 */
export function Combobox({ id, label, name, search, placeholder, hint, invalid, delay = 200 }: Props) {
  const ownId = useId();
  const inputId = id ?? `${ownId}-input`;
  const listId = `${ownId}-list`;
  const hintId = `${ownId}-hint`;
  const [text, setText] = useState("");
  const [value, setValue] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<ComboboxOption[]>([]);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<{ busy: boolean; message: string }>({ busy: false, message: "" });
  const request = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const onReset = () => {
      setText("");
      setValue("");
      setOpen(false);
      setOptions([]);
      setStatus({ busy: false, message: "" });
    };
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, []);

  useEffect(() => {
    if (value || !text.trim()) return;
    const ticket = ++request.current;
    const timer = setTimeout(async () => {
      setStatus({ busy: true, message: "Searching…" });
      try {
        const result = await search(text);
        if (ticket !== request.current) return;
        if (!result.ok) {
          setOptions([]);
          setStatus({ busy: false, message: result.message });
          return;
        }
        setOptions(result.options);
        setActive(result.options.findIndex((o) => !o.disabled));
        setStatus({
          busy: false,
          message: result.options.length
            ? `${result.options.length} result${result.options.length === 1 ? "" : "s"}. Use the arrow keys to choose.`
            : "Nothing matches. Try a number, an external id or other words from the title.",
        });
      } catch {
        if (ticket === request.current) setStatus({ busy: false, message: "The search failed. Try again." });
      }
    }, delay);
    return () => clearTimeout(timer);
  }, [text, value, search, delay]);

  function choose(option: ComboboxOption | undefined) {
    if (!option || option.disabled) return;
    request.current++;
    setValue(option.value);
    setText(option.label);
    setOpen(false);
    setStatus({ busy: false, message: `Chosen: ${option.label}` });
  }

  function move(step: number) {
    if (!options.length) return;
    setOpen(true);
    let next = active;
    for (let i = 0; i < options.length; i++) {
      next = (next + step + options.length) % options.length;
      if (!options[next].disabled) break;
    }
    setActive(next);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else move(1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      move(-1);
    } else if (event.key === "Enter" && open && options.length) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
      } else if (text) {
        event.preventDefault();
        setText("");
        setValue("");
      }
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  }

  const expanded = open && options.length > 0 && !value;
  return (
    <div className="relative">
      <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={hintId}
        aria-invalid={invalid || undefined}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setValue("");
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => options.length > 0 && !value && setOpen(true)}
        className={cn(inputClasses, "mt-1")}
      />
      <input type="hidden" name={name} value={value} />
      <p id={hintId} className="mt-1 text-xs text-slate-500" aria-live="polite">
        {status.message || hint}
      </p>
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-20 mt-1 max-h-72 overflow-y-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-300"
      >
        {options.map((option, index) => (
          <li
            key={option.value}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            aria-disabled={option.disabled || undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
            onMouseMove={() => !option.disabled && setActive(index)}
            className={cn(
              "cursor-pointer px-3 py-2",
              index === active && "bg-indigo-600 text-white",
              option.disabled && "cursor-not-allowed text-slate-600",
            )}
          >
            <span className="block break-words font-medium">{option.label}</span>
            {option.description ? (
              <span className={cn("block text-xs", index === active ? "text-white" : "text-slate-600")}>
                {option.description}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
