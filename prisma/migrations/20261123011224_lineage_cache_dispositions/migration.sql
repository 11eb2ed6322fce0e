-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "duplicateGroupId" TEXT;

-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN "dispositionsPublishedAt" DATETIME;

-- CreateTable
CREATE TABLE "ParagraphLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromParagraphId" TEXT NOT NULL,
    "toParagraphId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "moved" BOOLEAN NOT NULL DEFAULT false,
    "renumbered" BOOLEAN NOT NULL DEFAULT false,
    "similarity" REAL NOT NULL,
    CONSTRAINT "ParagraphLink_fromParagraphId_fkey" FOREIGN KEY ("fromParagraphId") REFERENCES "Paragraph" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ParagraphLink_toParagraphId_fkey" FOREIGN KEY ("toParagraphId") REFERENCES "Paragraph" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComparisonCache" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromVersionId" TEXT NOT NULL,
    "toVersionId" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Disposition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "response" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Disposition_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ParagraphLink_toParagraphId_idx" ON "ParagraphLink"("toParagraphId");

-- CreateIndex
CREATE UNIQUE INDEX "ParagraphLink_fromParagraphId_toParagraphId_key" ON "ParagraphLink"("fromParagraphId", "toParagraphId");

-- CreateIndex
CREATE UNIQUE INDEX "ComparisonCache_fromVersionId_toVersionId_algorithm_key" ON "ComparisonCache"("fromVersionId", "toVersionId", "algorithm");

-- CreateIndex
CREATE UNIQUE INDEX "Disposition_commentId_key" ON "Disposition"("commentId");

-- CreateIndex
CREATE INDEX "Disposition_status_idx" ON "Disposition"("status");

-- CreateIndex
CREATE INDEX "Comment_consultationId_duplicateGroupId_idx" ON "Comment"("consultationId", "duplicateGroupId");

