import "server-only";
import path from "node:path";
import * as workerThreads from "node:worker_threads";
import type { Worker, WorkerOptions } from "node:worker_threads";
import type { WeeklyReportModel } from "@/lib/reports/weekly-report-model";

/** Limits of one PDF render (README: FAULTLINE_PDF_*). */
export type PdfLimits = { timeMs: number; memoryMb: number };

const envNumber = (name: string, fallback: number, min: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= min ? value : fallback;
};

export function pdfLimits(): PdfLimits {
  return {
    timeMs: envNumber("FAULTLINE_PDF_TIME_LIMIT_MS", 30_000, 100),
    memoryMb: envNumber("FAULTLINE_PDF_MEMORY_LIMIT_MB", 256, 8),
  };
}

/** Why a render failed; the message says what to do. */
export class PdfRenderError extends Error {
  constructor(
    readonly reason: "time" | "memory" | "crash" | "busy",
    message: string,
  ) {
    super(message);
    this.name = "PdfRenderError";
  }
}

type Job = {
  model: WeeklyReportModel;
  limits: PdfLimits;
  resolve: (pdf: Uint8Array) => void;
  reject: (error: Error) => void;
};

// One worker thread per process, kept warm between renders (loading the renderer costs
// seconds) and stopped after FAULTLINE_PDF_WORKER_IDLE_MS without work, so its memory is
// given back. Renders run one at a time; a queue of more than MAX_QUEUED is refused.
const MAX_QUEUED = 4;
const queue: Job[] = [];
let running = false;
let worker: { thread: Worker; ready: Promise<void>; memoryMb: number } | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let nextId = 1;

/**
 * The worker's file, read at run time from the app folder: the bundler must not follow it
 * (it would try to bundle tsx and esbuild's binary), hence a path it cannot evaluate.
 */
function workerFile() {
  const name =
    process.env.FAULTLINE_PDF_WORKER_FILE ?? ["lib", "server", "pdf", "weekly-pdf-worker.mjs"].join(path.sep);
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), name);
}

function startWorker(memoryMb: number) {
  const options: WorkerOptions = {
    workerData: { root: process.cwd() },
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(32, memoryMb / 4) },
  };
  // Constructed indirectly: the bundler treats `new Worker(…)` as a file to bundle.
  const thread = Reflect.construct(workerThreads.Worker, [workerFile(), options]) as Worker;
  thread.unref();
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: { ready?: boolean }) => {
      if (message.ready) {
        thread.off("error", reject);
        resolve();
      }
    };
    thread.on("message", onMessage);
    thread.once("error", reject);
    thread.once("exit", (code) => reject(new Error(`The PDF worker stopped while starting (exit ${code}).`)));
  });
  const entry = { thread, ready, memoryMb };
  thread.once("exit", () => {
    if (worker === entry) worker = null;
  });
  return entry;
}

async function stopWorker() {
  const current = worker;
  worker = null;
  if (current) await current.thread.terminate();
}

/** Starts the renderer ahead of need (a report page was opened), if it is not running. */
export function prewarmPdfWorker(limits: PdfLimits = pdfLimits()) {
  if (worker || process.env.FAULTLINE_PDF_PREWARM === "off") return;
  worker = startWorker(limits.memoryMb);
  worker.ready.catch(() => {});
  armIdleTimer();
}

function armIdleTimer() {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(
    () => {
      if (!running && queue.length === 0) void stopWorker();
    },
    envNumber("FAULTLINE_PDF_WORKER_IDLE_MS", 60_000, 0),
  );
  idleTimer.unref();
}

function runOne(job: Job): Promise<Uint8Array> {
  if (worker && worker.memoryMb !== job.limits.memoryMb) void stopWorker();
  if (!worker) worker = startWorker(job.limits.memoryMb);
  const current = worker;
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, pdf?: Uint8Array) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      current.thread.off("message", onMessage);
      current.thread.off("error", onError);
      current.thread.off("exit", onExit);
      if (error) reject(error);
      else resolve(pdf!);
    };
    // The limit counts from the request, including a cold start of the worker.
    const timer = setTimeout(() => {
      void stopWorker();
      finish(
        new PdfRenderError(
          "time",
          `The PDF took longer than ${Math.round(job.limits.timeMs / 1000)} s and was stopped. Download the Markdown instead, or ask an admin to raise FAULTLINE_PDF_TIME_LIMIT_MS.`,
        ),
      );
    }, job.limits.timeMs);
    const onMessage = (message: { id?: number; pdf?: Uint8Array; error?: string }) => {
      if (message.id !== id) return;
      if (message.error)
        finish(
          new PdfRenderError("crash", `The PDF could not be made (${message.error}). Download the Markdown instead.`),
        );
      else finish(null, message.pdf);
    };
    const onError = (error: Error & { code?: string }) => {
      const memory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      finish(
        memory
          ? new PdfRenderError(
              "memory",
              `The PDF needed more than ${job.limits.memoryMb} MB and was stopped. Download the Markdown instead, or ask an admin to raise FAULTLINE_PDF_MEMORY_LIMIT_MB.`,
            )
          : new PdfRenderError("crash", `The PDF could not be made (${error.message}). Download the Markdown instead.`),
      );
    };
    const onExit = () =>
      finish(new PdfRenderError("crash", "The PDF worker stopped unexpectedly. Try again, or download the Markdown."));
    current.thread.on("message", onMessage);
    current.thread.on("error", onError);
    current.thread.on("exit", onExit);
    current.ready.then(
      () => current.thread.postMessage({ id, model: job.model }),
      (error: Error & { code?: string }) => onError(error),
    );
  });
}

async function drain() {
  if (running) return;
  running = true;
  try {
    for (let job = queue.shift(); job; job = queue.shift()) {
      try {
        job.resolve(await runOne(job));
      } catch (error) {
        job.reject(error as Error);
      }
    }
  } finally {
    running = false;
    armIdleTimer();
  }
}

/**
 * Renders the weekly report PDF in a worker thread, off the event loop: the server keeps
 * answering other requests meanwhile. Rejects with PdfRenderError when the render passes
 * its time or memory limit (the worker is stopped, never left hanging) or the queue is full.
 */
export function renderWeeklyPdf(model: WeeklyReportModel, limits: PdfLimits = pdfLimits()): Promise<Uint8Array> {
  if (queue.length >= MAX_QUEUED)
    return Promise.reject(new PdfRenderError("busy", "Several PDFs are being made right now. Try again in a minute."));
  return new Promise((resolve, reject) => {
    queue.push({ model, limits, resolve, reject });
    void drain();
  });
}

/** Stops the worker (tests, shutdown). */
export async function stopPdfWorker() {
  if (idleTimer) clearTimeout(idleTimer);
  await stopWorker();
}
