-- CreateTable
CREATE TABLE "VersionEdition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "sourceFileName" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VersionEdition_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EditionParagraph" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "content" TEXT,
    CONSTRAINT "EditionParagraph_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "VersionEdition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EditionParagraph_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EditionSection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "heading" TEXT NOT NULL,
    CONSTRAINT "EditionSection_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "VersionEdition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EditionSection_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (columns added in place rather than the table rebuilt: the three
-- Disposition triggers of migration 20261123035307 name "Comment", and a
-- rebuild would have to drop and re-create them; both columns are nullable)
ALTER TABLE "Comment" ADD COLUMN "language" TEXT;
ALTER TABLE "Comment" ADD COLUMN "editionId" TEXT REFERENCES "VersionEdition" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Comment_editionId_idx" ON "Comment"("editionId");

-- CreateIndex
CREATE UNIQUE INDEX "VersionEdition_versionId_language_key" ON "VersionEdition"("versionId", "language");

-- CreateIndex
CREATE INDEX "EditionParagraph_paragraphId_idx" ON "EditionParagraph"("paragraphId");

-- CreateIndex
CREATE UNIQUE INDEX "EditionParagraph_editionId_paragraphId_key" ON "EditionParagraph"("editionId", "paragraphId");

-- CreateIndex
CREATE INDEX "EditionSection_sectionId_idx" ON "EditionSection"("sectionId");

-- CreateIndex
CREATE UNIQUE INDEX "EditionSection_editionId_sectionId_key" ON "EditionSection"("editionId", "sectionId");

