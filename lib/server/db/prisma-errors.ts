import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint refused the write (Prisma P2002), told by code, never by message text. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The row to update or delete was not there (Prisma P2025). */
export function isRecordMissing(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
