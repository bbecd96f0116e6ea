/**
 * The text of every notice the service sends. zh-CN first, English after it (English first
 * for a recipient whose locale is "en"). Each names the unit, the period, the due date and
 * what to do, and links to the page of the dashboard a person opens (never the API). Each notice
 * is plain text and an HTML part with the same words (the link as a button). One file per kind
 * of notice in this folder, its zh-CN and English side by side.
 */
import { type AbsenceNotice, absenceNoticeText } from './absence';
import { type CadenceNotice, cadenceNoticeText } from './cadence';
import { type CalendarNotice, calendarNoticeText } from './calendar';
import { type DigestNotice, digestNoticeText } from './digest';
import { type EscalationNotice, escalationNoticeText } from './escalation';
import { type EvaluationNotice, evaluationNoticeText } from './evaluation';
import { type InvitationNotice, invitationNoticeText } from './invitation';
import { type MinutesReminderNotice, minutesReminderNoticeText } from './minutes-reminder';
import { type ServingParticipationNotice, servingParticipationNoticeText } from './serving-participation';
import { type ServingClaimNotice, servingClaimNoticeText } from './serving-claim';
import { type ServingFeedbackNotice, servingFeedbackNoticeText } from './serving-feedback';
import type { Bilingual } from './text';
import { type VisitNotice, visitNoticeText } from './visit';

export type { AbsenceNotice } from './absence';
export type { CadenceNotice } from './cadence';
export type { CalendarNotice } from './calendar';
export type { DigestNotice } from './digest';
export type { EscalationNotice } from './escalation';
export type { EvaluationNotice } from './evaluation';
export type { InvitationNotice } from './invitation';
export type { MinutesReminderNotice } from './minutes-reminder';
export type { ServingParticipationNotice } from './serving-participation';
export type { ServingClaimNotice } from './serving-claim';
export type { ServingFeedbackNotice } from './serving-feedback';
export type { Bilingual, Lang, UnitRef } from './text';
export type { VisitNotice } from './visit';

export type NoticeInput =
  | CadenceNotice
  | InvitationNotice
  | MinutesReminderNotice
  | EscalationNotice
  | VisitNotice
  | AbsenceNotice
  | EvaluationNotice
  | CalendarNotice
  | DigestNotice
  | ServingParticipationNotice
  | ServingClaimNotice
  | ServingFeedbackNotice;

export interface NoticeText {
  subject: string;
  text: string;
  /** The same words as `text`, as an HTML document (inline styles only, the link as a button). */
  html: string;
}

/** A notice's text in both languages, by its kind. */
function noticeText(n: NoticeInput): Bilingual {
  switch (n.kind) {
    case 'cadence':
      return cadenceNoticeText(n);
    case 'invitation':
      return invitationNoticeText(n);
    case 'minutes-reminder':
      return minutesReminderNoticeText(n);
    case 'escalation':
      return escalationNoticeText(n);
    case 'visit':
      return visitNoticeText(n);
    case 'absence':
      return absenceNoticeText(n);
    case 'evaluation':
      return evaluationNoticeText(n);
    case 'calendar':
      return calendarNoticeText(n);
    case 'digest':
      return digestNoticeText(n);
    case 'serving-participation':
      return servingParticipationNoticeText(n);
    case 'serving-claim':
      return servingClaimNoticeText(n);
    case 'serving-feedback':
      return servingFeedbackNoticeText(n);
  }
}

/** The page of the dashboard a notice links to. */
export function noticeUrl(n: NoticeInput): string {
  if (
    n.kind === 'calendar' ||
    n.kind === 'evaluation' ||
    n.kind === 'digest' ||
    n.kind === 'serving-claim' ||
    n.kind === 'serving-feedback'
  )
    return n.url;
  if (n.kind === 'escalation') return n.item.url;
  return n.unit.url;
}

export function composeNotice(input: NoticeInput, locale: string): NoticeText {
  const english = locale === 'en';
  const { zh, en } = noticeText(input);
  const [first, second] = english ? [en, zh] : [zh, en];
  const langs = english ? (['en', 'zh-CN'] as const) : (['zh-CN', 'en'] as const);
  const url = noticeUrl(input);
  return {
    subject: first.subject,
    text: `${first.body.join('\n')}\n\n———\n\n${second.body.join('\n')}\n`,
    html: noticeHtml(
      first.subject,
      [
        { lang: langs[0], body: first.body },
        { lang: langs[1], body: second.body },
      ],
      url,
    ),
  };
}

// --- The HTML part --------------------------------------------------------------------------

/** Escape text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const FONT =
  "system-ui,-apple-system,'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif";

/** A line "label：url" / "label: url" becomes the button; every other line a paragraph. */
function htmlLine(line: string, url: string): string {
  const at = line.lastIndexOf(url);
  if (url && at > 0 && at + url.length === line.length && /^https?:\/\//.test(url)) {
    const label = line.slice(0, at).replace(/[：:]\s*$/, '');
    const href = escapeHtml(url);
    return (
      `<p style="margin:16px 0 4px"><a href="${href}" style="display:inline-block;background:#a5231b;color:#ffffff;` +
      `text-decoration:none;font-weight:600;padding:10px 20px;border-radius:6px">${escapeHtml(label)}</a></p>` +
      `<p style="margin:0 0 8px;font-size:12px;color:#565d66;word-break:break-all">${href}</p>`
    );
  }
  if (line === '') return '<div style="height:8px"></div>';
  return `<p style="margin:0 0 8px;white-space:pre-wrap">${escapeHtml(line)}</p>`;
}

function noticeHtml(subject: string, blocks: { lang: string; body: string[] }[], url: string): string {
  const sections = blocks.map(
    (b) =>
      `<div lang="${b.lang}" style="background:#ffffff;border:1px solid #e2ddd6;border-radius:10px;padding:20px 24px;margin:0 0 16px">` +
      b.body.map((line) => htmlLine(line, url)).join('') +
      '</div>',
  );
  return (
    `<!DOCTYPE html><html lang="${blocks[0]!.lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f4f2ef">` +
    `<div style="max-width:640px;margin:0 auto;padding:24px 12px;font-family:${escapeHtml(FONT)};font-size:15px;line-height:1.6;color:#1f2328">` +
    sections.join('') +
    '</div></body></html>\n'
  );
}
