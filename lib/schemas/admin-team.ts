import { z } from "zod";
import { recordId } from "./ids";

export const SERVICE_TIERS = ["CUSTOMER_CRITICAL", "CUSTOMER_FACING", "INTERNAL_CRITICAL", "INTERNAL"] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

export const SERVICE_TIER_LABELS: Record<ServiceTier, string> = {
  CUSTOMER_CRITICAL: "Customer-facing, critical",
  CUSTOMER_FACING: "Customer-facing",
  INTERNAL_CRITICAL: "Internal, critical",
  INTERNAL: "Internal",
};

const id = recordId();
const teamName = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters for the team name.")
  .max(80, "Keep the team name under 80 characters.");
const serviceName = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters for the service name.")
  .max(80, "Keep the service name under 80 characters.");
const teamId = recordId("Pick the team that owns the service.");
const tier = z.enum(SERVICE_TIERS, { error: "Pick a tier." });
const archived = z.enum(["true", "false"]).transform((v) => v === "true");

export const createTeamSchema = z.object({ name: teamName });
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const renameTeamSchema = z.object({ teamId: id, name: teamName });
export type RenameTeamInput = z.infer<typeof renameTeamSchema>;

export const setTeamArchivedSchema = z.object({ teamId: id, archived });
export type SetTeamArchivedInput = z.infer<typeof setTeamArchivedSchema>;

export const createServiceSchema = z.object({ name: serviceName, teamId, tier });
export type CreateServiceInput = z.infer<typeof createServiceSchema>;

export const updateServiceSchema = z.object({ serviceId: id, name: serviceName, teamId, tier });
export type UpdateServiceInput = z.infer<typeof updateServiceSchema>;

export const setServiceArchivedSchema = z.object({ serviceId: id, archived });
export type SetServiceArchivedInput = z.infer<typeof setServiceArchivedSchema>;
