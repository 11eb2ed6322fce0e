-- DropIndex
DROP INDEX "Comment_consultationId_duplicateGroupId_idx";

-- DropIndex (the old covering index: its name, cut to 63 characters, is
-- also the new one's below)
DROP INDEX "Comment_versionId_status_paragraphId_type_organizationId_or_idx";

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "dispositionStatus" TEXT;

-- CreateIndex
CREATE INDEX "Comment_consultationId_duplicateGroupId_status_dispositionS_idx" ON "Comment"("consultationId", "duplicateGroupId", "status", "dispositionStatus");

-- CreateIndex
CREATE INDEX "Comment_versionId_status_paragraphId_type_organizationId_or_idx" ON "Comment"("versionId", "status", "paragraphId", "type", "organizationId", "origin", "dispositionStatus", "submittedAt", "duplicateGroupId", "id");

-- CreateIndex
CREATE INDEX "Comment_versionId_status_organizationId_origin_type_disposi_idx" ON "Comment"("versionId", "status", "organizationId", "origin", "type", "dispositionStatus", "paragraphId", "submittedAt");

-- CreateIndex
CREATE INDEX "Comment_versionId_status_submittedAt_paragraphId_type_organ_idx" ON "Comment"("versionId", "status", "submittedAt", "paragraphId", "type", "organizationId", "origin", "dispositionStatus");

-- Backfill (hand-written): the status of each comment's disposition.
UPDATE "Comment" SET "dispositionStatus" = (SELECT d."status" FROM "Disposition" d WHERE d."commentId" = "Comment"."id")
WHERE "id" IN (SELECT "commentId" FROM "Disposition");

-- Trigger (hand-written, as Prisma's schema cannot express it, and the
-- schema diff that makes the next migration does not see it, so it stays):
-- every write to Disposition, by the app, a seed, a script or a cascade,
-- keeps Comment."dispositionStatus" equal to the disposition's status, in
-- the same statement, as the SQLite migration's three triggers do. The
-- PostgreSQL adapter runs a migration as the statements between its
-- semicolons, so the function's body is an E'' string that writes each of
-- its own semicolons as the escape \073.
CREATE FUNCTION "Disposition_copy_status_to_comment"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    UPDATE "Comment" SET "dispositionStatus" = NULL WHERE "id" = OLD."commentId"\073
    RETURN NULL\073
  END IF\073
  IF TG_OP = ''UPDATE'' THEN
    IF OLD."commentId" <> NEW."commentId" THEN
      UPDATE "Comment" SET "dispositionStatus" = NULL WHERE "id" = OLD."commentId"\073
    END IF\073
  END IF\073
  UPDATE "Comment" SET "dispositionStatus" = NEW."status"
  WHERE "id" = NEW."commentId" AND "dispositionStatus" IS DISTINCT FROM NEW."status"\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "Disposition_copy_status_to_comment"
AFTER INSERT OR DELETE OR UPDATE OF "status", "commentId" ON "Disposition"
FOR EACH ROW EXECUTE FUNCTION "Disposition_copy_status_to_comment"();
