-- AlterTable
ALTER TABLE "AccountRequest" ADD COLUMN "locale" TEXT;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "locale" TEXT;

