import { ErrorNote } from '../../ui';

/** A form's error, and its success message in a live region (hidden while there is none). */
export function FormStatus({ error, done }: { error: unknown; done: string | null }) {
  return (
    <>
      {error !== null && <ErrorNote error={error} />}
      <p class={done ? 'note good' : 'visually-hidden'} role="status">
        {done ?? ''}
      </p>
    </>
  );
}
