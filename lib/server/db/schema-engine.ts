// Prisma's schema engine compiled to WebAssembly, running against in-memory PGlite
// databases (the native engine binary cannot be downloaded here). It writes new
// migrations and proves that schema.prisma and prisma/migrations agree; the running app
// never loads it. See docs/decisions/002-migrations-offline.md.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";

const require = createRequire(import.meta.url);

let engineModule: ReturnType<typeof instantiateEngineModule> | undefined;

/** Instantiated once per process: the generated glue caches views of the WASM memory. */
function loadEngineModule() {
  engineModule ??= instantiateEngineModule();
  return engineModule;
}

async function instantiateEngineModule() {
  const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const { instance } = await WebAssembly.instantiate(await readFile(path.join(pkgDir, "schema_engine_bg.wasm")), {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as unknown as WebAssembly.Exports & { __wbindgen_start: () => void };
  bg.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return bg;
}

/** An in-memory PGlite adapter whose executeScript really awaits the script (0.7.2 does not). */
async function connectInMemory() {
  const db = new PGlite();
  const adapter = await new PrismaPGlite(db).connect();
  adapter.executeScript = async (script: string) => {
    await db.exec(script);
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await db.close();
  };
  return adapter;
}

const inMemoryFactory: SqlMigrationAwareDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "faultline-pglite-memory",
  connect: connectInMemory,
  connectToShadowDb: connectInMemory,
};

async function withEngine<T>(run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bg = await loadEngineModule();
  const factory = bindMigrationAwareSqlAdapterFactory(inMemoryFactory);
  const engine = await bg.SchemaEngine.new({ datamodels: undefined }, () => {}, factory);
  try {
    return await run(engine);
  } catch (error) {
    // Errors raised inside the adapter come back as "External error id#N".
    const match = /External error id#(\d+)/.exec(String(error));
    const registered = match ? factory.errorRegistry.consumeError(Number(match[1])) : undefined;
    throw registered ? registered.error : error;
  } finally {
    engine.free();
  }
}

export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = path.join(migrationsDir, name, "migration.sql");
        return {
          path: path.join(migrationsDir, name),
          migrationFile: { path: file, content: { tag: "ok" as const, value: await readFile(file, "utf8") } },
        };
      }),
    ),
  };
}

/**
 * SQL that takes a database built by the migrations in `migrationsDir` to the one
 * `schema` describes; `null` when they already agree.
 */
export async function diffMigrationsToSchema(migrationsDir: string, schema: string): Promise<string | null> {
  const migrations = await readMigrationList(migrationsDir).catch(() => null);
  return withEngine(async (engine) => {
    const result = await engine.diff({
      from:
        migrations && migrations.migrationDirectories.length > 0
          ? { tag: "migrations", ...migrations }
          : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "" || /^-- This is an empty migration\.?$/.test(sql) ? null : `${sql}\n`;
  });
}
