/** The notification ledger and the captured mail (api/routes/ledger.ts). */
import { z } from 'zod';
import { count, id, instant, pageFields } from './common';
import { component, type OperationSpec } from './types';

export const ledgerQuery = z.object({
  unitId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

// --- Notifications and captured mail ---------------------------------------------------------

export const notification = component(
  'Notification',
  z.object({
    id,
    key: z.string(),
    unitId: z.string(),
    obligation: z.string(),
    periodKey: z.string(),
    step: z.string(),
    audience: z.string().describe('convener | supervisor | invitee'),
    recipient: z.string(),
    subject: z.string(),
    messageId: z.string(),
    channel: z.string().describe('email | webhook'),
    channelNote: z.string().nullable(),
    status: z.string().describe('pending | sent'),
    scheduledFor: instant,
    sentAt: instant.nullable(),
    createdAt: instant,
  }),
);

export const notificationPage = component(
  'NotificationPage',
  z.object({ items: z.array(notification), ...pageFields }),
);

export const mailMessage = component(
  'MailMessage',
  z.object({
    id: z.number().int(),
    messageId: z.string(),
    from: z.string(),
    to: z.array(z.string()),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable().describe('The HTML part (same words as the text, the link as a button); null if none'),
    headers: z.record(z.string(), z.string()),
    attachments: z.array(z.object({ filename: z.string().nullable(), contentType: z.string(), size: count })),
    receivedAt: instant,
  }),
);

export const mailMessageList = component('MailMessageList', z.object({ items: z.array(mailMessage) }));

export const ledgerOperations: OperationSpec[] = [
  {
    method: 'get',
    path: '/api/notifications',
    operationId: 'listNotifications',
    summary: { zh: '通知台账（督办回执）', en: 'The notification ledger (receipts)' },
    tags: ['notifications'],
    query: ledgerQuery,
    responses: { 200: notificationPage },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/mail-sink/messages',
    operationId: 'listCapturedMail',
    summary: {
      zh: '本地邮件接收器收到的邮件（仅内嵌模式）',
      en: 'Mail captured by the local sink (embedded mode only)',
    },
    tags: ['notifications'],
    roles: ['admin'],
    responses: { 200: mailMessageList },
    errors: [404],
  },
];

/** The tag of these operations. */
export const ledgerTag = {
  name: 'notifications',
  description: '通知台账与本地邮件 / The notification ledger and captured mail',
};
