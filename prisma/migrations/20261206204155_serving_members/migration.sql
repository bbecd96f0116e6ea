-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'member';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "servingMemberId" TEXT;

-- CreateTable
CREATE TABLE "ServingEmployer" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "partyOrgName" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "communityId" TEXT,
    "registeredOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "ServingEmployer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServingMember" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "employerId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "idNumberHash" TEXT,
    "idNumberLast4" TEXT,
    "email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "skills" JSONB NOT NULL DEFAULT '[]',
    "posts" JSONB NOT NULL DEFAULT '[]',
    "registeredOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "ServingMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceNeed" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT,
    "neededOn" DATE NOT NULL,
    "slots" INTEGER NOT NULL,
    "claimBy" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "cancelReason" TEXT,
    "publishedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "ServiceNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedClaim" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "NeedClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceRecord" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "claimId" TEXT,
    "servedOn" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "confirmedBy" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceFeedback" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "employerId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "members" INTEGER NOT NULL,
    "services" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "confirmedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceEvaluation" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "comment" TEXT,
    "evaluatedBy" TEXT NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServingRule" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "participationPeriod" TEXT NOT NULL DEFAULT 'year',
    "minServices" INTEGER NOT NULL DEFAULT 4,
    "participationReminderLadder" JSONB NOT NULL DEFAULT '[20, 5]',
    "claimConfirmWithinDays" INTEGER NOT NULL DEFAULT 3,
    "claimCommunityAfterDays" INTEGER NOT NULL DEFAULT 2,
    "receiptWithinDays" INTEGER NOT NULL DEFAULT 5,
    "receiptOfficeAfterDays" INTEGER NOT NULL DEFAULT 3,
    "receiptValidDays" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServingRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServingEmployer_code_key" ON "ServingEmployer"("code");

-- CreateIndex
CREATE INDEX "ServingEmployer_communityId_idx" ON "ServingEmployer"("communityId");

-- CreateIndex
CREATE INDEX "ServingMember_communityId_idx" ON "ServingMember"("communityId");

-- CreateIndex
CREATE INDEX "ServingMember_employerId_idx" ON "ServingMember"("employerId");

-- CreateIndex
CREATE UNIQUE INDEX "ServingMember_phone_key" ON "ServingMember"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "ServingMember_idNumberHash_key" ON "ServingMember"("idNumberHash");

-- CreateIndex
CREATE INDEX "ServiceNeed_communityId_neededOn_idx" ON "ServiceNeed"("communityId", "neededOn");

-- CreateIndex
CREATE INDEX "NeedClaim_memberId_idx" ON "NeedClaim"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "NeedClaim_needId_memberId_key" ON "NeedClaim"("needId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRecord_claimId_key" ON "ServiceRecord"("claimId");

-- CreateIndex
CREATE INDEX "ServiceRecord_memberId_servedOn_idx" ON "ServiceRecord"("memberId", "servedOn");

-- CreateIndex
CREATE INDEX "ServiceRecord_communityId_servedOn_idx" ON "ServiceRecord"("communityId", "servedOn");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceFeedback_tokenHash_key" ON "ServiceFeedback"("tokenHash");

-- CreateIndex
CREATE INDEX "ServiceFeedback_periodKey_idx" ON "ServiceFeedback"("periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceFeedback_communityId_employerId_periodKey_key" ON "ServiceFeedback"("communityId", "employerId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceEvaluation_communityId_year_subjectKind_subjectId_key" ON "ServiceEvaluation"("communityId", "year", "subjectKind", "subjectId");

-- AddForeignKey
ALTER TABLE "ServingMember" ADD CONSTRAINT "ServingMember_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "ServingEmployer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedClaim" ADD CONSTRAINT "NeedClaim_needId_fkey" FOREIGN KEY ("needId") REFERENCES "ServiceNeed"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedClaim" ADD CONSTRAINT "NeedClaim_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "ServingMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "ServingMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "NeedClaim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
