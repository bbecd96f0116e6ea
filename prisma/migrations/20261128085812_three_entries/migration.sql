-- AlterTable
ALTER TABLE "User" ADD COLUMN     "departmentId" TEXT,
ADD COLUMN     "leaderId" TEXT;

-- CreateTable
CREATE TABLE "Leader" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "secretaryName" TEXT,
    "secretaryEmail" TEXT,
    "communityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "Leader_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentPairing" (
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "pairedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "DepartmentPairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "visitedOn" DATE NOT NULL,
    "periodKey" TEXT NOT NULL,
    "purposes" JSONB NOT NULL DEFAULT '[]',
    "notes" TEXT,
    "meetingId" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntriesRule" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "minDepartmentsPerCommunity" INTEGER NOT NULL,
    "maxDepartmentsPerCommunity" INTEGER NOT NULL,
    "visitPeriod" TEXT NOT NULL,
    "minVisits" INTEGER NOT NULL,
    "visitReminderLadder" JSONB NOT NULL,
    "visitSupervisorAfterDays" INTEGER NOT NULL,
    "absenceThreshold" INTEGER NOT NULL,
    "evaluationQuorum" INTEGER NOT NULL,
    "evaluationOpensOn" TEXT NOT NULL,
    "evaluationClosesOn" TEXT NOT NULL,
    "evaluationReminderEveryDays" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EntriesRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationCampaign" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quorum" INTEGER NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationBallot" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "raterKey" TEXT NOT NULL,
    "raterKind" TEXT NOT NULL,
    "raterName" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationBallot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationScore" (
    "id" TEXT NOT NULL,
    "ballotId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "EvaluationScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoBuildingBody" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "functions" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoBuildingBody_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoBuildingMember" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "joinedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoBuildingMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "pledge" TEXT NOT NULL,
    "kinds" JSONB NOT NULL DEFAULT '[]',
    "valueFen" INTEGER,
    "signedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticalThing" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "memberId" TEXT,
    "doneOn" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "valueFen" INTEGER NOT NULL DEFAULT 0,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticalThing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Leader_code_key" ON "Leader"("code");

-- CreateIndex
CREATE INDEX "Leader_communityId_idx" ON "Leader"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");

-- CreateIndex
CREATE INDEX "DepartmentPairing_communityId_idx" ON "DepartmentPairing"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentPairing_departmentId_communityId_key" ON "DepartmentPairing"("departmentId", "communityId");

-- CreateIndex
CREATE INDEX "Visit_leaderId_periodKey_idx" ON "Visit"("leaderId", "periodKey");

-- CreateIndex
CREATE INDEX "Visit_communityId_idx" ON "Visit"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "Visit_leaderId_meetingId_key" ON "Visit"("leaderId", "meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationCampaign_communityId_year_key" ON "EvaluationCampaign"("communityId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationBallot_campaignId_raterKey_key" ON "EvaluationBallot"("campaignId", "raterKey");

-- CreateIndex
CREATE INDEX "EvaluationScore_departmentId_idx" ON "EvaluationScore"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationScore_ballotId_departmentId_key" ON "EvaluationScore"("ballotId", "departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "CoBuildingBody_communityId_key" ON "CoBuildingBody"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "CoBuildingMember_bodyId_name_key" ON "CoBuildingMember"("bodyId", "name");

-- CreateIndex
CREATE INDEX "Commitment_memberId_idx" ON "Commitment"("memberId");

-- CreateIndex
CREATE INDEX "PracticalThing_bodyId_doneOn_idx" ON "PracticalThing"("bodyId", "doneOn");

-- AddForeignKey
ALTER TABLE "Leader" ADD CONSTRAINT "Leader_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentPairing" ADD CONSTRAINT "DepartmentPairing_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentPairing" ADD CONSTRAINT "DepartmentPairing_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Leader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationCampaign" ADD CONSTRAINT "EvaluationCampaign_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationBallot" ADD CONSTRAINT "EvaluationBallot_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "EvaluationCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationScore" ADD CONSTRAINT "EvaluationScore_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "EvaluationBallot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationScore" ADD CONSTRAINT "EvaluationScore_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoBuildingBody" ADD CONSTRAINT "CoBuildingBody_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoBuildingMember" ADD CONSTRAINT "CoBuildingMember_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "CoBuildingBody"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "CoBuildingMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticalThing" ADD CONSTRAINT "PracticalThing_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "CoBuildingBody"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticalThing" ADD CONSTRAINT "PracticalThing_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "CoBuildingMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;
