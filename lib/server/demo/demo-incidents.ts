// Generates the demo incidents in chronological order: blast-radius facts, stamps and status,
// the changes behind them, timeline, review, contributing factors and action items.
import { blastRadiusLevel, impactMinutes } from "@/lib/domain/blast-radius";
import { LINK_ROLE_LABELS, type LinkRole } from "@/lib/domain/change-failure";
import { SEVERITY_INFO, STATUS_LABELS, type IncidentStatus } from "@/lib/domain/severity";
import type { Db } from "@/lib/server/db/connection";
import {
  DEMO_AI_TOOLS,
  DEMO_CAPABILITIES,
  DEMO_FACTORS,
  DEMO_REGIONS,
  DEMO_TEAMS,
  GEN_AI_FACTOR,
  INVOLVEMENTS,
  TRANSACTIONAL_CAPABILITIES,
  type DemoFactor,
} from "./demo-catalog";
import { CHANGE_KINDS, type ChangeIndex } from "./demo-changes";
import { EventWriter, insertIncidentChunk, newIncidentChunk, WHY_SEPARATOR } from "./demo-incident-rows";
import type { DemoOrg } from "./demo-organisation";
import { DAY, HOUR, isoDate, MINUTE, Rng, spreadOverDays, timesInDay, WeightedPicker } from "./demo-random";
import { SuspectFinder } from "./demo-suspects";
import {
  actionItemTitles,
  incidentSummary,
  incidentTitle,
  mitigationNote,
  reviewTexts,
  type IncidentStory,
} from "./demo-text";

const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
/** Weights of 1, 2 or 3 affected services, and of 1–4 regions, by severity. */
const SERVICE_COUNT = [
  [30, 40, 30],
  [45, 35, 20],
  [70, 25, 5],
  [80, 15, 5],
];
const REGION_COUNT = [
  [20, 30, 30, 20],
  [70, 30, 0, 0],
  [92, 8, 0, 0],
  [100, 0, 0, 0],
];
const PCT_RANGE: Array<[number, number, number]> = [
  [25, 85, 0],
  [4, 35, 0.05],
  [0.5, 9, 0.15],
  [0.01, 1.2, 0.3],
]; // min, max, chance unknown
const FAILED_RANGE = [
  [20_000, 250_000],
  [1_000, 40_000],
  [10, 3_000],
  [1, 150],
];
const DETECT_MINUTES = [
  [2, 12],
  [3, 25],
  [3, 30],
  [5, 90],
];
const MITIGATE_MINUTES = [
  [30, 420],
  [20, 240],
  [5, 60],
  [5, 60],
];

export type IncidentGenerationOptions = {
  rng: Rng;
  count: number;
  start: number;
  end: number;
  chunkSize: number;
  /** Two timeline events per incident instead of the full story (large data sets). */
  compactTimeline: boolean;
  /** Chance that a trigger or root-cause change was rolled back to mitigate the incident. */
  triggerRollbackChance: number;
  log: (line: string) => void;
};

