import { ForbiddenNotice } from "@/components/layout/forbidden-notice";

/** Rendered, with HTTP 403, when a page calls forbidden() (next.config: experimental.authInterrupts). */
export default function Forbidden() {
  return <ForbiddenNotice />;
}
