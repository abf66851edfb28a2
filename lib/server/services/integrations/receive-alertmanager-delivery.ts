import "server-only";
import {
  alertDeliveryKey,
  earliestStart,
  firingEpisode,
  groupKeyPrefix,
  groupSeverity,
  parseEndsAt,
  type AlertFacts,
} from "@/lib/domain/alert-groups";
import { SEVERITY_INFO, STATUS_LABELS } from "@/lib/domain/severity";
import type { Prisma } from "@/lib/generated/prisma/client";
import { alertmanagerConfigSchema, type AlertmanagerConfig } from "@/lib/schemas/integration";
import { alertmanagerPayloadSchema, describeIssues, type AlertmanagerPayload } from "@/lib/schemas/webhook-payloads";
import { getDb } from "@/lib/server/db";
import { AppError, isAppError } from "@/lib/server/errors";
import type { WebhookIntegration } from "@/lib/server/queries/integrations/get-webhook-integration";
import { integrationActor, type IntegrationActor } from "@/lib/server/auth/actor";
import { addTimelineNoteInTx } from "@/lib/server/services/incidents/add-timeline-note";
import { changeIncidentSeverityInTx } from "@/lib/server/services/incidents/change-incident-severity";
import { declareIncidentInTx } from "@/lib/server/services/incidents/declare-incident";
import { updateIncidentStatusInTx } from "@/lib/server/services/incidents/update-incident-status";
import { sha256Hex, verifyBearer } from "./webhook-auth";

export const ALERTMANAGER_SOURCE = "alertmanager";

type Tx = Prisma.TransactionClient;

/** Alertmanager's `truncatedAlerts` (max_alerts in webhook_config): said in the timeline, never silently dropped. */
function truncationNote(payload: AlertmanagerPayload): string | null {
  const count = payload.truncatedAlerts ?? 0;
  if (count <= 0) return null;
  return `Alertmanager left out ${count} more alert${count === 1 ? "" : "s"} of this group (truncatedAlerts; raise max_alerts in its webhook_config to see them).`;
}
const truncationData = (payload: AlertmanagerPayload) =>
  payload.truncatedAlerts ? { truncatedAlerts: payload.truncatedAlerts } : {};

/** What the door hands over: the integration, the parsed body and the Authorization header's value. */
export type AlertmanagerDeliveryInput = {
  integration: WebhookIntegration;
  payload: unknown;
  authorization: string | null;
};

export type AlertmanagerDeliveryResult = {
  status: "processed" | "duplicate";
  deliveryKey: string;
  result: unknown;
};

type Outcome = {
  outcome: "declared" | "updated" | "mitigated" | "unchanged" | "ignored";
  incidentId: number | null;
  detail: string;
};

/**
 * One Alertmanager notification (webhook_config, payload version 4). The delivery is
 * recorded in the transaction of its effect, so a retried or repeated identical group is
 * acknowledged as a duplicate and changes nothing; groups are serialised per group key.
 */
