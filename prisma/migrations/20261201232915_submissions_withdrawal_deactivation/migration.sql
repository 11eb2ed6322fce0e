-- Hand-written: SQLite checks every trigger when a table is renamed, and the
-- three Disposition triggers (migration 20261123035307) name "Comment",
-- which the table redefinition below drops and renames. So they are dropped
-- first and created again, unchanged, at the end.
DROP TRIGGER "Disposition_insert_copy_status_to_comment";
DROP TRIGGER "Disposition_update_copy_status_to_comment";
DROP TRIGGER "Disposition_delete_copy_status_to_comment";

-- AlterTable
ALTER TABLE "User" ADD COLUMN "deactivatedAt" DATETIME;

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "consultationId" TEXT NOT NULL,
    "organizationId" TEXT,
    "submittedById" TEXT,
    "reference" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Submission_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Submission_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Submission_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "consultationId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "paragraphId" TEXT,
    "authorId" TEXT,
    "organizationId" TEXT,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "body" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "proposedText" TEXT,
    "quote" TEXT,
    "quoteStart" INTEGER,
    "quoteEnd" INTEGER,
    "quotePrefix" TEXT,
    "quoteSuffix" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'platform',
    "sourceAttribution" TEXT,
    "idempotencyKey" TEXT,
    "duplicateGroupId" TEXT,
    "dispositionStatus" TEXT,
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "withdrawnAt" DATETIME,
    "withdrawnById" TEXT,
    "withdrawalReason" TEXT,
    "submissionId" TEXT,
    "trackingNumber" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Comment_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("authorId", "body", "bodyHtml", "bodyText", "consultationId", "createdAt", "dispositionStatus", "duplicateGroupId", "id", "idempotencyKey", "organizationId", "origin", "paragraphId", "proposedText", "quote", "quoteEnd", "quotePrefix", "quoteStart", "quoteSuffix", "sourceAttribution", "status", "submittedAt", "submittedById", "type", "updatedAt", "versionId", "withdrawnAt") SELECT "authorId", "body", "bodyHtml", "bodyText", "consultationId", "createdAt", "dispositionStatus", "duplicateGroupId", "id", "idempotencyKey", "organizationId", "origin", "paragraphId", "proposedText", "quote", "quoteEnd", "quotePrefix", "quoteStart", "quoteSuffix", "sourceAttribution", "status", "submittedAt", "submittedById", "type", "updatedAt", "versionId", "withdrawnAt" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE UNIQUE INDEX "Comment_idempotencyKey_key" ON "Comment"("idempotencyKey");
CREATE UNIQUE INDEX "Comment_trackingNumber_key" ON "Comment"("trackingNumber");
CREATE INDEX "Comment_versionId_paragraphId_idx" ON "Comment"("versionId", "paragraphId");
CREATE INDEX "Comment_consultationId_status_idx" ON "Comment"("consultationId", "status");
CREATE INDEX "Comment_consultationId_duplicateGroupId_status_dispositionStatus_idx" ON "Comment"("consultationId", "duplicateGroupId", "status", "dispositionStatus");
CREATE INDEX "Comment_versionId_status_paragraphId_type_organizationId_origin_dispositionStatus_submittedAt_duplicateGroupId_id_idx" ON "Comment"("versionId", "status", "paragraphId", "type", "organizationId", "origin", "dispositionStatus", "submittedAt", "duplicateGroupId", "id");
CREATE INDEX "Comment_versionId_status_organizationId_origin_type_dispositionStatus_paragraphId_submittedAt_idx" ON "Comment"("versionId", "status", "organizationId", "origin", "type", "dispositionStatus", "paragraphId", "submittedAt");
CREATE INDEX "Comment_versionId_status_submittedAt_paragraphId_type_organizationId_origin_dispositionStatus_idx" ON "Comment"("versionId", "status", "submittedAt", "paragraphId", "type", "organizationId", "origin", "dispositionStatus");
CREATE INDEX "Comment_organizationId_idx" ON "Comment"("organizationId");
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");
CREATE INDEX "Comment_submissionId_idx" ON "Comment"("submissionId");
CREATE TABLE "new_Consultation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "commentsVisibility" TEXT NOT NULL DEFAULT 'after_close',
    "commentsPublishedAt" DATETIME,
    "dispositionsPublishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "commentSequence" INTEGER NOT NULL DEFAULT 0,
    "receiptSequence" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Consultation" ("commentsPublishedAt", "commentsVisibility", "createdAt", "dispositionsPublishedAt", "id", "slug", "status", "summary", "timeZone", "title") SELECT "commentsPublishedAt", "commentsVisibility", "createdAt", "dispositionsPublishedAt", "id", "slug", "status", "summary", "timeZone", "title" FROM "Consultation";
DROP TABLE "Consultation";
ALTER TABLE "new_Consultation" RENAME TO "Consultation";
CREATE UNIQUE INDEX "Consultation_slug_key" ON "Consultation"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Submission_reference_key" ON "Submission"("reference");

-- CreateIndex
CREATE INDEX "Submission_consultationId_organizationId_createdAt_idx" ON "Submission"("consultationId", "organizationId", "createdAt");


-- Hand-written: the Disposition triggers again (see the top).
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
