import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center text-center">
      <p className="font-mono text-sm text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">This page does not exist</h1>
      <p className="mt-2 text-sm text-slate-600">It may have been removed, or the link is mistyped.</p>
      <ButtonLink href="/incidents" className="mt-6">
        Go to incidents
      </ButtonLink>
    </div>
  );
}
