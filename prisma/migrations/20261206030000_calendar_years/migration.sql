-- CreateTable
CREATE TABLE "CalendarYear" (
    "year" INTEGER NOT NULL,
    "offDays" JSONB NOT NULL,
    "makeupWorkdays" JSONB NOT NULL,
    "names" JSONB NOT NULL DEFAULT '{}',
    "source" TEXT NOT NULL,
    "noticeText" TEXT,
    "enteredBy" TEXT,
    "enteredAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("year")
);
