"use client";

import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { createServiceAction } from "@/lib/actions/teams/create-service";
import { createTeamAction } from "@/lib/actions/teams/create-team";
import { renameTeamAction } from "@/lib/actions/teams/rename-team";
import { setServiceArchivedAction } from "@/lib/actions/teams/set-service-archived";
import { setTeamArchivedAction } from "@/lib/actions/teams/set-team-archived";
import { updateServiceAction } from "@/lib/actions/teams/update-service";
import { SERVICE_TIERS, SERVICE_TIER_LABELS } from "@/lib/schemas/admin-team";

type TeamOption = { id: number; name: string };
type AdminService = { id: number; name: string; slug: string; tier: string; archivedAt: Date | null };
export type AdminTeam = {
  id: number;
  name: string;
  slug: string;
  archivedAt: Date | null;
  activeMembers: number;
  services: AdminService[];
};

function TierSelect({ label, value }: { label: string; value?: string }) {
  return (
    <select name="tier" aria-label={label} defaultValue={value ?? "INTERNAL"} className={`${inputClasses} py-1.5`}>
      {SERVICE_TIERS.map((tier) => (
        <option key={tier} value={tier}>
          {SERVICE_TIER_LABELS[tier]}
        </option>
      ))}
    </select>
  );
}

function TeamSelect({ label, teams, value }: { label: string; teams: TeamOption[]; value?: number }) {
  return (
    <select name="teamId" aria-label={label} defaultValue={value ?? ""} className={`${inputClasses} py-1.5`}>
      {value === undefined ? <option value="">Pick a team</option> : null}
      {teams.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </select>
  );
}

export function CreateTeamForm() {
  return (
    <ActionForm action={createTeamAction} resetOnSuccess label="Create a team" className="space-y-3">
      {({ fieldErrors, pending }) => (
        <div className="flex flex-wrap items-start gap-2">
          <div className="min-w-48 flex-1">
            <input
              name="name"
              placeholder="e.g. Storefront"
              aria-label="New team name"
              className={inputClasses}
              aria-invalid={Boolean(fieldErrors.name)}
            />
            <FieldError errors={fieldErrors.name} />
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            Create team
          </Button>
        </div>
      )}
    </ActionForm>
  );
}

export function CreateServiceForm({ teams }: { teams: TeamOption[] }) {
  return (
    <ActionForm action={createServiceAction} resetOnSuccess label="Create a service" className="space-y-3">
      {({ fieldErrors, pending }) => (
        <div className="grid gap-2 sm:grid-cols-[1fr_1fr_1fr_auto]">
          <div>
            <input
              name="name"
              placeholder="e.g. checkout-api"
              aria-label="New service name"
              className={inputClasses}
              aria-invalid={Boolean(fieldErrors.name)}
            />
            <FieldError errors={fieldErrors.name} />
          </div>
          <div>
            <TeamSelect label="Team of the new service" teams={teams} />
            <FieldError errors={fieldErrors.teamId} />
          </div>
          <div>
            <TierSelect label="Tier of the new service" />
            <FieldError errors={fieldErrors.tier} />
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            Create service
          </Button>
        </div>
      )}
    </ActionForm>
  );
}

function ArchiveButton({
  action,
  hidden,
  name,
  archived,
}: {
  action: typeof setTeamArchivedAction;
  hidden: Record<string, string | number>;
  name: string;
  archived: boolean;
}) {
  return (
    <ActionForm
      action={action}
      hidden={{ ...hidden, archived: archived ? "false" : "true" }}
      label={`${archived ? "Unarchive" : "Archive"} ${name}`}
      className="flex items-center gap-2"
    >
      {({ pending }) => (
        <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1.5 text-xs">
          {archived ? "Unarchive" : "Archive"}
        </Button>
      )}
    </ActionForm>
  );
}

/** One team: rename, archive, and its services each editable on one line. */
export function TeamEditor({ team, teams }: { team: AdminTeam; teams: TeamOption[] }) {
  const archived = team.archivedAt !== null;
  return (
    <section aria-label={`Team ${team.name}`} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-start gap-3 border-b border-slate-200 px-5 py-3">
        <ActionForm
          action={renameTeamAction}
          hidden={{ teamId: team.id }}
          label={`Rename ${team.name}`}
          className="flex min-w-64 flex-1 flex-wrap items-start gap-2"
        >
          {({ fieldErrors, pending }) => (
            <>
              <div className="min-w-48 flex-1">
                <input
                  name="name"
                  defaultValue={team.name}
                  aria-label={`Name of team ${team.name}`}
                  className={`${inputClasses} py-1.5 font-semibold`}
                />
                <FieldError errors={fieldErrors.name} />
              </div>
              <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1.5 text-xs">
                Rename
              </Button>
            </>
          )}
        </ActionForm>
        <div className="flex w-72 items-center justify-end gap-3 pt-1.5 text-xs text-slate-500">
          <span className="truncate font-mono" title="Slug">
            {team.slug}
          </span>
          <span className="whitespace-nowrap">
            {team.activeMembers} {team.activeMembers === 1 ? "member" : "members"}
          </span>
          {archived ? <Badge tone="slate">Archived</Badge> : null}
        </div>
        <ArchiveButton
          action={setTeamArchivedAction}
          hidden={{ teamId: team.id }}
          name={`team ${team.name}`}
          archived={archived}
        />
      </header>
      {team.services.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">No services yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 px-5">
          {team.services.map((service) => (
            <li key={service.id} className="flex flex-wrap items-start gap-2 py-2">
              <ActionForm
                action={updateServiceAction}
                hidden={{ serviceId: service.id }}
                label={`Edit service ${service.name}`}
                className="grid min-w-0 flex-1 gap-2 sm:grid-cols-[1fr_12rem_14rem_auto]"
              >
                {({ fieldErrors, pending }) => (
                  <>
                    <div>
                      <input
                        name="name"
                        defaultValue={service.name}
                        aria-label={`Name of service ${service.name}`}
                        className={`${inputClasses} py-1.5`}
                      />
                      <FieldError errors={fieldErrors.name} />
                    </div>
                    <div>
                      <TeamSelect
                        label={`Team of service ${service.name}`}
                        teams={archived ? [...teams, { id: team.id, name: `${team.name} (archived)` }] : teams}
                        value={team.id}
                      />
                      <FieldError errors={fieldErrors.teamId} />
                    </div>
                    <TierSelect label={`Tier of service ${service.name}`} value={service.tier} />
                    <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1.5 text-xs">
                      Save
                    </Button>
                  </>
                )}
              </ActionForm>
              <div className="flex items-center gap-2 pt-1">
                {service.archivedAt ? <Badge tone="slate">Archived</Badge> : null}
                <ArchiveButton
                  action={setServiceArchivedAction}
                  hidden={{ serviceId: service.id }}
                  name={`service ${service.name}`}
                  archived={service.archivedAt !== null}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
