// Child process for idempotency tests: sends one POST /api/v1/incidents through the real route
// handler against FAULTLINE_CHILD_DATABASE_URL, so the test can SIGKILL it mid-request.
// Run with: node --conditions=react-server --import tsx lib/server/testing/idempotent-request-child.ts
import { POST } from "@/app/api/v1/incidents/route";
import { openConnection, type DbConnection } from "@/lib/server/db/connection";

const { FAULTLINE_CHILD_DATABASE_URL: url, FAULTLINE_CHILD_TOKEN: token } = process.env;
const { FAULTLINE_CHILD_KEY: key, FAULTLINE_CHILD_BODY: body } = process.env;
if (!url || !token || !key || !body) throw new Error("Set FAULTLINE_CHILD_DATABASE_URL, _TOKEN, _KEY and _BODY.");

const holder = globalThis as typeof globalThis & { __faultlineDb?: DbConnection };
holder.__faultlineDb = openConnection({ kind: "postgres", url }, { poolSize: 2 });
const request = new Request("http://faultline.test/api/v1/incidents", {
  method: "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
  body,
});
console.log("sending");
const response = await POST(request, { params: Promise.resolve({}) });
console.log(`answered ${response.status}`);
await holder.__faultlineDb.close();
