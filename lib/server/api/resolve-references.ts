import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { AppError, type FieldErrors } from "@/lib/server/errors";

// API payloads name services and teams by slug, authors by email or GitHub login, AI tools by
// slug, name or alias. These turn them into ids in one query per kind, collecting one field
// error per unknown name so a batch shows every mistake at once.

export type Lookup = { key: string; value: string };
const norm = (value: string) => value.trim().toLowerCase();

export async function resolveServices(
  lookups: Lookup[],
  errors: FieldErrors,
  options: { allowArchived?: boolean; client?: Prisma.TransactionClient } = {},
): Promise<Map<string, number>> {
  const names = [...new Set(lookups.map((l) => norm(l.value)))];
  if (names.length === 0) return new Map();
  const ids = names.filter((n) => /^\d{1,9}$/.test(n)).map(Number);
  const rows = await (options.client ?? getDb()).service.findMany({
    where: { OR: [{ slug: { in: names, mode: "insensitive" } }, { id: { in: ids } }] },
    select: { id: true, slug: true, archivedAt: true },
  });
  const found = new Map<string, { id: number; archived: boolean }>();
  for (const row of rows) {
    found.set(norm(row.slug), { id: row.id, archived: row.archivedAt !== null });
    found.set(String(row.id), { id: row.id, archived: row.archivedAt !== null });
  }
  const result = new Map<string, number>();
  for (const { key, value } of lookups) {
    const hit = found.get(norm(value));
    if (!hit) (errors[key] ??= []).push(`Unknown service "${value}". Use a service slug as shown in Faultline.`);
    else if (hit.archived && !options.allowArchived) (errors[key] ??= []).push(`The service "${value}" is archived.`);
    else result.set(norm(value), hit.id);
  }
  return result;
}

export async function resolveTeams(lookups: Lookup[], errors: FieldErrors): Promise<Map<string, number>> {
  const names = [...new Set(lookups.map((l) => norm(l.value)))];
  if (names.length === 0) return new Map();
  const ids = names.filter((n) => /^\d{1,9}$/.test(n)).map(Number);
  const rows = await getDb().team.findMany({
    where: { OR: [{ slug: { in: names, mode: "insensitive" } }, { id: { in: ids } }] },
    select: { id: true, slug: true },
  });
  const found = new Map<string, number>();
  for (const row of rows) {
    found.set(norm(row.slug), row.id);
    found.set(String(row.id), row.id);
  }
  for (const { key, value } of lookups)
    if (!found.has(norm(value))) (errors[key] ??= []).push(`Unknown team "${value}".`);
  return found;
}

export async function resolveAuthors(lookups: Lookup[], errors: FieldErrors): Promise<Map<string, number>> {
  const names = [...new Set(lookups.map((l) => norm(l.value)))];
  if (names.length === 0) return new Map();
  const rows = await getDb().user.findMany({
    where: { OR: [{ email: { in: names, mode: "insensitive" } }, { githubLogin: { in: names, mode: "insensitive" } }] },
    select: { id: true, email: true, githubLogin: true, active: true },
  });
  const found = new Map<string, { id: number; active: boolean }>();
  for (const row of rows) {
    found.set(norm(row.email), { id: row.id, active: row.active });
    if (row.githubLogin) found.set(norm(row.githubLogin), { id: row.id, active: row.active });
  }
  const result = new Map<string, number>();
  for (const { key, value } of lookups) {
    const hit = found.get(norm(value));
    if (!hit)
      (errors[key] ??= []).push(`Unknown author "${value}". Use the email of a Faultline user or their GitHub login.`);
    else if (!hit.active) (errors[key] ??= []).push(`The author "${value}" is deactivated.`);
    else result.set(norm(value), hit.id);
  }
  return result;
}

export async function resolveAiTools(lookups: Lookup[], errors: FieldErrors): Promise<Map<string, number>> {
  if (lookups.length === 0) return new Map();
  const rows = await getDb().aiTool.findMany({
    where: { archivedAt: null },
    select: { id: true, slug: true, name: true, aliases: true },
  });
  const found = new Map<string, number>();
  for (const row of rows) {
    for (const name of [row.slug, row.name, ...row.aliases]) found.set(norm(name), row.id);
    found.set(String(row.id), row.id);
  }
  for (const { key, value } of lookups) {
    if (!found.has(norm(value)))
      (errors[key] ??= []).push(`Unknown AI tool "${value}". Use a tool's slug or one of its aliases (Admin → Lists).`);
  }
  return found;
}

export function throwIfErrors(
  errors: FieldErrors,
  message = "Some names do not match anything in Faultline; nothing was saved.",
): void {
  if (Object.keys(errors).length > 0) throw new AppError("VALIDATION", message, { fieldErrors: errors });
}

export { norm as normaliseName };
