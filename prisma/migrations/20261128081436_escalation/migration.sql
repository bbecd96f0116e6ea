-- CreateEnum
CREATE TYPE "AgendaItemState" AS ENUM ('open', 'resolved', 'escalated', 'taken_up', 'answered', 'disputed', 'confirmed');

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "raisedBy" TEXT NOT NULL,
    "category" TEXT,
    "state" "AgendaItemState" NOT NULL DEFAULT 'open',
    "currentUnitId" TEXT NOT NULL,
    "resolution" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "hop" INTEGER NOT NULL,
    "fromUnitId" TEXT NOT NULL,
    "toUnitId" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "whyNotSolvable" TEXT NOT NULL,
    "ask" TEXT NOT NULL,
    "minutes" TEXT NOT NULL,
    "sourceMeetingId" TEXT,
    "escalatedAt" TIMESTAMP(3) NOT NULL,
    "escalatedBy" TEXT NOT NULL,
    "escalatedByRule" BOOLEAN NOT NULL DEFAULT false,
    "scheduleBy" DATE NOT NULL,
    "answerBy" DATE NOT NULL,
    "takenUpMeetingId" TEXT,
    "takenUpAt" TIMESTAMP(3),
    "round" INTEGER NOT NULL DEFAULT 0,
    "roundStartedAt" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "escalationId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "handleBy" DATE,
    "reason" TEXT,
    "answeredBy" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "response" TEXT,
    "responseReason" TEXT,
    "respondedBy" TEXT,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "id" TEXT NOT NULL,
    "escalationId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "approvedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlineExtension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationRule" (
    "level" "UnitLevel" NOT NULL,
    "scheduleWithinDays" INTEGER NOT NULL,
    "answerWithinDays" INTEGER NOT NULL,
    "reminderLadder" JSONB NOT NULL DEFAULT '[3, 1]',
    "supervisorAfterDays" INTEGER NOT NULL DEFAULT 2,
    "autoEscalateAfterDays" INTEGER,
    "confirmWithinDays" INTEGER NOT NULL DEFAULT 5,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EscalationRule_pkey" PRIMARY KEY ("level")
);

-- CreateTable
CREATE TABLE "EscalationStepRun" (
    "key" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EscalationStepRun_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "AgendaItem_unitId_idx" ON "AgendaItem"("unitId");

-- CreateIndex
CREATE INDEX "AgendaItem_currentUnitId_state_idx" ON "AgendaItem"("currentUnitId", "state");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_idx" ON "AgendaItem"("meetingId");

-- CreateIndex
CREATE INDEX "Escalation_toUnitId_state_idx" ON "Escalation"("toUnitId", "state");

-- CreateIndex
CREATE INDEX "Escalation_fromUnitId_idx" ON "Escalation"("fromUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_agendaItemId_hop_key" ON "Escalation"("agendaItemId", "hop");

-- CreateIndex
CREATE INDEX "Feedback_agendaItemId_idx" ON "Feedback"("agendaItemId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_escalationId_round_key" ON "Feedback"("escalationId", "round");

-- CreateIndex
CREATE INDEX "DeadlineExtension_escalationId_idx" ON "DeadlineExtension"("escalationId");

-- CreateIndex
CREATE INDEX "EscalationStepRun_agendaItemId_idx" ON "EscalationStepRun"("agendaItemId");

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
