import { AdminNav } from "./admin-nav";

/** The heading and tab bar every admin page starts with. */
export function AdminHeader({ current, intro }: { current: string; intro?: string }) {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
      {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
      <div className="mt-4">
        <AdminNav current={current} />
      </div>
    </div>
  );
}
