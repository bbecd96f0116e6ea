-- The weekly digest: a supervisor's opt-out and the digest's rule row (issue 14).
ALTER TABLE "Supervisor" ADD COLUMN "digestOptOut" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DigestRule" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "hour" INTEGER NOT NULL DEFAULT 9,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestRule_pkey" PRIMARY KEY ("id")
);
