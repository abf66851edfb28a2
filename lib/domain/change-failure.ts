// PRODUCT.md: a change failed when it is linked to an incident as trigger or root cause,
// or it was rolled back. Contributing and suspected links do not make a change failed.
export const LINK_ROLES = ["TRIGGER", "ROOT_CAUSE", "CONTRIBUTING", "SUSPECTED"] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

export const FAILING_LINK_ROLES: readonly LinkRole[] = ["TRIGGER", "ROOT_CAUSE"];

export const LINK_ROLE_LABELS: Record<LinkRole, string> = {
  TRIGGER: "Trigger",
  ROOT_CAUSE: "Root cause",
  CONTRIBUTING: "Contributing",
  SUSPECTED: "Suspected",
};

export function isFailingRole(role: LinkRole): boolean {
  return FAILING_LINK_ROLES.includes(role);
}

export function isChangeFailed(change: { rolledBackAt: Date | null; linkRoles: readonly LinkRole[] }): boolean {
  return change.rolledBackAt !== null || change.linkRoles.some(isFailingRole);
}

/** An incident is AI-linked when one of its trigger or root-cause changes was AI-assisted. */
export function isIncidentAiLinked(links: ReadonlyArray<{ role: LinkRole; aiAssisted: boolean }>): boolean {
  return links.some((link) => isFailingRole(link.role) && link.aiAssisted);
}
