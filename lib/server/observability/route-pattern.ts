import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Turns a request path into the route it matched ("/incidents/[id]"), so that metrics and logs
 * label requests by a bounded set of routes, never by raw paths (ids, weeks, tokens in paths).
 * The routes come from the build's own manifest (.next/routes-manifest.json); a path that
 * matches none is "unmatched" (404s, scanners), static assets are one label each.
 */
export type RouteTable = { exact: Map<string, string>; dynamic: { page: string; regex: RegExp }[] };

type Manifest = {
  staticRoutes?: { page: string; regex: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
};

export function routeTableFrom(manifest: Manifest): RouteTable {
  const exact = new Map<string, string>();
  for (const route of manifest.staticRoutes ?? []) exact.set(route.page, route.page);
  const dynamic: RouteTable["dynamic"] = [];
  for (const route of manifest.dynamicRoutes ?? []) {
    try {
      dynamic.push({ page: route.page, regex: new RegExp(route.regex) });
    } catch {
      // A pattern this Node cannot compile: that route is counted as "unmatched".
    }
  }
  return { exact, dynamic };
}

export const UNMATCHED = "unmatched";

export function routePatternOf(pathname: string, table: RouteTable): string {
  if (pathname.startsWith("/_next/static/")) return "/_next/static";
  if (pathname.startsWith("/_next/image")) return "/_next/image";
  if (pathname.startsWith("/_next/")) return "/_next";
  const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  const exact = table.exact.get(trimmed);
  if (exact) return exact;
  for (const route of table.dynamic) if (route.regex.test(trimmed)) return route.page;
  // public/ files (favicon.ico, icon.svg): one label for all of them.
  if (/^\/[^/]+\.[a-z0-9]{1,8}$/i.test(trimmed)) return "/[public-file]";
  return UNMATCHED;
}

const holder = globalThis as typeof globalThis & { __faultlineRouteTable?: RouteTable };

/** The running build's routes (read once); without a build (dev, tests) every path is "unmatched". */
export function currentRouteTable(): RouteTable {
  if (!holder.__faultlineRouteTable) {
    let manifest: Manifest = {};
    try {
      const file = path.join(/*turbopackIgnore: true*/ process.cwd(), ".next", "routes-manifest.json");
      manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    } catch {
      // no build here
    }
    holder.__faultlineRouteTable = routeTableFrom(manifest);
  }
  return holder.__faultlineRouteTable;
}
