"use client";

import { useState } from "react";
import { SelectField } from "@/components/ui/field";
import { AI_INVOLVEMENTS, AI_INVOLVEMENT_LABELS, type AiInvolvement } from "@/lib/domain/change";

type Option = { id: number; name: string };

/**
 * The Gen-AI assistance fields of a change (lib/schemas/change.ts: aiAssisted, aiToolId,
 * aiInvolvement), shared by the register and edit forms: a checkbox that reveals the tool and
 * how much the AI did.
 */
export function AiAssistanceFields({
  aiTools,
  defaults,
  errors,
  idPrefix = "",
  note = "AI-assisted changes of junior and mid-level authors need a senior's approval before they ship.",
}: {
  aiTools: Option[];
  defaults?: { aiAssisted: boolean; aiToolId: number | null; aiInvolvement: AiInvolvement | null };
  errors: { aiToolId?: string[]; aiInvolvement?: string[] };
  /** Keeps ids unique when two change forms share a page. */
  idPrefix?: string;
  note?: string;
}) {
  const [aiAssisted, setAiAssisted] = useState(defaults?.aiAssisted ?? false);
  return (
    <fieldset className="rounded-lg bg-violet-50/60 p-4 ring-1 ring-violet-200">
      <legend className="sr-only">Gen-AI assistance</legend>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-900">
        <input
          type="checkbox"
          name="aiAssisted"
          checked={aiAssisted}
          onChange={(e) => setAiAssisted(e.target.checked)}
          className="size-4 accent-violet-600"
        />
        Gen-AI assisted
      </label>
      <p className="ml-6 text-xs text-slate-600">{note}</p>
      {aiAssisted ? (
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <SelectField
            id={`${idPrefix}aiToolId`}
            name="aiToolId"
            label="AI tool"
            placeholder="Choose a tool…"
            options={aiTools.map((t) => ({ value: t.id, label: t.name }))}
            defaultValue={defaults?.aiToolId ?? ""}
            errors={errors.aiToolId}
            required
          />
          <SelectField
            id={`${idPrefix}aiInvolvement`}
            name="aiInvolvement"
            label="How much the AI did"
            placeholder="Choose…"
            options={AI_INVOLVEMENTS.map((i) => ({ value: i, label: AI_INVOLVEMENT_LABELS[i] }))}
            defaultValue={defaults?.aiInvolvement ?? ""}
            errors={errors.aiInvolvement}
            required
          />
        </div>
      ) : null}
    </fieldset>
  );
}
