"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { matchCommands, type Command } from "@/lib/domain/commands";

/**
 * Cmd/Ctrl-K: a modal dialog (native <dialog>: focus stays inside, Escape closes, focus returns
 * to where it was) with a search field that drives a listbox of pages, actions and, for a
 * number, "open incident/change #n". ↑/↓ move, Enter opens, Home/End jump.
 */
export function CommandPalette({ commands }: { commands: Command[] }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const matches = matchCommands(query, commands);
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));

  const show = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    setQuery("");
    setActive(0);
    dialog.showModal();
    inputRef.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        if (dialogRef.current?.open) dialogRef.current.close();
        else show();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [show]);

  function go(command: Command | undefined) {
    if (!command) return;
    dialogRef.current?.close();
    router.push(command.href);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const last = matches.length - 1;
    if (event.key === "ArrowDown") setActive(activeIndex >= last ? 0 : activeIndex + 1);
    else if (event.key === "ArrowUp") setActive(activeIndex <= 0 ? last : activeIndex - 1);
    else if (event.key === "Home" && event.ctrlKey) setActive(0);
    else if (event.key === "End" && event.ctrlKey) setActive(last);
    else if (event.key === "Enter") go(matches[activeIndex]);
    else return;
    event.preventDefault();
  }

  const optionId = (command: Command) => `${listId}-${command.id}`;

  return (
    <>
      <button
        type="button"
        onClick={show}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        title="Go to a page, declare an incident, open an incident or change by number (Ctrl+K or ⌘K)"
        className="flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-300 ring-1 ring-white/20 hover:bg-white/10"
      >
        <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-4">
          <circle cx="11" cy="11" r="7" />
          <path strokeLinecap="round" d="m20 20-3.5-3.5" />
        </svg>
        <span className="sr-only 2xl:not-sr-only">Go to…</span>
        <kbd aria-hidden className="hidden rounded bg-white/10 px-1 font-sans text-xs text-slate-300 2xl:inline">
          Ctrl K
        </kbd>
      </button>
      <dialog
        ref={dialogRef}
        aria-label="Command palette"
        onClick={(event) => {
          // A click on the backdrop (the dialog element itself, outside its panel) closes it.
          if (event.target === dialogRef.current) dialogRef.current.close();
        }}
        className="mx-auto mt-[12vh] w-[min(36rem,calc(100vw-2rem))] rounded-lg bg-white p-0 text-slate-900 shadow-2xl ring-1 ring-slate-300 backdrop:bg-[rgba(15,23,42,0.55)]"
      >
        <div className="border-b border-slate-200 p-3">
          <label htmlFor={`${listId}-q`} className="sr-only">
            Go to a page or open an incident or change by number
          </label>
          <input
            ref={inputRef}
            id={`${listId}-q`}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={matches[activeIndex] ? optionId(matches[activeIndex]) : undefined}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            placeholder="Go to a page, or type #123 for an incident or change…"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            className="block w-full rounded-md border-0 bg-slate-50 px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600"
          />
        </div>
        <ul id={listId} role="listbox" aria-label="Commands" className="max-h-80 overflow-auto py-1">
          {matches.map((command, index) => (
            <li
              key={command.id}
              id={optionId(command)}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(index)}
              onClick={() => go(command)}
              className={cn(
                "flex cursor-pointer items-center justify-between gap-3 px-4 py-2 text-sm",
                index === activeIndex && "bg-indigo-50 text-indigo-900",
              )}
            >
              <span className="min-w-0 truncate">{command.label}</span>
              <span className="shrink-0 text-xs text-slate-600">{command.hint}</span>
            </li>
          ))}
        </ul>
        {matches.length === 0 ? (
          <p role="status" className="px-4 pb-4 pt-1 text-sm text-slate-600">
            Nothing matches. Try a page name, or a number such as #42.
          </p>
        ) : null}
        <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-600">
          <kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> to move ·{" "}
          <kbd className="font-sans">Enter</kbd> to open · <kbd className="font-sans">Esc</kbd> to close
        </p>
      </dialog>
    </>
  );
}
