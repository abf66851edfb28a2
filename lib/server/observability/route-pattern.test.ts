import { describe, expect, it } from "vitest";
import { routePatternOf, routeTableFrom, UNMATCHED } from "./route-pattern";

// The shape Next.js writes to .next/routes-manifest.json.
const table = routeTableFrom({
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/incidents", regex: "^/incidents(?:/)?$" },
    { page: "/metrics", regex: "^/metrics(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/incidents/[id]", regex: "^/incidents/([^/]+?)(?:/)?$" },
    { page: "/api/v1/incidents/[id]/changes/[changeId]", regex: "^/api/v1/incidents/([^/]+?)/changes/([^/]+?)(?:/)?$" },
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
    { page: "/broken", regex: "(" },
  ],
});

describe("routePatternOf", () => {
  it.each([
    ["/", "/"],
    ["/incidents", "/incidents"],
    ["/incidents/", "/incidents"],
    ["/incidents/4711", "/incidents/[id]"],
    ["/incidents/flt_secretlooking", "/incidents/[id]"],
    ["/api/v1/incidents/1/changes/2", "/api/v1/incidents/[id]/changes/[changeId]"],
    ["/api/auth/callback/credentials", "/api/auth/[...nextauth]"],
    ["/_next/static/chunks/abc123.js", "/_next/static"],
    ["/_next/image", "/_next/image"],
    ["/favicon.ico", "/[public-file]"],
    ["/wp-admin/setup.php", UNMATCHED],
    ["/incidents/1/2/3", UNMATCHED],
    ["/" + "x".repeat(10_000), UNMATCHED],
  ])("%s → %s", (path, route) => expect(routePatternOf(path, table)).toBe(route));

  it("keeps the label set bounded: a thousand different paths give a handful of labels", () => {
    const labels = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      labels.add(routePatternOf(`/incidents/${i}`, table));
      labels.add(routePatternOf(`/scan/${i}/x`, table));
      labels.add(routePatternOf(`/_next/static/${i}.js`, table));
    }
    expect([...labels].sort()).toEqual(["/_next/static", "/incidents/[id]", UNMATCHED].sort());
  });
});
