import { useI18n } from '../../i18n';

/** A labelled text, text-area or date input, with an optional hint. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  required?: boolean;
  multiline?: boolean;
  hint?: string;
  type?: 'text' | 'date';
  max?: string;
  min?: string;
}) {
  const { t } = useI18n();
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const common = {
    id: props.id,
    name: props.id,
    required: props.required,
    value: props.value,
    'aria-describedby': hintId,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        {props.required && <span class="required"> {t('common.required')}</span>}
      </label>
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : props.type === 'date' ? (
        <input type="date" max={props.max} min={props.min} {...common} />
      ) : (
        <input type="text" {...common} />
      )}
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
    </div>
  );
}
