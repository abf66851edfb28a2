"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { addActionItemAction } from "@/lib/actions/incidents/add-action-item";
import { setActionItemDoneAction } from "@/lib/actions/incidents/set-action-item-done";
import { formatDay } from "@/lib/domain/format";

type Item = { id: number; title: string; dueDate: Date; completedAt: Date | null; owner: { id: number; name: string } };

export function ActionItemsPanel({
  incidentId,
  items,
  people,
  today,
  canWrite,
}: {
  incidentId: number;
  items: Item[];
  people: Array<{ id: number; name: string }>;
  today: string;
  canWrite: boolean;
}) {
  return (
    <Panel title="Action items" id="action-items">
      {items.length === 0 ? <p className="text-sm text-slate-500">No action items yet.</p> : null}
      <ul className="divide-y divide-slate-100">
        {items.map((item) => {
          const due = new Date(item.dueDate).toISOString().slice(0, 10);
          const overdue = !item.completedAt && due < today;
          return (
            <li key={item.id} className="flex items-center justify-between gap-3 py-2.5 text-sm">
              <div className="min-w-0">
                <p className={item.completedAt ? "text-slate-500 line-through" : "text-slate-900"}>{item.title}</p>
                <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                  {item.owner.name} · due {formatDay(due)}
                  {overdue ? <Badge tone="red">Overdue</Badge> : null}
                  {item.completedAt ? <Badge tone="green">Done</Badge> : null}
                </p>
              </div>
              {canWrite ? (
                <ActionForm
                  action={setActionItemDoneAction}
                  hidden={{ actionItemId: item.id, done: item.completedAt ? "false" : "true" }}
                  label={`Action item ${item.title}`}
                >
                  {({ pending }) => (
                    <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1 text-xs">
                      {item.completedAt ? "Reopen" : "Mark done"}
                    </Button>
                  )}
                </ActionForm>
              ) : null}
            </li>
          );
        })}
      </ul>
      {canWrite ? (
        <ActionForm
          action={addActionItemAction}
          hidden={{ incidentId }}
          resetOnSuccess
          label="Add an action item"
          className="mt-4 grid gap-2 border-t border-slate-100 pt-4 sm:grid-cols-[1fr_12rem_10rem_auto]"
        >
          {({ fieldErrors, pending }) => (
            <>
              <div>
                <input
                  name="title"
                  aria-label="New action item"
                  placeholder="What will prevent this from happening again?"
                  className={inputClasses}
                  aria-invalid={Boolean(fieldErrors.title)}
                />
                <FieldError errors={fieldErrors.title} />
              </div>
              <div>
                <select
                  name="ownerId"
                  aria-label="Owner"
                  defaultValue=""
                  className={inputClasses}
                  aria-invalid={Boolean(fieldErrors.ownerId)}
                >
                  <option value="" disabled>
                    Owner…
                  </option>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <FieldError errors={fieldErrors.ownerId} />
              </div>
              <div>
                <input
                  type="date"
                  name="dueDate"
                  aria-label="Due date"
                  min={today}
                  className={inputClasses}
                  aria-invalid={Boolean(fieldErrors.dueDate)}
                />
                <FieldError errors={fieldErrors.dueDate} />
              </div>
              <Button type="submit" variant="secondary" disabled={pending}>
                Add
              </Button>
            </>
          )}
        </ActionForm>
      ) : null}
    </Panel>
  );
}
