-- Written by hand: behaviour the Prisma schema cannot express.

-- The audit log is append-only: history that can be edited is not history.
CREATE FUNCTION "faultline_audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "faultline_audit_log_append_only"();

-- Every organisation starts with its settings row and the default approval policy:
-- AI-assisted changes of junior and mid-level authors need a senior's approval.
INSERT INTO "OrgSettings" ("id", "name", "timeZone", "updatedAt") VALUES (1, 'Faultline', 'UTC', now());
INSERT INTO "ApprovalPolicy" ("levelsRequiring", "approverLevels", "allowSelfApproval", "exemptInvolvements")
VALUES (ARRAY['JUNIOR', 'MID']::"Level"[], ARRAY['SENIOR']::"Level"[], false, ARRAY[]::"AiInvolvement"[]);
