-- Rules as data: when an event notice arising on a day off goes (wait for the next working day's
-- notice hour, or at once). Existing rows keep the default, wait.
ALTER TABLE "EntriesRule" ADD COLUMN "attendanceNotices" TEXT NOT NULL DEFAULT 'wait';
ALTER TABLE "EscalationRule" ADD COLUMN "eventNotices" TEXT NOT NULL DEFAULT 'wait';
