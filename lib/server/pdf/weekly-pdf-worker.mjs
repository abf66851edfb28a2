// The weekly report PDF renderer's worker thread (decision 025). Rendering is CPU-bound
// layout that would block the server's event loop for seconds, so it runs here, under the
// time and memory limits render-weekly-pdf.ts sets. The renderer is TypeScript/TSX shared
// with the rest of the app; tsx (a runtime dependency) compiles it once, cached on disk.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

const root = workerData.root;
register({ tsconfig: path.join(root, "tsconfig.json") });
const { weeklyPdf } = await import(pathToFileURL(path.join(root, "lib/reports/weekly-pdf.tsx")).href);

parentPort.on("message", async ({ id, model }) => {
  try {
    const pdf = new Uint8Array(await weeklyPdf(model));
    parentPort.postMessage({ id, pdf }, [pdf.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
