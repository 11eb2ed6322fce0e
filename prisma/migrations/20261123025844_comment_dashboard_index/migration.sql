-- CreateIndex
CREATE INDEX "Comment_versionId_status_paragraphId_type_organizationId_origin_submittedAt_duplicateGroupId_id_idx" ON "Comment"("versionId", "status", "paragraphId", "type", "organizationId", "origin", "submittedAt", "duplicateGroupId", "id");

