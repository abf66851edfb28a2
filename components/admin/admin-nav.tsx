import { TabNav } from "@/components/ui/tab-nav";

const ITEMS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/teams", label: "Teams & services" },
  { href: "/admin/lists", label: "Managed lists" },
  { href: "/admin/policy", label: "Approval policy" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/import", label: "Import" },
  { href: "/admin/integrations", label: "Integrations" },
  { href: "/admin/webhooks", label: "Outbound webhooks" },
  { href: "/admin/slack", label: "Slack" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminNav({ current }: { current: string }) {
  return <TabNav label="Admin" tabs={ITEMS} current={current} />;
}
