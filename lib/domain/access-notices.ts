// What a signed-in person reads on a page their role may not use (HTTP 403 via next/navigation's
// forbidden(), rendered by app/(app)/forbidden.tsx, which cannot take props): why, and what to do.
// Most specific path first.

import type { Permission } from "@/lib/server/permissions";

export type AccessNoticeText = { title: string; body: string };
/** A page that needs one of `anyOf` (checked by the (app) layout, so the 403 is sent before streaming starts). */
type AccessRule = AccessNoticeText & { anyOf: Permission[] };

const NOTICES: ReadonlyArray<[RegExp, AccessRule]> = [
  [
    /^\/incidents\/new$/,
    {
      anyOf: ["incident:declare"],
      title: "You cannot declare incidents",
      body: "Your role can read incidents but not declare them. Ask an on-call engineer, or an admin to change your role.",
    },
  ],
  [
    /^\/incidents\/\d+\/audit$/,
    {
      anyOf: ["audit:read"],
      title: "Only admins can read the audit log",
      body: "Ask an admin if you need to know who changed this incident.",
    },
  ],
  [
    /^\/changes\/new$/,
    {
      anyOf: ["change:register", "change:register-for-others"],
      title: "You cannot register changes",
      body: "Your role can read changes but not register them. Ask the change's author, or an admin to change your role.",
    },
  ],
  [
    /^\/admin\/users(\/|$)/,
    {
      anyOf: ["users:manage"],
      title: "Only admins manage users",
      body: "Ask an admin to add a colleague or change a role or level.",
    },
  ],
  [
    /^\/admin\/teams(\/|$)/,
    {
      anyOf: ["teams:manage"],
      title: "Only admins manage teams and services",
      body: "Ask an admin to add or archive a team or service.",
    },
  ],
  [
    /^\/admin\/lists(\/|$)/,
    {
      anyOf: ["lists:manage"],
      title: "Only admins manage these lists",
      body: "Ask an admin to add the capability, factor, region or AI tool you need.",
    },
  ],
  [
    /^\/admin\/policy(\/|$)/,
    {
      anyOf: ["settings:manage"],
      title: "Only admins change the approval policy",
      body: "Ask an admin if the policy should change.",
    },
  ],
  [
    /^\/admin\/settings(\/|$)/,
    {
      anyOf: ["settings:manage"],
      title: "Only admins change the organisation settings",
      body: "Ask an admin if the name, time zone or sign-in settings need to change.",
    },
  ],
  [
    /^\/admin\/integrations(\/|$)/,
    {
      anyOf: ["integrations:manage"],
      title: "Only admins manage integrations",
      body: "Ask an admin to connect GitHub or Alertmanager.",
    },
  ],
  [
    /^\/admin\/webhooks(\/|$)/,
    {
      anyOf: ["integrations:manage"],
      title: "Only admins manage outbound webhooks",
      body: "Ask an admin to send Faultline events to your tool.",
    },
  ],
  [
    /^\/admin\/slack(\/|$)/,
    {
      anyOf: ["integrations:manage"],
      title: "Only admins manage Slack destinations",
      body: "Ask an admin to send Faultline events to your Slack channel.",
    },
  ],
  [
    /^\/admin\/tokens(\/|$)/,
    {
      anyOf: ["settings:manage"],
      title: "Only admins manage API tokens",
      body: "Ask an admin for a token for your CI or alerting.",
    },
  ],
  [
    /^\/admin\/import(\/|$)/,
    { anyOf: ["settings:manage"], title: "Only admins import history", body: "Ask an admin to import your incidents." },
  ],
  [
    /^\/admin\/audit(\/|$)/,
    {
      anyOf: ["audit:read"],
      title: "Only admins can read the audit log",
      body: "Ask an admin if you need to know who changed something.",
    },
  ],
];

const FALLBACK: AccessNoticeText = {
  title: "Your role cannot open this page",
  body: "Ask an admin if you need it, or go back to the incidents.",
};

export function accessNoticeFor(pathname: string): AccessNoticeText {
  return NOTICES.find(([pattern]) => pattern.test(pathname))?.[1] ?? FALLBACK;
}

/** The permissions a page needs (any one of them), or null when every signed-in person may open it. */
export function pagePermissions(pathname: string): Permission[] | null {
  return NOTICES.find(([pattern]) => pattern.test(pathname))?.[1].anyOf ?? null;
}
