import { createDocument } from "zod-openapi";
import { problemSchema } from "@/lib/schemas/api/common";
import { OPERATIONS } from "./operations";

export const API_BASE_PATH = "/api/v1";

/** The OpenAPI 3.1 document of /api/v1, generated from the routes' zod schemas (decision 008). */
export function buildOpenApiDocument(origin?: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Faultline API",
      version: "1.0.0",
      description:
        "Register changes from CI/CD, open and update incidents from alerting, read the metrics and the weekly report, and ask the deploy gate. " +
        "Authenticate with an API token (Admin → API tokens) as `Authorization: Bearer <token>`. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: `${origin ?? ""}${API_BASE_PATH}` }],
    security: [{ bearer: [] }],
    tags: [
      {
        name: "Changes",
        description: "Deploys, merged pull requests, config, feature-flag and infrastructure changes.",
      },
      { name: "Incidents", description: "Incidents, their timeline and the changes behind them." },
      { name: "Metrics", description: "The dashboard's series." },
      { name: "Reports", description: "The weekly review (TWiST)." },
      { name: "Deploy gate", description: "Ask before shipping." },
      {
        name: "Webhooks",
        description:
          "Inbound deliveries from GitHub and Alertmanager, authenticated by an integration's secret (docs/inbound-webhooks.md).",
      },
    ],
    paths: OPERATIONS,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token from Admin → API tokens (flt_…)." },
        githubSignature: {
          type: "apiKey",
          in: "header",
          name: "X-Hub-Signature-256",
          description: "HMAC-SHA256 of the body with the integration's secret, as GitHub sends it.",
        },
        integrationSecret: {
          type: "http",
          scheme: "bearer",
          description: "The integration's secret (whsec_…), as Alertmanager's http_config.authorization sends it.",
        },
      },
    },
  });
}
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
