import { useState } from 'preact/hooks';
import { FormStatus } from './form-status';
import { TextField } from './text-field';
import { useSubmit } from './use-submit';

/** A form of one required text (a resolution, a dispute's reason) and its submit button. */
export function OneFieldForm(props: {
  id: string;
  label: string;
  submitLabel: string;
  send: (text: string) => Promise<unknown>;
  onDone: () => void;
}) {
  const [text, setText] = useState('');
  const submit = useSubmit();
  return (
    <form
      class="form inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          await props.send(text.trim());
          props.onDone();
          return null;
        });
      }}
    >
      <TextField id={props.id} label={props.label} multiline required value={text} onInput={setText} />
      <FormStatus error={submit.error} done={submit.done} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}
