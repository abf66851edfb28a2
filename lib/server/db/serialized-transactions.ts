// Queries of one interactive transaction, one at a time.
//
// Inside `$transaction` every query runs on one pg connection. Prisma 7's query plans send the
// independent reads of one statement (nested includes, relation loads) at the same moment, and
// so does code that awaits several `tx` calls with Promise.all. pg then queues them and warns
// "Calling client.query() when the client is already executing a query is deprecated" — pg 9
// makes it an error (prisma/orm#29646, #29979). Queries on the pool are not affected: each gets
// its own connection. This wrapper chains a transaction's calls so each waits for the previous
// one; commit and rollback wait for every query sent before them.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

const SERIALISED = new Set([
  "queryRaw",
  "executeRaw",
  "commit",
  "rollback",
  "createSavepoint",
  "rollbackToSavepoint",
  "releaseSavepoint",
]);

/** The same factory whose adapters hand out transactions that send one query at a time. */
export function withSerializedTransactions<F extends SqlDriverAdapterFactory>(factory: F): F {
  return forward(factory, {
    connect: () => async () => serializeStartTransaction(await factory.connect()),
  });
}

function serializeStartTransaction(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return forward(adapter, {
    startTransaction:
      () =>
      async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
        serializeTransaction(await adapter.startTransaction(...args)),
  });
}

function serializeTransaction(transaction: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = tail.then(work, work);
    tail = turn.catch(() => undefined);
    return turn;
  };
  return new Proxy(transaction, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (typeof property === "string" && SERIALISED.has(property))
        return (...args: unknown[]) => inTurn(() => value.apply(target, args));
      return value.bind(target);
    },
  });
}

/** A proxy that answers `overrides` and forwards everything else to `target` (methods bound to it). */
function forward<T extends object>(target: T, overrides: Record<string, () => unknown>): T {
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === "string" && property in overrides) return overrides[property]();
      const value = Reflect.get(object, property, object);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}
