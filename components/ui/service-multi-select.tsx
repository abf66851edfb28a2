"use client";

import { useId, useMemo, useRef, useState } from "react";
import { cn } from "./cn";
import { inputClasses } from "./field";

export type MultiSelectOption = { id: number; name: string; group?: string };

/**
 * A searchable multi-select (WAI-ARIA combobox with a multi-selectable listbox): type to filter,
 * ↑/↓ to move, Enter or a click to pick or drop, Escape to close, Backspace on an empty search
 * drops the last pick. The picks stay visible as chips above the field, each with a remove
 * button, and are submitted as one hidden input per id under `name`.
 */
export function ServiceMultiSelect({
  id,
  name,
  options,
  defaultSelected = [],
  invalid = false,
  describedBy,
  placeholder = "Type to search services or teams…",
  noun = "service",
}: {
  id: string;
  name: string;
  options: MultiSelectOption[];
  defaultSelected?: number[];
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
  noun?: string;
}) {
  const [selected, setSelected] = useState<number[]>(defaultSelected);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);

  const needle = query.trim().toLowerCase();
  const matches = options.filter(
    (o) => !needle || o.name.toLowerCase().includes(needle) || (o.group ?? "").toLowerCase().includes(needle),
  );
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));
  const optionId = (optionKey: number) => `${listId}-o${optionKey}`;

  function toggle(optionKey: number) {
    const option = byId.get(optionKey);
    if (!option) return;
    const on = selected.includes(optionKey);
    setSelected(on ? selected.filter((s) => s !== optionKey) : [...selected, optionKey]);
    setAnnouncement(`${option.name} ${on ? "removed" : "added"}. ${selected.length + (on ? -1 : 1)} selected.`);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + matches.length) % Math.max(1, matches.length));
    } else if (event.key === "Enter") {
      // Enter picks while the list is open; it never submits the form from here.
      event.preventDefault();
      if (open && matches[activeIndex]) toggle(matches[activeIndex].id);
      else setOpen(true);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setQuery("");
      }
    } else if (event.key === "Backspace" && query === "" && selected.length > 0) {
      toggle(selected[selected.length - 1]);
    }
  }

  // Options in their groups, keeping the filtered order.
  const groups: { group: string; items: MultiSelectOption[] }[] = [];
  for (const option of matches) {
    const group = option.group ?? "";
    const last = groups[groups.length - 1];
    if (last && last.group === group) last.items.push(option);
    else groups.push({ group, items: [option] });
  }

  return (
    <div
      className="relative"
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setOpen(false);
        setQuery("");
      }}
    >
      {selected.map((value) => (
        <input key={value} type="hidden" name={name} value={value} />
      ))}
      {selected.length > 0 ? (
        <ul className="mb-2 flex flex-wrap gap-1.5" aria-label={`Selected ${noun}s`}>
          {selected.map((value) => {
            const option = byId.get(value);
            if (!option) return null;
            return (
              <li
                key={value}
                className="flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pl-2.5 pr-1 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200"
              >
                <span className="max-w-[16rem] truncate">{option.name}</span>
                <button
                  type="button"
                  onClick={() => {
                    toggle(value);
                    inputRef.current?.focus();
                  }}
                  aria-label={`Remove ${option.name}`}
                  className="grid size-5 place-items-center rounded-full text-indigo-700 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && matches[activeIndex] ? optionId(matches[activeIndex].id) : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        placeholder={selected.length ? `Add another ${noun}…` : placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className={inputClasses}
      />
      <div
        id={listId}
        role="listbox"
        aria-multiselectable="true"
        aria-label={`${noun[0].toUpperCase()}${noun.slice(1)}s`}
        hidden={!open}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-300"
      >
        {matches.length === 0 ? (
          <p className="px-3 py-2 text-slate-600">
            No {noun} matches “{query}”.
          </p>
        ) : (
          groups.map(({ group, items }) => (
            <div key={group || "all"} role="group" aria-label={group || undefined}>
              {group ? (
                <div
                  aria-hidden="true"
                  className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600"
                >
                  {group}
                </div>
              ) : null}
              {items.map((option) => {
                const isSelected = selected.includes(option.id);
                const isActive = matches[activeIndex]?.id === option.id;
                return (
                  <div
                    key={option.id}
                    id={optionId(option.id)}
                    role="option"
                    aria-selected={isSelected}
                    // Keep focus in the search field: pick on mousedown without blurring it.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => toggle(option.id)}
                    onMouseMove={() => setActive(matches.indexOf(option))}
                    className={cn(
                      "flex cursor-pointer items-center gap-2 px-3 py-1.5 text-slate-900",
                      isActive && "bg-indigo-50",
                    )}
                  >
                    <span
                      aria-hidden="true"
                      className={cn(
                        "grid size-4 shrink-0 place-items-center rounded border text-[10px] leading-none",
                        isSelected ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-400",
                      )}
                    >
                      {isSelected ? "✓" : ""}
                    </span>
                    {option.name}
                  </div>
                );
              })}
            </div>
          ))
        )}
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
