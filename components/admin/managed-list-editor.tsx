"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { archiveListItemAction } from "@/lib/actions/lists/archive-list-item";
import { createListItemAction } from "@/lib/actions/lists/create-list-item";
import { updateListItemAction } from "@/lib/actions/lists/update-list-item";
import { MANAGED_LIST_LABELS, type ManagedList } from "@/lib/schemas/managed-list";
import type { ManagedItem } from "@/lib/server/queries/lists/list-managed-lists";

export function ManagedListEditor({ list, items }: { list: ManagedList; items: ManagedItem[] }) {
  const labels = MANAGED_LIST_LABELS[list];
  const hasAliases = list === "aiTools";
  return (
    <Panel title={labels.title} id={list}>
      <p className="mb-3 text-xs text-slate-500">{labels.hint}</p>
      <ul className="divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-2 py-2 sm:flex-nowrap">
            <ActionForm
              action={updateListItemAction}
              hidden={{ list, id: item.id }}
              label={`Edit ${item.name}`}
              className="flex min-w-0 basis-full flex-wrap items-start gap-2 sm:basis-auto sm:flex-1 sm:flex-nowrap"
            >
              {({ fieldErrors, pending }) => (
                <>
                  {item.code ? (
                    <span className="shrink-0 pt-2 font-mono text-xs text-slate-500 max-sm:basis-full max-sm:pt-0 sm:w-28">
                      {item.code}
                    </span>
                  ) : null}
                  <div className={hasAliases ? "min-w-0 flex-1 sm:w-40 sm:flex-none" : "min-w-0 flex-1"}>
                    <input
                      name="name"
                      defaultValue={item.name}
                      aria-label={`Name of ${item.name}`}
                      className={`${inputClasses} py-1.5`}
                    />
                    <FieldError errors={fieldErrors.name} />
                  </div>
                  {hasAliases ? (
                    <input
                      name="aliases"
                      defaultValue={item.aliases?.join(", ")}
                      aria-label={`Aliases of ${item.name}`}
                      placeholder="aliases"
                      className={`${inputClasses} min-w-0 flex-1 py-1.5`}
                    />
                  ) : null}
                  <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1.5 text-xs">
                    {hasAliases ? "Save" : "Rename"}
                  </Button>
                </>
              )}
            </ActionForm>
            <span className="shrink-0 text-xs text-slate-500 max-sm:mr-auto sm:w-16 sm:text-right">
              {item.uses} used
            </span>
            {item.archived ? <Badge tone="slate">Archived</Badge> : null}
            <ActionForm
              action={archiveListItemAction}
              hidden={{ list, id: item.id, archived: item.archived ? "false" : "true" }}
              label={`${item.archived ? "Restore" : "Archive"} ${item.name}`}
            >
              {({ pending }) => (
                <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1.5 text-xs">
                  {item.archived ? "Restore" : "Archive"}
                </Button>
              )}
            </ActionForm>
          </li>
        ))}
      </ul>
      <ActionForm
        action={createListItemAction}
        hidden={{ list }}
        resetOnSuccess
        label={`Add ${labels.item}`}
        className="mt-3 flex flex-wrap items-start gap-2 border-t border-slate-100 pt-3"
      >
        {({ fieldErrors, pending }) => (
          <>
            {list === "regions" ? (
              <div>
                <input
                  name="code"
                  placeholder="code"
                  aria-label={`New ${labels.item} code`}
                  className={`${inputClasses} w-36`}
                />
                <FieldError errors={fieldErrors.code} />
              </div>
            ) : null}
            <div className="min-w-48 flex-1">
              <input
                name="name"
                placeholder={`New ${labels.item}`}
                aria-label={`New ${labels.item}`}
                className={inputClasses}
              />
              <FieldError errors={fieldErrors.name} />
            </div>
            {hasAliases ? (
              <input
                name="aliases"
                placeholder="aliases, comma-separated"
                aria-label="New tool aliases"
                className={`${inputClasses} w-56`}
              />
            ) : null}
            <Button type="submit" variant="secondary" disabled={pending}>
              Add
            </Button>
          </>
        )}
      </ActionForm>
    </Panel>
  );
}
