import { describe, expect, it } from "vitest";
import { registerChangeSchema, setRolledBackSchema } from "./change";

const form = {
  kind: "DEPLOY",
  title: "Raise checkout timeout",
  serviceId: "4",
  repository: "acme/checkout-api",
  externalId: "",
  externalUrl: "",
  authorId: "9",
  shippedAt: "2026-11-02T10:00:00.000Z",
  aiAssisted: "on",
  aiToolId: "2",
  aiInvolvement: "CO_AUTHORED",
};

describe("register change schema", () => {
  it("parses a form submission", () => {
    expect(registerChangeSchema.parse(form)).toEqual({
      kind: "DEPLOY",
      title: "Raise checkout timeout",
      serviceId: 4,
      repository: "acme/checkout-api",
      externalId: null,
      externalUrl: null,
      authorId: 9,
      shippedAt: new Date("2026-11-02T10:00:00.000Z"),
      aiAssisted: true,
      aiToolId: 2,
      aiInvolvement: "CO_AUTHORED",
    });
  });
  it("drops AI details from a change that was not AI-assisted", () => {
    const parsed = registerChangeSchema.parse({ ...form, aiAssisted: undefined, shippedAt: "" });
    expect(parsed).toMatchObject({ aiAssisted: false, aiToolId: null, aiInvolvement: null, shippedAt: null });
  });
  it("asks for the tool and involvement of an AI-assisted change", () => {
    const result = registerChangeSchema.safeParse({ ...form, aiToolId: "", aiInvolvement: "" });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toEqual({
      aiToolId: "Name the AI tool that assisted.",
      aiInvolvement: "Choose how much the AI did.",
    });
  });
  it.each([
    [{ kind: "HOTFIX" }, "kind"],
    [{ title: "" }, "title"],
    [{ serviceId: "" }, "serviceId"],
    [{ externalUrl: "javascript:alert(1)" }, "externalUrl"],
    [{ externalUrl: "not a url" }, "externalUrl"],
    [{ shippedAt: new Date(Date.now() + 86_400_000).toISOString() }, "shippedAt"],
  ])("rejects %o on %s", (patch, field) => {
    const result = registerChangeSchema.safeParse({ ...form, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe("rolled-back schema", () => {
  it("accepts a time or an empty value that clears it", () => {
    expect(setRolledBackSchema.parse({ changeId: "3", rolledBackAt: "" })).toEqual({ changeId: 3, rolledBackAt: null });
    expect(setRolledBackSchema.parse({ changeId: "3", rolledBackAt: "2026-11-02T10:00:00Z" }).rolledBackAt).toEqual(
      new Date("2026-11-02T10:00:00Z"),
    );
  });
});

it("reports the AI details together with other field errors", () => {
  const result = registerChangeSchema.safeParse({ aiAssisted: "on" });
  const fields = result.error!.issues.map((i) => i.path[0]);
  expect(fields).toEqual(expect.arrayContaining(["title", "serviceId", "aiToolId", "aiInvolvement"]));
});
