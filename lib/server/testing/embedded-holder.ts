// Child process for the embedded-lock tests: opens the embedded database in FAULTLINE_DATA_DIR
// through the app's own getConnection() (lock, PGlite, Prisma), writes a row every 100 ms and
// prints "ready" once the first write landed. Run with:
//   node --conditions=react-server --import tsx lib/server/testing/embedded-holder.ts
import { getConnection } from "@/lib/server/db";

const connection = getConnection();
const db = connection.prisma;
await db.$executeRawUnsafe(
  "CREATE TABLE IF NOT EXISTS holder_write (id serial PRIMARY KEY, pid int, at timestamptz DEFAULT now())",
);
const write = () => db.$executeRaw`INSERT INTO holder_write (pid) VALUES (${process.pid})`;
await write();
console.log(`ready ${process.pid}`);
const timer = setInterval(() => {
  write().catch((error) => {
    console.error(`write failed: ${error instanceof Error ? error.message : error}`);
    process.exit(2);
  });
}, 100);
process.on("SIGTERM", () => {
  clearInterval(timer);
  void connection.close().then(() => process.exit(0));
});
