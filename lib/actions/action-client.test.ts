import { describe, expect, it } from "vitest";
import { addActionItemSchema, setActionItemDoneSchema } from "@/lib/schemas/incident-updates";
import { declareIncidentSchema } from "@/lib/schemas/incident";
import { isAppError } from "@/lib/server/errors";
import { parseOrThrow } from "@/lib/server/validation";
import { formToObject } from "./action-client";
import { toActionState } from "./action-state";

// What a server action does with a posted form before it reaches a service: form → object →
// shared hostile-input check → schema. Every refusal is a VALIDATION error (form state), never a crash.
const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(isAppError(error) && error.code).toBe("VALIDATION");
    return toActionState(error);
  }
  throw new Error("expected a refusal");
};

describe("server-action input", () => {
  it("refuses prototype field names instead of setting the object's prototype", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const state = refusal(() => formToObject(form([[key, "1"]]), []));
      expect(state).toMatchObject({ ok: false, fieldErrors: { _form: [expect.stringContaining(key)] } });
    }
  });

  it("refuses NUL and lone surrogates in values, naming the field", () => {
    const value = { incidentId: "1", title: "Fix\u0000it", ownerId: "2", dueDate: "2027-01-01" };
    const state = refusal(() => parseOrThrow(addActionItemSchema, formToObject(form(Object.entries(value)), [])));
    expect(state.fieldErrors).toEqual({ title: [expect.stringMatching(/NUL/)] });
    const lone = refusal(() => parseOrThrow(setActionItemDoneSchema, { actionItemId: "1", done: "\ud800" }));
    expect(lone.fieldErrors).toHaveProperty("done");
  });

  it("refuses ids of 2^31 and more, and impossible or far dates, as field errors", () => {
    const base = { incidentId: "1", title: "Add alerting", ownerId: "2", dueDate: "2027-01-01" };
    expect(parseOrThrow(addActionItemSchema, base).dueDate.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    const cases: [Record<string, string>, string][] = [
      [{ incidentId: "2147483648" }, "incidentId"],
      [{ ownerId: "99999999999999999999" }, "ownerId"],
      [{ dueDate: "2026-02-30" }, "dueDate"],
      [{ dueDate: "0000-01-01" }, "dueDate"],
      [{ dueDate: "9999-12-31" }, "dueDate"],
    ];
    for (const [change, field] of cases) {
      const state = refusal(() => parseOrThrow(addActionItemSchema, { ...base, ...change }));
      expect(Object.keys(state.fieldErrors ?? {}), JSON.stringify(change)).toEqual([field]);
    }
    const declare = { title: "Checkout down", severity: "SEV2", serviceIds: ["1"] };
    for (const impactStartedAt of ["0000-01-01T00:00", "1900-06-01T10:00", "2026-02-30T10:00", "9999-01-01T00:00"])
      expect(
        refusal(() => parseOrThrow(declareIncidentSchema, { ...declare, impactStartedAt })).fieldErrors,
      ).toHaveProperty("impactStartedAt");
  });

  it("collects an error on a field called constructor without crashing", () => {
    const state = toActionState(
      (() => {
        try {
          parseOrThrow(declareIncidentSchema.extend({}).strict(), { constructor: "x" });
        } catch (error) {
          return error;
        }
      })(),
    );
    expect(state.ok).toBe(false);
    expect(state.message).not.toMatch(/went wrong/);
  });
});
