/**
 * The employer's receipt page of a quarterly feedback: opens without a login (the link's
 * single-use token is the credential). It shows the employer's own members' records of the
 * quarter (phones masked) and a confirm form; once confirmed, "已确认 / Confirmed".
 */
import { useState } from 'preact/hooks';
import { api, ApiFailure } from '../../api';
import type { components } from '../../api-types';
import { useI18n } from '../../i18n';
import { ErrorNote, RowsTable, useAsync } from '../../ui';
import { FormStatus } from '../unit/form-status';
import { TextField } from '../unit/text-field';
import { useSubmit } from '../unit/use-submit';

type Schemas = components['schemas'];
type Receipt = Schemas['ServingReceipt'];
type Confirmed = Schemas['ServingReceiptConfirmed'];

export function ReceiptPage({ token }: { token: string }) {
  const { t } = useI18n();
  const path = `/api/serving/receipts/${encodeURIComponent(token)}`;
  const receipt = useAsync(() => api<Receipt>(path, { anonymous: true }), [path]);
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  return (
    <div class="receipt-page">
      <div class="page-head">
        <h1>{t('receipt.heading')}</h1>
      </div>
      {confirmed ? (
        <Done confirmed={confirmed} />
      ) : receipt.error ? (
        <Closed error={receipt.error} retry={receipt.reload} />
      ) : receipt.data === undefined ? (
        <p class="muted" role="status">
          {t('common.loading')}
        </p>
      ) : (
        <ReceiptView receipt={receipt.data} path={path} onConfirmed={setConfirmed} />
      )}
    </div>
  );
}

function Done({ confirmed }: { confirmed: Confirmed }) {
  const { t, dateTime, period } = useI18n();
  return (
    <section class="card" aria-labelledby="receipt-done">
      <h2 id="receipt-done">{t('receipt.done')}</h2>
      <p role="status" class="note good">
        {t('receipt.doneLead', {
          by: confirmed.confirmedBy,
          at: dateTime(confirmed.confirmedAt),
          quarter: period(confirmed.periodKey),
        })}
      </p>
    </section>
  );
}

/** A link used already or expired (410), or unknown (404): the API's message says which. */
function Closed({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiFailure && (error.status === 410 || error.status === 404)) {
    return (
      <section class="card" aria-labelledby="receipt-closed">
        <h2 id="receipt-closed">{error.code === 'receipt_confirmed' ? t('receipt.done') : t('receipt.closed')}</h2>
        <p role="alert">{error.message}</p>
      </section>
    );
  }
  return <ErrorNote error={error} retry={retry} />;
}

function ReceiptView({
  receipt,
  path,
  onConfirmed,
}: {
  receipt: Receipt;
  path: string;
  onConfirmed: (c: Confirmed) => void;
}) {
  const { t, dateTime, period } = useI18n();
  const [name, setName] = useState('');
  const submit = useSubmit();
  type Member = Receipt['members'][number];
  type Record = Receipt['records'][number];
  return (
    <>
      <p class="meta">
        {t('receipt.lead', {
          community: receipt.community.name,
          partyOrg: receipt.employer.partyOrgName,
          quarter: period(receipt.periodKey),
        })}
      </p>
      <section class="card" aria-labelledby="receipt-members">
        <h2 id="receipt-members">{t('receipt.members')}</h2>
        <RowsTable<Member>
          rows={receipt.members}
          rowKey={(m) => `${m.name}-${m.phone ?? ''}`}
          empty={t('receipt.noRecords')}
          columns={[
            { label: t('receipt.col.name'), cell: (m) => m.name },
            { label: t('receipt.col.phone'), cell: (m) => m.phone ?? '' },
            { label: t('receipt.col.services'), cell: (m) => m.services, class: 'num' },
            { label: t('receipt.col.hours'), cell: (m) => m.hours, class: 'num' },
          ]}
        />
      </section>
      <section class="card" aria-labelledby="receipt-records">
        <h2 id="receipt-records">{t('receipt.records')}</h2>
        <RowsTable<Record>
          rows={receipt.records}
          rowKey={(r) => `${r.memberName}-${r.servedOn}-${r.what}`}
          empty={t('receipt.noRecords')}
          columns={[
            { label: t('receipt.col.name'), cell: (r) => r.memberName },
            { label: t('receipt.col.phone'), cell: (r) => r.phone ?? '' },
            { label: t('receipt.col.servedOn'), cell: (r) => r.servedOn },
            { label: t('receipt.col.hours'), cell: (r) => r.hours, class: 'num' },
            { label: t('receipt.col.what'), cell: (r) => r.what },
            { label: t('receipt.col.confirmedBy'), cell: (r) => r.confirmedBy },
          ]}
        />
      </section>
      {receipt.evaluation && <EvaluationView evaluation={receipt.evaluation} />}
      <section class="card" aria-labelledby="receipt-confirm">
        <h2 id="receipt-confirm">{t('receipt.confirm')}</h2>
        <p class="muted">{t('receipt.expires', { at: dateTime(receipt.expiresAt) })}</p>
        <form
          class="form inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit.run(async () => {
              const done = await api<Confirmed>(`${path}/confirm`, {
                method: 'POST',
                body: { confirmedBy: name.trim() },
                anonymous: true,
              });
              onConfirmed(done);
              return t('receipt.done');
            });
          }}
        >
          <TextField id="receipt-name" label={t('receipt.confirmedBy')} required value={name} onInput={setName} />
          <button type="submit" class="button primary" disabled={submit.busy || !name.trim()}>
            {t('receipt.confirm')}
          </button>
          <FormStatus error={submit.error} done={submit.done} />
        </form>
      </section>
    </>
  );
}

/** After Q4: the year's evaluation of the employer and its members. */
function EvaluationView({ evaluation }: { evaluation: NonNullable<Receipt['evaluation']> }) {
  const { t, tx } = useI18n();
  type Line = (typeof evaluation.items)[number];
  return (
    <section class="card" aria-labelledby="receipt-evaluation">
      <h2 id="receipt-evaluation">{t('receipt.evaluation', { year: evaluation.year })}</h2>
      <RowsTable<Line>
        rows={evaluation.items}
        rowKey={(l) => `${l.subjectKind}-${l.subjectId}`}
        empty={t('sev.empty')}
        columns={[
          {
            label: t('sev.col.subject'),
            cell: (l) => (l.subjectKind === 'employer' ? <strong>{l.name}</strong> : `${l.name} ${l.phone ?? ''}`),
          },
          { label: t('sev.col.services'), cell: (l) => l.services, class: 'num' },
          { label: t('sev.col.grade'), cell: (l) => tx(`sev.grade.${l.grade}`, l.grade) },
          { label: t('sev.col.comment'), cell: (l) => l.comment ?? '' },
        ]}
      />
    </section>
  );
}
