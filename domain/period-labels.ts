/**
 * Period names as people read them, the same as the dashboard says them (web/src/i18n.ts):
 * 2026-Q4 → 2026年第四季度 / 2026 Q4, 2026-H1 → 2026年上半年 / 2026 H1, 2026-11 → 2026年11月 / Nov 2026, 2026 → 2026年 / 2026.
 * Pure; a key of no known form is returned as it is.
 */
export type LabelLang = 'zh' | 'en';

const QUARTERS_ZH = ['一', '二', '三', '四'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function periodLabel(key: string, lang: LabelLang): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    const q = Number(quarter[2]);
    return lang === 'en' ? `${quarter[1]} Q${q}` : `${quarter[1]}年第${QUARTERS_ZH[q - 1]}季度`;
  }
  const half = /^(\d{4})-H([12])$/.exec(key);
  if (half) return lang === 'en' ? `${half[1]} H${half[2]}` : `${half[1]}年${half[2] === '1' ? '上' : '下'}半年`;
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month) {
    const m = Number(month[2]);
    return lang === 'en' ? `${MONTHS_EN[m - 1]} ${month[1]}` : `${month[1]}年${m}月`;
  }
  if (/^\d{4}$/.test(key)) return lang === 'en' ? key : `${key}年`;
  return key;
}
