/**
 * The events of a unit's timeline, newest first: meetings, items, escalations, answers, closed
 * periods and every notice sent (the receipts).
 */
import type { ComponentChildren } from 'preact';
import type { AgendaItem, ClosedPeriod, Meeting, Notification, Unit } from '../../api';
import type { I18n } from '../../i18n';
import type { Tone } from '../../ui';
import type { UnitRecord } from './record';

export interface TimelineEvent {
  key: string;
  /** ISO instant, for the order. */
  at: string;
  /** What the reader sees as the time. */
  when: string;
  kind: 'meeting' | 'item' | 'escalation' | 'answer' | 'period' | 'notice';
  title: string;
  detail?: ComponentChildren;
  tone?: Tone;
}

/** A calendar day's instant in Asia/Shanghai (midnight, UTC+8), for ordering. */
const dayInstant = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();

function meetingEvent(m: Meeting, { t, period }: I18n): TimelineEvent {
  return {
    key: `m-${m.id}`,
    at: dayInstant(m.heldOn),
    when: m.heldOn,
    kind: 'meeting',
    title: t('tl.meeting', { kind: t(`meeting.kind.${m.kind}`) }),
    detail: (
      <>
        {period(m.periodKey)} · {t('meeting.attendeeCount', { n: m.attendees.length })}
        {m.attendees.length > 0 && <>：{m.attendees.join('、')}</>}
        {m.minutes && <span class="minutes-line">{m.minutes}</span>}
      </>
    ),
  };
}

/** The item's escalations that came from or went to this unit, and their taking up here. */
function escalationEvents(item: AgendaItem, unit: Unit, names: Map<string, string>, i18n: I18n): TimelineEvent[] {
  const { t, dateTime } = i18n;
  const events: TimelineEvent[] = [];
  for (const hop of item.escalations) {
    if (hop.fromUnitId !== unit.id && hop.toUnitId !== unit.id) continue;
    events.push({
      key: `e-${hop.id}`,
      at: hop.escalatedAt,
      when: dateTime(hop.escalatedAt),
      kind: 'escalation',
      title: t('tl.escalated', { title: item.title, hop: hop.hop }),
      detail: `${names.get(hop.fromUnitId) ?? item.unitName} → ${names.get(hop.toUnitId) ?? t('unit.above')} · ${t('queue.answerBy')} ${hop.answerBy}`,
      tone: 'warn',
    });
    if (hop.takenUpAt && hop.toUnitId === unit.id) {
      events.push({
        key: `t-${hop.id}`,
        at: hop.takenUpAt,
        when: dateTime(hop.takenUpAt),
        kind: 'escalation',
        title: t('tl.takenUp', { title: item.title }),
        detail: `${names.get(hop.fromUnitId) ?? item.unitName} → ${unit.name}`,
        tone: 'info',
      });
    }
  }
  return events;
}

/** The item's answers, and the confirmation or dispute of each. */
function answerEvents(item: AgendaItem, { t, dateTime }: I18n): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const a of item.feedback) {
    events.push({
      key: `a-${a.id}`,
      at: a.answeredAt,
      when: dateTime(a.answeredAt),
      kind: 'answer',
      title: t('tl.answered', { title: item.title, outcome: t(`outcome.${a.outcome}`) }),
      detail: a.text,
      tone: 'good',
    });
    if (a.response && a.respondedAt) {
      events.push({
        key: `r-${a.id}`,
        at: a.respondedAt,
        when: dateTime(a.respondedAt),
        kind: 'answer',
        title: t(a.response === 'confirmed' ? 'tl.confirmed' : 'tl.disputed'),
        detail: a.responseReason ?? item.title,
        tone: a.response === 'confirmed' ? 'good' : 'bad',
      });
    }
  }
  return events;
}

function itemEvents(item: AgendaItem, unit: Unit, names: Map<string, string>, i18n: I18n): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (item.unitId === unit.id) {
    events.push({
      key: `i-${item.id}`,
      at: item.createdAt,
      when: i18n.dateTime(item.createdAt),
      kind: 'item',
      title: i18n.t('tl.item', { title: item.title }),
      detail: item.raisedBy,
    });
  }
  return [...events, ...escalationEvents(item, unit, names, i18n), ...answerEvents(item, i18n)];
}

function periodEvent(p: ClosedPeriod, { t, period, dateTime }: I18n): TimelineEvent {
  const visits = p.obligation === 'leader-visit';
  return {
    key: `p-${p.obligation}-${p.leader?.id ?? ''}-${p.periodKey}`,
    at: p.closedAt,
    when: dateTime(p.closedAt),
    kind: 'period',
    title: visits
      ? t(p.status === 'met' ? 'tl.visitPeriodMet' : 'tl.visitPeriodOverdue', {
          period: period(p.periodKey),
          leader: p.leader?.name ?? '',
          n: p.meetingsHeld,
        })
      : t(p.status === 'met' ? 'tl.periodMet' : 'tl.periodOverdue', {
          period: period(p.periodKey),
          n: p.meetingsHeld,
        }),
    detail: p.correctedAt ? t('tl.corrected', { date: dateTime(p.correctedAt) }) : undefined,
    tone: p.status === 'met' ? 'good' : 'bad',
  };
}

function noticeEvent(n: Notification, { t, tx, dateTime, step }: I18n): TimelineEvent {
  const at = n.sentAt ?? n.scheduledFor;
  return {
    key: `n-${n.id}`,
    at,
    when: dateTime(at),
    kind: 'notice',
    title: t('tl.notice', { step: step(n.step) }),
    detail: (
      <>
        {t('tl.receipt', {
          recipient: n.recipient,
          channel: tx(`channel.${n.channel}`, n.channel),
          status: tx(`status.${n.status}`, n.status),
        })}
        <span class="minutes-line">{n.subject}</span>
      </>
    ),
    tone: n.step.startsWith('overdue') ? 'bad' : 'info',
  };
}

export function timelineEvents(unit: Unit, record: UnitRecord, i18n: I18n): TimelineEvent[] {
  const items = [...record.register, ...record.queue, ...record.handled];
  const events: TimelineEvent[] = [
    ...record.meetings.map((m) => meetingEvent(m, i18n)),
    ...items.flatMap((item) => itemEvents(item, unit, record.names, i18n)),
    ...record.history.periods.map((p) => periodEvent(p, i18n)),
    ...record.notices.map((n) => noticeEvent(n, i18n)),
  ];
  return events.sort((a, b) => b.at.localeCompare(a.at) || a.key.localeCompare(b.key));
}
