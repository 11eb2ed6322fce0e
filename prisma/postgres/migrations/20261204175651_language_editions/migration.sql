-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "editionId" TEXT,
ADD COLUMN     "language" TEXT;

-- CreateTable
CREATE TABLE "VersionEdition" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "sourceFileName" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VersionEdition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EditionParagraph" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "content" TEXT,

    CONSTRAINT "EditionParagraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EditionSection" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "heading" TEXT NOT NULL,

    CONSTRAINT "EditionSection_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "Comment_editionId_idx" ON "Comment"("editionId");

-- AddForeignKey
ALTER TABLE "VersionEdition" ADD CONSTRAINT "VersionEdition_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionParagraph" ADD CONSTRAINT "EditionParagraph_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "VersionEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionParagraph" ADD CONSTRAINT "EditionParagraph_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionSection" ADD CONSTRAINT "EditionSection_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "VersionEdition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionSection" ADD CONSTRAINT "EditionSection_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "VersionEdition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

