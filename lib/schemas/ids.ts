import { z } from "zod";

/** Ids are PostgreSQL `integer`s: 1 … 2^31 − 1. Anything else names nothing and is refused with a 422. */
export const MAX_ID = 2_147_483_647;

export function isRecordId(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1 && value <= MAX_ID;
}

/** An id from a form or query string ("42") or JSON (42). */
export function recordId(message = "Not a valid id.") {
  return z.coerce.number({ error: message }).int(message).min(1, message).max(MAX_ID, message);
}

/** An id in a JSON body: a number, not a string. */
export function jsonRecordId(message = "Ids are whole numbers from 1 to 2147483647.") {
  return z.number({ error: message }).int(message).min(1, message).max(MAX_ID, message);
}
