// The small tables of the demo organisation: teams, services, managed lists and people.
// A few hundred rows at most, so plain Prisma calls.
import { base, en, Faker } from "@faker-js/faker";
import bcrypt from "bcryptjs";
import type { ApprovalPolicyRules } from "@/lib/domain/approval-policy";
import type { Db } from "@/lib/server/db/connection";
import {
  DEMO_ACCOUNT_SPECS,
  DEMO_AI_TOOLS,
  DEMO_CAPABILITIES,
  DEMO_FACTORS,
  DEMO_PASSWORD,
  DEMO_REGIONS,
  DEMO_SERVICES,
  DEMO_TEAMS,
  OTHER_PEOPLE,
  slugify,
  type DemoCapability,
  type DemoLevel,
  type DemoRole,
  type DemoService,
} from "./demo-catalog";
import type { Rng } from "./demo-random";

export type DemoAccount = { email: string; password: string; role: DemoRole; level: DemoLevel; name: string };
export type DemoPerson = { id: number; name: string; level: DemoLevel; role: DemoRole; teamIndex: number };
export type DemoServiceRow = DemoService & { id: number; teamIndex: number; slug: string; capabilityIds: number[] };

export type DemoOrg = {
  teamIds: number[];
  services: DemoServiceRow[];
  capabilityIds: number[];
  regionIds: number[];
  factorIds: number[];
  aiToolIds: number[];
  people: DemoPerson[];
  accounts: DemoAccount[];
  policy: { id: number; rules: ApprovalPolicyRules };
};

export async function createDemoOrganisation(
  db: Db,
  options: { seed: number; rng: Rng; createdAt: Date },
): Promise<DemoOrg> {
  const { createdAt } = options;
  const policyRow = await db.approvalPolicy.findFirst({ orderBy: { id: "desc" } });
  if (!policyRow) {
    throw new Error(
      "The database has no approval policy row: apply the migrations first (npm run db:migrate), then generate the demo data.",
    );
  }

  const teams = await db.team.createManyAndReturn({
    data: DEMO_TEAMS.map((name) => ({ name, slug: slugify(name), createdAt })),
    select: { id: true, name: true },
  });
  const teamIds = DEMO_TEAMS.map((name) => teams.find((team) => team.name === name)!.id);

  const capabilities = await db.capability.createManyAndReturn({
    data: DEMO_CAPABILITIES.map((name) => ({ name, slug: slugify(name) })),
    select: { id: true, name: true },
  });
  const capabilityIds = DEMO_CAPABILITIES.map((name) => capabilities.find((row) => row.name === name)!.id);
  const capabilityId = (name: DemoCapability) => capabilityIds[DEMO_CAPABILITIES.indexOf(name)];

  const services = await db.service.createManyAndReturn({
    data: DEMO_SERVICES.map((service) => ({
      name: service.name,
      slug: slugify(service.name),
      teamId: teamIds[DEMO_TEAMS.indexOf(service.team)],
      tier: service.tier,
      createdAt,
    })),
    select: { id: true, name: true },
  });
  const serviceRows: DemoServiceRow[] = DEMO_SERVICES.map((service) => ({
    ...service,
    id: services.find((row) => row.name === service.name)!.id,
    teamIndex: DEMO_TEAMS.indexOf(service.team),
    slug: slugify(service.name),
    capabilityIds: (service.capabilities === "*" ? DEMO_CAPABILITIES : service.capabilities).map(capabilityId),
  }));

  const regions = await db.region.createManyAndReturn({
    data: DEMO_REGIONS.map((region) => ({ code: region.code, name: region.name })),
    select: { id: true, code: true },
  });
  const regionIds = DEMO_REGIONS.map((region) => regions.find((row) => row.code === region.code)!.id);

  const factors = await db.contributingFactor.createManyAndReturn({
    data: DEMO_FACTORS.map((name) => ({ name, slug: slugify(name) })),
    select: { id: true, name: true },
  });
  const factorIds = DEMO_FACTORS.map((name) => factors.find((row) => row.name === name)!.id);

  const tools = await db.aiTool.createManyAndReturn({
    data: DEMO_AI_TOOLS.map((tool) => ({ name: tool.name, slug: slugify(tool.name), aliases: [...tool.aliases] })),
    select: { id: true, name: true },
  });
  const aiToolIds = DEMO_AI_TOOLS.map((tool) => tools.find((row) => row.name === tool.name)!.id);

  const { people, accounts } = await createPeople(db, { ...options, teamIds });
  return {
    teamIds,
    services: serviceRows,
    capabilityIds,
    regionIds,
    factorIds,
    aiToolIds,
    people,
    accounts,
    policy: {
      id: policyRow.id,
      rules: {
        levelsRequiring: policyRow.levelsRequiring,
        approverLevels: policyRow.approverLevels,
        allowSelfApproval: policyRow.allowSelfApproval,
        exemptInvolvements: policyRow.exemptInvolvements,
      },
    },
  };
}