export async function receiveAlertmanagerDelivery(
  input: AlertmanagerDeliveryInput,
): Promise<AlertmanagerDeliveryResult> {
  const { integration } = input;
  if (!verifyBearer(integration.secret, input.authorization)) {
    throw new AppError(
      "UNAUTHENTICATED",
      "The Authorization: Bearer credential is missing or wrong: set http_config.authorization.credentials to the integration's secret.",
    );
  }
  const parsed = alertmanagerPayloadSchema.safeParse(input.payload);
  if (!parsed.success)
    throw new AppError(
      "VALIDATION",
      `Not an Alertmanager webhook payload (version 4): ${describeIssues(parsed.error)}.`,
    );
  const payload = parsed.data;
  const configParsed = alertmanagerConfigSchema.safeParse(integration.config ?? {});
  if (!configParsed.success)
    throw new AppError(
      "VALIDATION",
      `The integration's settings are invalid (${describeIssues(configParsed.error)}): save them again in Admin → Integrations.`,
    );
  const config = configParsed.data;

  const alerts: AlertFacts[] = payload.alerts.map((alert) => ({
    status: alert.status,
    labels: alert.labels,
    fingerprint: alert.fingerprint,
    startsAt: new Date(alert.startsAt),
    endsAt: parseEndsAt(alert.endsAt),
  }));
  const deliveryKey = alertDeliveryKey(integration.id, payload.groupKey, payload.status, alerts, sha256Hex);
  const serviceIds = payload.status === "firing" ? await resolveServices(config, payload) : [];
  // Declaring, raising and mitigating are the incident services' own, acting as the integration
  // (its creator answers for it; outbound events and the audit log name the integration).
  const actor = integrationActor(`Alertmanager integration ${integration.name}`, integration.createdById);

  // A person editing the incident at the same moment makes the version check fail: try again once.
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await getDb().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${groupKeyPrefix(integration.id, payload.groupKey)}))`;
        const inserted = await tx.$executeRaw`
          INSERT INTO "ProcessedDelivery" ("integrationId", "deliveryKey", "event") VALUES (${integration.id}, ${deliveryKey}, ${`alertmanager.${payload.status}`})
          ON CONFLICT DO NOTHING`;
        if (inserted === 0) return null;
        const outcome =
          payload.status === "firing"
            ? await applyFiring(tx, { integration, payload, alerts, config, serviceIds, actor })
            : await applyResolved(tx, { integration, payload, alerts, actor });
        await tx.processedDelivery.update({
          where: { integrationId_deliveryKey: { integrationId: integration.id, deliveryKey } },
          data: { result: outcome },
        });
        return outcome;
      });
      if (result === null) {
        const seen = await getDb().processedDelivery.findUnique({
          where: { integrationId_deliveryKey: { integrationId: integration.id, deliveryKey } },
          select: { result: true },
        });
        return { status: "duplicate", deliveryKey, result: seen?.result ?? null };
      }
      return { status: "processed", deliveryKey, result };
    } catch (error) {
      if (attempt < 2 && isAppError(error) && error.code === "STALE") continue;
      throw error;
    }
  }
}

async function resolveServices(config: AlertmanagerConfig, payload: AlertmanagerPayload): Promise<number[]> {
  const values = config.serviceLabel
    ? [
        ...new Set(
          payload.alerts
            .map((alert) => alert.labels[config.serviceLabel!] ?? payload.commonLabels[config.serviceLabel!])
            .filter((value): value is string => Boolean(value)),
        ),
      ]
    : [];
  const slugs = new Set<string>();
  for (const value of values) {
    const mapped = config.services[value.toLowerCase()];
    slugs.add(mapped ?? value.toLowerCase());
  }
  const found = slugs.size
    ? await getDb().service.findMany({ where: { slug: { in: [...slugs] }, archivedAt: null }, select: { id: true } })
    : [];
  if (found.length > 0) return found.map((service) => service.id);
  if (config.defaultService) {
    const fallback = await getDb().service.findFirst({
      where: { slug: config.defaultService, archivedAt: null },
      select: { id: true },
    });
    if (fallback) return [fallback.id];
  }
  throw new AppError(
    "VALIDATION",
    `No service for this alert group${values.length ? ` (label ${config.serviceLabel}=${values.join(", ")} maps to no active service)` : ""} and no default service: set one in Admin → Integrations.`,
  );
}

/** A timeline body with the truncation note kept whole: the alert list is shortened first, to 2,000 characters in all. */
function withTruncation(body: string, payload: AlertmanagerPayload): string {
  const note = truncationNote(payload);
  if (!note) return body.slice(0, 2000);
  return `${body.slice(0, 2000 - note.length - 1)} ${note}`;
}

const describeAlert = (alert: AlertmanagerPayload["alerts"][number]) => {
  const name = alert.labels.alertname ?? "alert";
  const summary = alert.annotations.summary ?? alert.annotations.description;
  return `${name}${summary ? `: ${summary}` : ""}`;
};

async function seenFingerprints(tx: Tx, incidentId: number): Promise<Set<string>> {
  const events = await tx.timelineEvent.findMany({
    where: { incidentId, data: { path: ["source"], equals: ALERTMANAGER_SOURCE } },
    select: { data: true },
  });
  const seen = new Set<string>();
  for (const event of events) {
    const fingerprints = (event.data as { fingerprints?: unknown } | null)?.fingerprints;
    if (Array.isArray(fingerprints))
      fingerprints.forEach((fingerprint) => typeof fingerprint === "string" && seen.add(fingerprint));
  }
  return seen;
}

type FiringInput = {
  integration: WebhookIntegration;
  payload: AlertmanagerPayload;
  alerts: AlertFacts[];
  config: AlertmanagerConfig;
  serviceIds: number[];
  actor: IntegrationActor;
};

async function applyFiring(tx: Tx, input: FiringInput): Promise<Outcome> {
  const { integration, payload, config, actor } = input;
  const prefix = groupKeyPrefix(integration.id, payload.groupKey);
  const firing = input.alerts.filter((alert) => alert.status === "firing");
  if (firing.length === 0)
    return { outcome: "ignored", incidentId: null, detail: "The group is firing but lists no firing alert." };
  const latest = await tx.incident.findFirst({
    where: { source: ALERTMANAGER_SOURCE, externalKey: { startsWith: prefix } },
    orderBy: { id: "desc" },
    select: { id: true, severity: true, status: true, version: true, mitigatedAt: true, resolvedAt: true },
  });
  const episode = firingEpisode(latest, firing);
  const firingPayload = payload.alerts.filter((alert) => alert.status === "firing");
  if (episode.kind === "new") {
    const fresh = new Set(episode.alerts.map((alert) => alert.fingerprint));
    return declare(
      tx,
      input,
      episode.alerts,
      firingPayload.filter((alert) => fresh.has(alert.fingerprint)),
      latest?.id ?? null,
    );
  }
  const incident = latest!;
  if (incident.status === "RESOLVED")
    return {
      outcome: "ignored",
      incidentId: incident.id,
      detail: "The incident was resolved by a person while the alert kept firing; repeats are not reopened.",
    };

  const severity = groupSeverity(firing, payload.commonLabels, config);
  const seen = await seenFingerprints(tx, incident.id);
  const newAlerts = firingPayload.filter((alert) => !seen.has(alert.fingerprint));
  const raise = severity < incident.severity;
  if (!raise && newAlerts.length === 0)
    return { outcome: "unchanged", incidentId: incident.id, detail: "Still firing; nothing new." };

  if (newAlerts.length > 0) {
    // Through the note service, so the note is audited like a person's, under the integration's name.
    await addTimelineNoteInTx(
      tx,
      actor,
      {
        incidentId: incident.id,
        body: withTruncation(
          `Alertmanager: ${newAlerts.length} more alert${newAlerts.length === 1 ? "" : "s"} firing — ${newAlerts.slice(0, 5).map(describeAlert).join("; ")}`,
          payload,
        ),
      },
      {
        data: {
          source: ALERTMANAGER_SOURCE,
          fingerprints: newAlerts.map((alert) => alert.fingerprint),
          ...truncationData(payload),
        },
      },
    );
  }
  if (raise) {
    const reason = `Alertmanager: ${firingPayload.length} alert${firingPayload.length === 1 ? "" : "s"} firing at ${config.severityLabel} mapped to ${SEVERITY_INFO[severity].label}`;
    // A note above bumped no version; the incident read at the start of this transaction is current.
    await changeIncidentSeverityInTx(tx, actor, {
      incidentId: incident.id,
      version: incident.version,
      severity,
      reason,
    });
  }
  return {
    outcome: "updated",
    incidentId: incident.id,
    detail: raise ? `Severity raised to ${SEVERITY_INFO[severity].label}.` : `${newAlerts.length} new alert(s) noted.`,
  };
}

async function declare(
  tx: Tx,
  input: FiringInput,
  alerts: AlertFacts[],
  payloadAlerts: AlertmanagerPayload["alerts"],
  previousId: number | null,
): Promise<Outcome> {
  const { integration, payload, config, actor, serviceIds } = input;
  const now = new Date();
  const started = earliestStart(alerts);
  const impactStartedAt = started > now ? now : started;
  const severity = groupSeverity(alerts, payload.commonLabels, config);
  const alertname =
    payload.commonLabels.alertname ?? payload.groupLabels.alertname ?? payloadAlerts[0]?.labels.alertname ?? "Alert";
  const title = (payload.commonAnnotations.summary ?? `${alertname} firing`).slice(0, 200);
  const externalKey = `${groupKeyPrefix(integration.id, payload.groupKey)}${started.toISOString()}`;
  const note = [
    payloadAlerts.slice(0, 5).map(describeAlert).join("; "),
    previousId ? `The group fired again after incident #${previousId} was mitigated.` : null,
  ]
    .filter(Boolean)
    .join(" ");
  const incident = await declareIncidentInTx(
    tx,
    actor,
    {
      title: title.length >= 3 ? title : `Alert ${title}`,
      summary: (payload.commonAnnotations.description ?? "").slice(0, 5000) || undefined,
      severity,
      impactStartedAt,
      serviceIds,
    },
    {
      source: ALERTMANAGER_SOURCE,
      externalKey,
      note: withTruncation(note, payload),
      timelineData: {
        groupKey: payload.groupKey,
        fingerprints: alerts.map((alert) => alert.fingerprint),
        ...truncationData(payload),
      },
    },
  );
  return { outcome: "declared", incidentId: incident.id, detail: `Declared as ${SEVERITY_INFO[severity].label}.` };
}

