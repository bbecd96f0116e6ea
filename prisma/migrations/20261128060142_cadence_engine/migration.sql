-- AlterTable
ALTER TABLE "CadenceRule" DROP COLUMN "reminderOffsetDays",
ADD COLUMN     "countAdhoc" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "reminderLadder" JSONB NOT NULL DEFAULT '[10, 3, 1]',
ADD COLUMN     "supervisorAfterDays" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "plannedMeetingId" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "audience" TEXT NOT NULL DEFAULT 'convener',
ADD COLUMN     "channelNote" TEXT;

-- AlterTable
ALTER TABLE "PeriodOutcome" ADD COLUMN     "correctedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "convenerPhone" TEXT,
ADD COLUMN     "streetId" TEXT,
ADD COLUMN     "webhookUrl" TEXT;

-- CreateTable
CREATE TABLE "Supervisor" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "webhookUrl" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Supervisor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlannedMeeting" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "plannedFor" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "invitees" JSONB NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'planned',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlannedMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Supervisor_email_key" ON "Supervisor"("email");

-- CreateIndex
CREATE INDEX "PlannedMeeting_unitId_idx" ON "PlannedMeeting"("unitId");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_plannedMeetingId_key" ON "Meeting"("plannedMeetingId");

-- CreateIndex
CREATE INDEX "PeriodOutcome_obligation_status_idx" ON "PeriodOutcome"("obligation", "status");

-- CreateIndex
CREATE INDEX "Unit_streetId_idx" ON "Unit"("streetId");

-- CreateIndex
CREATE INDEX "Unit_level_idx" ON "Unit"("level");

-- AddForeignKey
ALTER TABLE "PlannedMeeting" ADD CONSTRAINT "PlannedMeeting_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
