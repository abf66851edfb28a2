import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// Through what a person acted ("API token ci-deploy"), for the audit log's actorLabel. Set once
// by the API route wrapper around the whole request, read by writeAudit: the services keep
// taking `actor: SessionUser` and need no extra parameter (docs/decisions/008-rest-api.md).
const storage = new AsyncLocalStorage<{ actorLabel: string }>();

export function runWithActorLabel<T>(actorLabel: string, work: () => Promise<T>): Promise<T> {
  return storage.run({ actorLabel }, work);
}

export function currentActorLabel(): string | undefined {
  return storage.getStore()?.actorLabel;
}
