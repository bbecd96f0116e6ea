/** What every notice kind shares: the unit it names, and its text in one language and in both. */
import type { UnitLevel } from '../org';

export interface UnitRef {
  name: string;
  level: UnitLevel;
  url: string;
}

/** A notice's subject and body lines in one language. */
export type Lang = { subject: string; body: string[] };

/** A notice's text in both languages, zh-CN and English. */
export type Bilingual = { zh: Lang; en: Lang };
