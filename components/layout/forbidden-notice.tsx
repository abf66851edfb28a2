"use client";

import { usePathname } from "next/navigation";
import { AccessNotice } from "@/components/ui/access-notice";
import { accessNoticeFor } from "@/lib/domain/access-notices";

/** The 403 page's text, chosen by the path (forbidden.tsx receives no props). */
export function ForbiddenNotice() {
  const notice = accessNoticeFor(usePathname());
  return <AccessNotice title={notice.title}>{notice.body}</AccessNotice>;
}
