import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Which Chromium the end-to-end tests drive: $CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else a browser Playwright installed itself. Never downloads one.
 */
export function resolveChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    safePlaywrightPath(),
  ].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), " +
        "or set CHROMIUM_PATH to a Chrome/Chromium binary, or run `npx playwright install chromium` where downloads are allowed.",
    );
  }
  return found;
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