export async function generateIncidents(
  db: Db,
  org: DemoOrg,
  changes: ChangeIndex,
  options: IncidentGenerationOptions,
) {
  const { rng, start, end } = options;
  const counts = {
    incidents: 0,
    incidentServices: 0,
    incidentCapabilities: 0,
    incidentRegions: 0,
    incidentContributingFactors: 0,
    incidentChanges: 0,
    timelineEvents: 0,
    actionItems: 0,
  };
  const services = org.services;
  const primaryPicker = new WeightedPicker(
    services.map((_, i) => i),
    services.map((s) => s.incidentWeight),
  );
  const regionPicker = new WeightedPicker(
    DEMO_REGIONS.map((_, i) => i),
    DEMO_REGIONS.map((r) => r.weight),
  );
  const serviceIndex = new Map(services.map((s, i) => [s.name, i]));
  const teamPeople = org.teamIds.map((_, team) => org.people.filter((p) => p.teamIndex === team));
  const commanders = teamPeople.map((people) => people.filter((p) => p.level !== "JUNIOR"));
  const ids = { event: 1, action: 1 };
  const finder = new SuspectFinder(changes);

  let chunk = newIncidentChunk();
  const flush = async () => {
    if (chunk.incident.id.length === 0) return;
    await insertIncidentChunk(db, chunk);
    counts.incidents += chunk.incident.id.length;
    counts.incidentServices += chunk.service.id.length;
    counts.incidentCapabilities += chunk.capability.id.length;
    counts.incidentRegions += chunk.region.id.length;
    counts.incidentContributingFactors += chunk.factor.id.length;
    counts.incidentChanges += chunk.link.changeId.length;
    counts.timelineEvents += chunk.event.id.length;
    counts.actionItems += chunk.action.id.length;
    chunk = newIncidentChunk();
    if (options.count >= 20_000 && counts.incidents % 10_000 === 0)
      options.log(`incidents: ${counts.incidents.toLocaleString("en-US")} of ${options.count.toLocaleString("en-US")}`);
  };

  // More incidents every week (the trend the weekly review is about); nights and weekends too.
  const days = spreadOverDays(
    options.count,
    start + 2 * HOUR,
    end - 20 * MINUTE,
    (f, weekday) => (0.55 + 0.9 * f) * (weekday === 0 || weekday === 6 ? 0.8 : 1),
  );
  let id = 0;
  for (const day of days) {
    for (const t of timesInDay(rng, day, (h) => (h >= 8 && h < 20 ? 1 : 0.55))) {
      id += 1;
      const f = (t - start) / (end - start);
      const sev = rng.weighted([0.03, 0.12 + 0.1 * f, 0.45, 0.4 - 0.1 * f]);
      const severity = SEVERITIES[sev];

      // Blast radius facts.
      // ~70% of incidents come from a change: when none shipped on the first pick lately, the
      // incident hits the service of a change that did.
      const fromChange = rng.chance(0.7);
      let primary = primaryPicker.pick(rng);
      if (fromChange && !finder.collect([primary], t) && finder.collect(null, t))
        primary = changes.service[finder.pickWeighted(rng)];
      const serviceSet = [primary];
      const wanted = 1 + rng.weighted(SERVICE_COUNT[sev]);
      for (let guard = 0; serviceSet.length < wanted && guard < 20; guard++) {
        const neighbours = services[serviceSet[0]].neighbours;
        const next = rng.chance(0.75) ? serviceIndex.get(rng.pick(neighbours))! : rng.int(0, services.length - 1);
        if (!serviceSet.includes(next)) serviceSet.push(next);
      }
      const capabilityChoices = [...new Set(serviceSet.flatMap((s) => services[s].capabilityIds))];
      const wantedCapabilities =
        sev === 0 ? rng.int(1, 3) : sev === 1 ? rng.int(1, 2) : rng.chance(sev === 2 ? 0.7 : 0.3) ? 1 : 0;
      const capabilityIds = rng.sample(capabilityChoices, wantedCapabilities);
      const capabilityNames = capabilityIds.map((c) => DEMO_CAPABILITIES[org.capabilityIds.indexOf(c)]);
      const regionIndexes = [regionPicker.pick(rng)];
      const wantedRegions = 1 + rng.weighted(REGION_COUNT[sev]);
      for (let guard = 0; regionIndexes.length < wantedRegions && guard < 20; guard++) {
        const next = rng.int(0, DEMO_REGIONS.length - 1);
        if (!regionIndexes.includes(next)) regionIndexes.push(next);
      }
      const [pctMin, pctMax, pctUnknown] = PCT_RANGE[sev];
      const pct = rng.chance(pctUnknown) ? null : Math.round(rng.logRange(pctMin, pctMax) * 100) / 100;
      const failed = capabilityNames.some((c) => TRANSACTIONAL_CAPABILITIES.includes(c))
        ? Math.round(rng.logRange(FAILED_RANGE[sev][0], FAILED_RANGE[sev][1]))
        : null;

      // Stamps: detected, identified, mitigated, resolved; the recent ones may still be open.
      let detected = t + Math.round(rng.logRange(DETECT_MINUTES[sev][0], DETECT_MINUTES[sev][1]) * MINUTE);
      if (detected > end) detected = t + Math.floor((end - t) * rng.range(0.2, 0.8));
      // Most of the last two days' incidents (always the newest) are still being worked on;
      // those of the last days are often still monitored.
      const ongoing = t > end - 2 * DAY && (id === options.count || rng.chance(0.75));
      const plannedMitigation = ongoing
        ? end + Math.round(rng.logRange(10 * MINUTE, 12 * HOUR))
        : detected + Math.round(rng.logRange(MITIGATE_MINUTES[sev][0], MITIGATE_MINUTES[sev][1]) * MINUTE);
      const plannedIdentified = detected + Math.floor((plannedMitigation - detected) * rng.range(0.25, 0.6));
      const resolutionLag =
        t > end - 5 * DAY && rng.chance(0.5) ? rng.logRange(DAY, 6 * DAY) : rng.logRange(15 * MINUTE, 30 * HOUR);
      const plannedResolution = plannedMitigation + Math.round(resolutionLag);
      const identified = plannedIdentified <= end ? plannedIdentified : null;
      const mitigated = plannedMitigation <= end ? plannedMitigation : null;
      const resolved = plannedResolution <= end ? plannedResolution : null;
      const status =
        resolved !== null
          ? "RESOLVED"
          : mitigated !== null
            ? "MONITORING"
            : identified !== null
              ? "IDENTIFIED"
              : "INVESTIGATING";
      const minutes = impactMinutes(
        new Date(t),
        mitigated === null ? null : new Date(mitigated),
        resolved === null ? null : new Date(resolved),
      );
      const level = blastRadiusLevel({
        services: serviceSet.length,
        regions: regionIndexes.length,
        capabilities: capabilityIds.length,
        customerImpactPct: pct,
        failedTransactions: failed,
        impactMinutes: minutes,
      });

      const team = services[serviceSet[0]].teamIndex;
      const commander = rng.pick(commanders[team]);
      const declaredBy = rng.chance(0.4) ? commander : rng.pick(teamPeople[team]);

      // The changes behind it: one or two shipped on its services in the 48 hours before.
      const links: Array<{ change: number; role: LinkRole }> = [];
      if (fromChange && finder.collect(serviceSet, t)) {
        const first = finder.pickWeighted(rng);
        const r = rng.next();
        links.push({
          change: first,
          role: identified === null ? "SUSPECTED" : r < 0.55 ? "TRIGGER" : r < 0.85 ? "ROOT_CAUSE" : "SUSPECTED",
        });
        const second = rng.chance(0.35) ? finder.pickOther(rng, first) : -1;
        if (second >= 0) links.push({ change: second, role: rng.chance(0.5) ? "CONTRIBUTING" : "SUSPECTED" });
      }
      const causeLink = links.find((l) => l.role === "TRIGGER" || l.role === "ROOT_CAUSE");
      const cause = causeLink ? causeLink.change : -1;
      let rolledBack: number | null = null;
      if (cause >= 0 && mitigated !== null && rng.chance(options.triggerRollbackChance)) {
        rolledBack = cause + 1;
        if (!(changes.rolledBackAt[cause] <= mitigated)) changes.rolledBackAt[cause] = mitigated;
        chunk.rollbacks.set(rolledBack, Math.min(chunk.rollbacks.get(rolledBack) ?? Infinity, mitigated));
      }

      const story: IncidentStory = {
        services: serviceSet.map((s) => services[s].name),
        capabilities: capabilityNames,
        regions: regionIndexes.map((r) => DEMO_REGIONS[r].code),
        customerImpactPct: pct,
        failedTransactions: failed,
        minutes,
        cause:
          cause < 0
            ? null
            : {
                id: cause + 1,
                kind: CHANGE_KINDS[changes.kind[cause]],
                service: services[changes.service[cause]].name,
                tool: changes.tool[cause] === 255 ? null : DEMO_AI_TOOLS[changes.tool[cause]].name,
                involvement: changes.involvement[cause] === 0 ? null : INVOLVEMENTS[changes.involvement[cause] - 1],
              },
      };
      const aiLinked = story.cause?.tool != null;

      // Post-incident review of every resolved Sev1/Sev2.
      let reviewStatus = "NOT_STARTED";
      let review = { whatHappened: "", customerImpact: "", rootCause: "", fiveWhys: [] as string[], lessons: "" };
      let reviewCompletedAt: number | null = null;
      let reviewStartedAt = 0;
      const actionEvents: Array<{ at: number; kind: string; body: string; data?: Record<string, unknown> }> = [];
      if (resolved !== null && sev <= 1) {
        reviewStartedAt = Math.min(end, resolved + Math.round(rng.logRange(2 * HOUR, 2 * DAY)));
        const plannedCompletion = resolved + Math.round(rng.range(2 * DAY, 10 * DAY));
        reviewCompletedAt = plannedCompletion <= end && rng.chance(0.85) ? plannedCompletion : null;
        reviewStatus = reviewCompletedAt !== null ? "COMPLETE" : "IN_PROGRESS";
        review = reviewTexts(rng, story, reviewCompletedAt !== null);
        for (const factor of contributingFactors(rng, {
          aiLinked,
          causeKind: story.cause?.kind ?? null,
          detectMinutes: (detected - t) / MINUTE,
          minutes,
        })) {
          chunk.factor.incidentId.push(id);
          chunk.factor.id.push(org.factorIds[DEMO_FACTORS.indexOf(factor)]);
        }
        const owners = teamPeople[team];
        if (reviewCompletedAt !== null)
          actionEvents.push({ at: reviewCompletedAt, kind: "REVIEW_UPDATED", body: "Post-incident review completed" });
        const titles = actionItemTitles(rng, services[serviceSet[0]].name, rng.int(1, 3), aiLinked);
        for (const title of titles) {
          const due = reviewStartedAt + rng.int(7, 28) * DAY;
          const done = due < end ? rng.chance(0.65) : rng.chance(0.25);
          const a = chunk.action;
          a.id.push(ids.action++);
          a.incidentId.push(id);
          a.title.push(title);
          const owner = rng.pick(owners);
          a.ownerId.push(owner.id);
          a.dueDate.push(isoDate(due));
          actionEvents.push({
            at: reviewStartedAt,
            kind: "ACTION_ITEM",
            body: `Action item for ${owner.name}, due ${isoDate(due)}: ${title}`,
            data: { actionItemId: a.id[a.id.length - 1] },
          });
          a.completedAt.push(
            done
              ? new Date(reviewStartedAt + Math.floor((Math.min(due, end) - reviewStartedAt) * rng.range(0.3, 1)))
              : null,
          );
          a.createdAt.push(new Date(reviewStartedAt));
        }
      }

      // Timeline.
      const linkAt = identified ?? Math.min(end, detected + 5 * MINUTE);
      const events = new EventWriter(chunk, ids, id);
      // Worded as the app's own services word them (declare, change status, link a change …).
      events.add("DECLARED", detected, declaredBy, `Declared as ${SEVERITY_INFO[severity].label}`, { severity });
      const steps: Array<[number, IncidentStatus, IncidentStatus]> = [];
      if (identified !== null) steps.push([identified, "INVESTIGATING", "IDENTIFIED"]);
      if (mitigated !== null) steps.push([mitigated, "IDENTIFIED", "MONITORING"]);
      if (resolved !== null) steps.push([resolved, "MONITORING", "RESOLVED"]);
      const statusEvent = (step: [number, IncidentStatus, IncidentStatus]) =>
        events.add("STATUS_CHANGED", step[0], commander, `${STATUS_LABELS[step[1]]} → ${STATUS_LABELS[step[2]]}`, {
          from: step[1],
          to: step[2],
        });
      if (options.compactTimeline) {
        if (steps.length > 0) statusEvent(steps[steps.length - 1]);
        else
          events.add(
            "NOTE",
            Math.min(end, detected + 2 * MINUTE),
            commander,
            `Paged the ${DEMO_TEAMS[team]} on-call; ${commander.name} is incident commander.`,
          );
      } else {
        events.add(
          "NOTE",
          Math.min(end, detected + rng.int(1, 10) * MINUTE),
          commander,
          `Paged the ${DEMO_TEAMS[team]} on-call; ${commander.name} is incident commander.`,
        );
        if (steps[0]) statusEvent(steps[0]);
        for (const link of links) {
          events.add(
            "CHANGE_LINKED",
            linkAt,
            commander,
            `Linked change #${link.change + 1} as ${LINK_ROLE_LABELS[link.role].toLowerCase()}`,
            { changeId: link.change + 1, role: link.role },
          );
        }
        if (mitigated !== null) {
          events.add(
            "NOTE",
            Math.max(identified!, mitigated - MINUTE),
            commander,
            mitigationNote(rng, rolledBack, story.regions[0]),
          );
          statusEvent(steps[1]);
        }
        if (steps[2]) statusEvent(steps[2]);
        for (const e of actionEvents) events.add(e.kind, e.at, commander, e.body, e.data);
      }

      // The incident row and its lists.
      const inc = chunk.incident;
      inc.id.push(id);
      inc.title.push(incidentTitle(rng, services[serviceSet[0]], capabilityNames[0] ?? null, story.regions[0]));
      inc.summary.push(incidentSummary(story));
      inc.severity.push(severity);
      inc.status.push(status);
      inc.impactStartedAt.push(new Date(t));
      inc.detectedAt.push(new Date(detected));
      inc.mitigatedAt.push(mitigated === null ? null : new Date(mitigated));
      inc.resolvedAt.push(resolved === null ? null : new Date(resolved));
      inc.commanderId.push(commander.id);
      inc.declaredById.push(declaredBy.id);
      inc.customerImpactPct.push(pct);
      inc.failedTransactions.push(failed);
      inc.blastRadiusLevel.push(level);
      inc.reviewStatus.push(reviewStatus);
      inc.whatHappened.push(review.whatHappened);
      inc.customerImpact.push(review.customerImpact);
      inc.rootCause.push(review.rootCause);
      inc.fiveWhys.push(review.fiveWhys.join(WHY_SEPARATOR));
      inc.lessons.push(review.lessons);
      inc.reviewCompletedAt.push(reviewCompletedAt === null ? null : new Date(reviewCompletedAt));
      const source = rng.next();
      inc.source.push(source < 0.3 ? "alertmanager" : source < 0.4 ? "pagerduty" : null);
      inc.externalKey.push(source < 0.4 ? `demo-${id}` : null);
      inc.createdAt.push(new Date(detected));
      inc.updatedAt.push(
        new Date(Math.max(detected, events.last, resolved ?? 0, reviewCompletedAt ?? 0, reviewStartedAt)),
      );
      for (const s of serviceSet) {
        chunk.service.incidentId.push(id);
        chunk.service.id.push(services[s].id);
      }
      for (const c of capabilityIds) {
        chunk.capability.incidentId.push(id);
        chunk.capability.id.push(c);
      }
      for (const r of regionIndexes) {
        chunk.region.incidentId.push(id);
        chunk.region.id.push(org.regionIds[r]);
      }
      for (const link of links) {
        chunk.link.incidentId.push(id);
        chunk.link.changeId.push(link.change + 1);
        chunk.link.role.push(link.role);
        chunk.link.linkedById.push(commander.id);
        chunk.link.createdAt.push(new Date(linkAt));
      }
      if (inc.id.length >= options.chunkSize) await flush();
    }
  }
  await flush();
  return counts;
}

function contributingFactors(
  rng: Rng,
  facts: { aiLinked: boolean; causeKind: string | null; detectMinutes: number; minutes: number | null },
): DemoFactor[] {
  const chosen = new Set<DemoFactor>();
  if (facts.aiLinked && rng.chance(0.8)) chosen.add(GEN_AI_FACTOR);
  if (facts.causeKind === "CONFIG" || facts.causeKind === "FEATURE_FLAG")
    chosen.add(rng.chance(0.6) ? "Config change without review" : "Missing canary / staged rollout");
  if (facts.causeKind === "DEPLOY" || facts.causeKind === "PULL_REQUEST")
    chosen.add(rng.chance(0.5) ? "Insufficient test coverage" : "Missing canary / staged rollout");
  if (facts.causeKind === null) chosen.add(rng.chance(0.6) ? "Dependency failure" : "Capacity planning");
  if (facts.detectMinutes > 15 && rng.chance(0.6)) chosen.add("Alerting gap");
  if (facts.minutes !== null && facts.minutes > 180 && rng.chance(0.5)) chosen.add("Runbook missing or outdated");
  if (chosen.size === 0) chosen.add(rng.pick(DEMO_FACTORS.slice(1)));
  return [...chosen].slice(0, 3);
}