type PersonSpec = {
  email: string;
  name: string;
  role: DemoRole;
  level: DemoLevel;
  teamIndex: number;
  githubLogin: string | null;
};

async function createPeople(db: Db, options: { seed: number; rng: Rng; createdAt: Date; teamIds: number[] }) {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(options.seed);
  const specs: PersonSpec[] = DEMO_ACCOUNT_SPECS.map((spec) => ({ ...spec, teamIndex: DEMO_TEAMS.indexOf(spec.team) }));
  const emails = new Set(specs.map((spec) => spec.email));
  const logins = new Set(specs.flatMap((spec) => (spec.githubLogin ? [spec.githubLogin] : [])));

  // Seniors, mids and juniors are dealt round-robin, so every team gets some of each.
  const perLevel: Record<DemoLevel, number> = { SENIOR: 0, MID: 0, JUNIOR: 0 };
  const levelOffset: Record<DemoLevel, number> = { SENIOR: 1, MID: 3, JUNIOR: 5 };
  for (const person of OTHER_PEOPLE) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    let email = `${slugify(first)}.${slugify(last)}@faultline.dev`;
    for (let n = 2; emails.has(email); n++) email = `${slugify(first)}.${slugify(last)}${n}@faultline.dev`;
    emails.add(email);
    let githubLogin: string | null = null;
    if (options.rng.chance(0.65)) {
      githubLogin = `${slugify(first).slice(0, 1)}${slugify(last)}`;
      for (let n = 2; logins.has(githubLogin); n++) githubLogin = `${slugify(first).slice(0, 1)}${slugify(last)}${n}`;
      logins.add(githubLogin);
    }
    const teamIndex = (perLevel[person.level]++ + levelOffset[person.level]) % DEMO_TEAMS.length;
    specs.push({ email, name: `${first} ${last}`, role: person.role, level: person.level, teamIndex, githubLogin });
  }

  // One hash for everybody: bcrypt at cost 10 takes ~70 ms per call.
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const rows = await db.user.createManyAndReturn({
    data: specs.map((spec) => ({
      email: spec.email,
      name: spec.name,
      role: spec.role,
      level: spec.level,
      teamId: options.teamIds[spec.teamIndex],
      githubLogin: spec.githubLogin,
      passwordHash,
      createdAt: options.createdAt,
      demo: true,
    })),
    select: { id: true, email: true },
  });
  const idByEmail = new Map(rows.map((row) => [row.email, row.id]));
  const people: DemoPerson[] = specs.map((spec) => ({
    id: idByEmail.get(spec.email)!,
    name: spec.name,
    level: spec.level,
    role: spec.role,
    teamIndex: spec.teamIndex,
  }));
  const accounts: DemoAccount[] = DEMO_ACCOUNT_SPECS.map((spec) => ({
    email: spec.email,
    password: DEMO_PASSWORD,
    role: spec.role,
    level: spec.level,
    name: spec.name,
  }));
  return { people, accounts };
}
