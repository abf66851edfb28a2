import { TabNav } from "@/components/ui/tab-nav";

const TABS = [
  { href: "/help/definitions", label: "Definitions" },
  { href: "/help/api", label: "API reference" },
] as const;

/** Tabs between the help pages. */
export function HelpNav({ current }: { current: (typeof TABS)[number]["href"] }) {
  return <TabNav label="Help" tabs={TABS} current={current} />;
}
