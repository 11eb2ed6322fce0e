-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN "reminderDays" TEXT NOT NULL DEFAULT '7,1';
