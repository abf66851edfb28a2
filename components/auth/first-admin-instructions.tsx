/** What the sign-in page shows an organisation with no users yet: how to create the first admin. */
export function FirstAdminInstructions() {
  const code = "mt-2 block overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100";
  return (
    <section aria-labelledby="first-admin" className="space-y-4 text-sm text-slate-700">
      <h2 id="first-admin" className="text-base font-semibold text-slate-900">
        Create the first admin
      </h2>
      <p>This organisation has no users yet, so nobody can sign in. Create the first admin in one of two ways:</p>
      <div>
        <p>On the server, in the Faultline folder, with the same DATABASE_URL as the app:</p>
        <code className={code}>npx faultline admin create --email you@example.com --name &quot;Your Name&quot;</code>
        <p className="mt-1 text-xs text-slate-500">It asks for a password (or pass --password).</p>
      </div>
      <div>
        <p>Or set these two variables and restart the app; it creates that admin once, on the first start:</p>
        <code className={code}>FAULTLINE_ADMIN_EMAIL=you@example.com FAULTLINE_ADMIN_PASSWORD=… npm start</code>
      </div>
      <p>
        Then reload this page and sign in. The README&apos;s “Start for real” section goes on with tokens and importing
        history.
      </p>
    </section>
  );
}
