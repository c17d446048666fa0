import { fieldId } from './error-summary.tsx';

export interface TextFieldProps {
  readonly form: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly type?: 'text' | 'date';
  readonly inputMode?: 'text' | 'numeric';
  readonly multiline?: boolean;
  readonly autocomplete?: string;
}

/** A labelled input with its hint and its error (the GOV.UK form group). */
export function TextField(props: TextFieldProps) {
  const id = fieldId(props.form, props.name);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: props.name,
    value: props.value,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={props.error ? 'form-group form-group-error' : 'form-group'}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error-message" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input
          {...common}
          {...(props.type === 'date'
            ? { type: 'date' as const }
            : { type: 'text' as const, inputMode: props.inputMode })}
          autocomplete={props.autocomplete ?? 'off'}
        />
      )}
    </div>
  );
}
