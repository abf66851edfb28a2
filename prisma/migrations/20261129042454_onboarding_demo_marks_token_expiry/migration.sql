-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Change" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- Written by hand below.

-- Databases seeded before this migration: the demo organisation is recognisable by its
-- changes' source ('demo'), its people's reserved domain and the incidents they declared.
UPDATE "User" SET "demo" = true WHERE "email" LIKE '%@faultline.dev';
UPDATE "Change" SET "demo" = true WHERE "source" = 'demo';
UPDATE "Incident" SET "demo" = true
  WHERE "declaredById" IN (SELECT "id" FROM "User" WHERE "demo");

-- The audit log stays append-only, with one exception: removing the demo organisation
-- deletes the audit rows about demo rows (acted by a demo person, or about a demo incident,
-- change or person, checked here while those rows still exist). That transaction says so
-- with SET LOCAL faultline.audit_purge = 'demo' (lib/server/services/demo/remove-demo-data.ts)
-- and writes its own "demo.removed" row, which nothing can delete. UPDATE is never allowed.
CREATE OR REPLACE FUNCTION "faultline_audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('faultline.audit_purge', true) = 'demo'
     AND OLD."action" <> 'demo.removed'
     AND (
       EXISTS (SELECT 1 FROM "User" u WHERE u."id" = OLD."actorId" AND u."demo")
       OR (OLD."entityId" ~ '^[0-9]{1,9}$' AND (
         (OLD."entityType" = 'Incident' AND EXISTS (SELECT 1 FROM "Incident" i WHERE i."id" = OLD."entityId"::int AND i."demo"))
         OR (OLD."entityType" = 'Change' AND EXISTS (SELECT 1 FROM "Change" c WHERE c."id" = OLD."entityId"::int AND c."demo"))
         OR (OLD."entityType" = 'User' AND EXISTS (SELECT 1 FROM "User" u WHERE u."id" = OLD."entityId"::int AND u."demo"))
       ))
     ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
