-- DropIndex
DROP INDEX "Comment_versionId_status_paragraphId_type_organizationId_origin_submittedAt_duplicateGroupId_id_idx";

-- DropIndex
DROP INDEX "Comment_consultationId_duplicateGroupId_idx";

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "dispositionStatus" TEXT;

-- CreateIndex
CREATE INDEX "Comment_consultationId_duplicateGroupId_status_dispositionStatus_idx" ON "Comment"("consultationId", "duplicateGroupId", "status", "dispositionStatus");

-- CreateIndex
CREATE INDEX "Comment_versionId_status_paragraphId_type_organizationId_origin_dispositionStatus_submittedAt_duplicateGroupId_id_idx" ON "Comment"("versionId", "status", "paragraphId", "type", "organizationId", "origin", "dispositionStatus", "submittedAt", "duplicateGroupId", "id");

-- CreateIndex
CREATE INDEX "Comment_versionId_status_organizationId_origin_type_dispositionStatus_paragraphId_submittedAt_idx" ON "Comment"("versionId", "status", "organizationId", "origin", "type", "dispositionStatus", "paragraphId", "submittedAt");

-- CreateIndex
CREATE INDEX "Comment_versionId_status_submittedAt_paragraphId_type_organizationId_origin_dispositionStatus_idx" ON "Comment"("versionId", "status", "submittedAt", "paragraphId", "type", "organizationId", "origin", "dispositionStatus");

-- Backfill (hand-written): the status of each comment's disposition.
UPDATE "Comment" SET "dispositionStatus" = (SELECT d."status" FROM "Disposition" d WHERE d."commentId" = "Comment"."id")
WHERE "id" IN (SELECT "commentId" FROM "Disposition");

-- Triggers (hand-written; Prisma's schema cannot express them, and neither
-- introspection nor migrate diff sees them, so later migrations leave them
-- alone): every write to Disposition, by the app, a seed, a script or a
-- cascade, keeps Comment."dispositionStatus" equal to the disposition's
-- status, in the same statement. Rewriting the same status changes no
-- Comment row (and so no index).
CREATE TRIGGER "Disposition_insert_copy_status_to_comment" AFTER INSERT ON "Disposition"
BEGIN
  UPDATE "Comment" SET "dispositionStatus" = NEW."status" WHERE "id" = NEW."commentId";
END;

CREATE TRIGGER "Disposition_update_copy_status_to_comment" AFTER UPDATE OF "status", "commentId" ON "Disposition"
BEGIN
  UPDATE "Comment" SET "dispositionStatus" = NULL WHERE "id" = OLD."commentId" AND OLD."commentId" <> NEW."commentId";
  UPDATE "Comment" SET "dispositionStatus" = NEW."status" WHERE "id" = NEW."commentId" AND "dispositionStatus" IS NOT NEW."status";
END;

CREATE TRIGGER "Disposition_delete_copy_status_to_comment" AFTER DELETE ON "Disposition"
BEGIN
  UPDATE "Comment" SET "dispositionStatus" = NULL WHERE "id" = OLD."commentId";
END;
