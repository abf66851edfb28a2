"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { inputClasses } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { importCsvAction } from "@/lib/actions/imports/import-csv";
import { previewCsvImportAction } from "@/lib/actions/imports/preview-csv-import";

type Preview = {
  label: string;
  total: number;
  invalid: number;
  rows: { line: number; errors: string[]; title: string; id: string; when: string; detail: string }[];
};

/** Choose a file → preview (nothing written) → import all of it, or nothing. */
export function CsvImportForm() {
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();

  const run = (action: typeof previewCsvImportAction, then: (next: ActionState) => void) => {
    const form = new FormData();
    form.set("csv", csv);
    startTransition(async () => {
      const next = await action({}, form);
      setState(next);
      then(next);
    });
  };

  return (
    <div className="space-y-4">
      <label className="block text-sm font-medium">
        CSV file
        <input
          type="file"
          accept=".csv,text/csv"
          className={`${inputClasses} mt-1`}
          onChange={async (event) => {
            const file = event.currentTarget.files?.[0];
            setPreview(null);
            setState({});
            setFileName(file?.name ?? "");
            setCsv(file ? await file.text() : "");
          }}
        />
      </label>
      <div className="flex gap-2">
        <Button
          type="button"
          disabled={!csv || pending}
          onClick={() =>
            run(previewCsvImportAction, (next) => setPreview(next.ok ? JSON.parse(next.data!.preview) : null))
          }
        >
          Preview
        </Button>
        {preview ? (
          <Button
            type="button"
            disabled={pending || preview.invalid > 0}
            onClick={() => run(importCsvAction, (next) => next.ok && setPreview(null))}
          >
            Import {preview.total} row(s)
          </Button>
        ) : null}
      </div>
      {state.ok === false ? <FormAlert message={state.message} /> : null}
      {state.ok && state.message ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {state.message}
        </p>
      ) : null}
      {preview ? (
        <section aria-label="Preview" className="space-y-2">
          <p className="text-sm text-slate-700">
            {fileName}: {preview.label}, {preview.total} row(s).{" "}
            {preview.invalid > 0 ? (
              <strong className="text-red-700">
                {preview.invalid} row(s) have problems: nothing will be imported until they are fixed.
              </strong>
            ) : (
              "No problems found. Nothing is written until you import."
            )}
          </p>
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="px-2 py-1">Line</th>
                <th className="px-2 py-1">Id</th>
                <th className="px-2 py-1">Title</th>
                <th className="px-2 py-1">Severity / kind</th>
                <th className="px-2 py-1">Started / shipped</th>
                <th className="px-2 py-1">Problems</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line} className={row.errors.length ? "bg-red-50" : undefined}>
                  <td className="px-2 py-1 tabular-nums">{row.line}</td>
                  <td className="px-2 py-1 font-mono text-xs">{row.id}</td>
                  <td className="px-2 py-1">{row.title}</td>
                  <td className="px-2 py-1">{row.detail}</td>
                  <td className="px-2 py-1 font-mono text-xs">{row.when}</td>
                  <td className="px-2 py-1 text-red-700">{row.errors.join(" ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