async function applyResolved(
  tx: Tx,
  input: {
    integration: WebhookIntegration;
    payload: AlertmanagerPayload;
    alerts: AlertFacts[];
    actor: IntegrationActor;
  },
): Promise<Outcome> {
  const { integration, payload, alerts, actor } = input;
  const incident = await tx.incident.findFirst({
    where: {
      source: ALERTMANAGER_SOURCE,
      externalKey: { startsWith: groupKeyPrefix(integration.id, payload.groupKey) },
    },
    orderBy: { id: "desc" },
    select: { id: true, status: true, version: true, mitigatedAt: true },
  });
  if (!incident) return { outcome: "ignored", incidentId: null, detail: "No incident was opened for this group." };
  if (incident.mitigatedAt || incident.status === "RESOLVED")
    return { outcome: "unchanged", incidentId: incident.id, detail: "The incident was already mitigated." };

  // Impact ended when the last alert ended (Alertmanager's endsAt; the service keeps the stamp
  // between the impact's start and now). Not mitigated yet, so before Monitoring.
  const now = Date.now();
  const lastEnd = new Date(Math.max(...alerts.map((alert) => alert.endsAt?.getTime() ?? now)));
  const to = "MONITORING";
  const note = withTruncation(
    `Alertmanager reports the alert group resolved (${alerts.length} alert${alerts.length === 1 ? "" : "s"}).`,
    payload,
  );
  const stamps = await updateIncidentStatusInTx(
    tx,
    actor,
    { incidentId: incident.id, version: incident.version, status: to, note },
    { at: lastEnd, timelineData: { source: ALERTMANAGER_SOURCE, fingerprints: [], ...truncationData(payload) } },
  );
  return {
    outcome: "mitigated",
    incidentId: incident.id,
    detail: `Mitigated at ${stamps.mitigatedAt!.toISOString()}; status ${STATUS_LABELS[to]}.`,
  };
}
