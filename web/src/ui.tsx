/** Small pieces every page uses: loading data, errors, chips, the Temporal link, export buttons. */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiFailure, download, unitWorkflowsUrl, workflowUrl } from './api';
import { useI18n } from './i18n';
import { useSession } from './session';

export interface AsyncState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Run a load when its inputs change; a slower, older answer never overwrites a newer one. */
export function useAsync<T>(load: () => Promise<T>, inputs: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) =>
        current && setState({ error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...inputs, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** The message of an error for people (the API's own message, with the field it names). */
export function errorText(error: unknown): string {
  if (error instanceof ApiFailure) return error.field ? `${error.message} (${error.field})` : error.message;
  return error instanceof Error ? error.message : String(error);
}

export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <div class="note error" role="alert">
      <span>{t('common.error', { message: errorText(error) })}</span>
      {retry && (
        <button type="button" class="link-button" onClick={retry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** Data, a loading line, or the error with a retry. */
export function Loaded<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ComponentChildren }) {
  const { t } = useI18n();
  if (state.error) return <ErrorNote error={state.error} retry={state.reload} />;
  if (state.data === undefined) {
    return (
      <p class="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return <>{children(state.data)}</>;
}

export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info';

export function Chip({ tone = 'neutral', children }: { tone?: Tone; children: ComponentChildren }) {
  return <span class={`chip chip-${tone}`}>{children}</span>;
}

/**
 * A link to the workflow in the Temporal Web UI (nothing when the deployment has no UI address);
 * with `unitCode`, to the list of all the unit's workflows where the workflows are indexed by it.
 */
export function WorkflowLink({
  id,
  label,
  unitCode,
}: {
  id: string | null | undefined;
  label?: string;
  unitCode?: string;
}) {
  const { t } = useI18n();
  const { config } = useSession();
  const url = (unitCode && unitWorkflowsUrl(config, unitCode)) || workflowUrl(config, id);
  if (!url || !id) return null;
  return (
    <a
      class="workflow-link"
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      title={t('common.workflowOf', { id })}
    >
      {label ?? t('common.workflow')}
      <span class="visually-hidden"> ({id})</span>
    </a>
  );
}

/** A button that downloads an XLSX ledger from the API with the login token. */
export function ExportButton({ path, file, label }: { path: string; file: string; label: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await download(path, file);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="export">
      <button type="button" class="button secondary" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        <span aria-hidden="true">⤓ </span>
        {busy ? t('exports.downloading') : label}
      </button>
      {error !== null && (
        <p class="error-text" role="alert">
          {t('exports.failed', { message: errorText(error) })}
        </p>
      )}
    </div>
  );
}

/** A table cell that shows its column's name before the value on a phone-width screen. */
/** One column of a `RowsTable`: its header, and what a row shows in it. */
export interface Column<T> {
  label: string;
  cell: (row: T) => ComponentChildren;
  class?: string;
}

/**
 * A list as a table whose rows become labelled cards on a phone (every cell carries its column's
 * label), or the empty message when there is nothing to list.
 */
export function RowsTable<T>({
  rows,
  columns,
  rowKey,
  empty,
  selected,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  empty: ComponentChildren;
  /** The key of a row to highlight (and scroll to): the one a notice's link names. */
  selected?: string | null;
}) {
  if (rows.length === 0) return <p class="empty">{empty}</p>;
  return (
    <table class="data rows">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={rowKey(r)}
            class={selected && rowKey(r) === selected ? 'selected' : undefined}
            aria-current={selected && rowKey(r) === selected ? 'true' : undefined}
            ref={selected && rowKey(r) === selected ? scrollIntoView : undefined}
          >
            {columns.map((c) => (
              <Cell key={c.label} label={c.label} class={c.class}>
                {c.cell(r)}
              </Cell>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A ref callback: bring the element (a notice's item or row) into view once it is rendered. */
export function scrollIntoView(el: Element | null): void {
  if (el) requestAnimationFrame(() => el.scrollIntoView({ block: 'center' }));
}

export function Cell({ label, children, class: cls }: { label: string; children: ComponentChildren; class?: string }) {
  return (
    <td data-label={label} class={cls}>
      {children}
    </td>
  );
}
