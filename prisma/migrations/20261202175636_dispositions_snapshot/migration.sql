-- CreateTable
CREATE TABLE "DispositionPublication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "consultationId" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,
    CONSTRAINT "DispositionPublication_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DispositionPublication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublishedDisposition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "publicationId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sectionId" TEXT,
    "paragraphNumber" TEXT,
    "paragraphKey" TEXT,
    "organization" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "quote" TEXT,
    "commentText" TEXT NOT NULL,
    "proposedText" TEXT,
    "status" TEXT,
    "response" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "PublishedDisposition_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "DispositionPublication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PublishedDisposition_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DispositionPublication_consultationId_publishedAt_idx" ON "DispositionPublication"("consultationId", "publishedAt");

-- CreateIndex
CREATE INDEX "PublishedDisposition_publicationId_versionId_position_idx" ON "PublishedDisposition"("publicationId", "versionId", "position");

-- CreateIndex
CREATE INDEX "PublishedDisposition_commentId_idx" ON "PublishedDisposition"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedDisposition_publicationId_commentId_key" ON "PublishedDisposition"("publicationId", "commentId");

