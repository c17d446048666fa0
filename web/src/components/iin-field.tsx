import { iinDefectOf } from '../../../shared/domain/iin.ts';
import { useWords } from '../i18n/language.ts';
import { fieldId } from './error-summary.tsx';

/**
 * An IIN typed in and checked as it is typed, by the product's own rule (its structure, century digit and check
 * digit): what is wrong with it, or that it looks right, read out as it changes. The API's message for the field,
 * when it sent one, comes first. Only digits are kept, at most twelve.
 */
export function IinField(props: {
  readonly form: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly error?: string | undefined;
}) {
  const { t, label } = useWords();
  const id = fieldId(props.form, props.name);
  const digits = props.value.trim();
  const defect = digits.length === 12 ? iinDefectOf(digits) : null;
  const message = props.error ?? (defect ? label('iinDefect', defect) : undefined);
  return (
    <div class={message ? 'form-group form-group-error' : 'form-group'}>
      <label for={id}>{props.label}</label>
      <p class={message ? 'error-message' : 'hint'} id={`${id}-check`} aria-live="polite">
        {message ?? (digits.length === 12 ? t('iinLooksRight') : '')}
      </p>
      <input
        type="text"
        id={id}
        inputMode="numeric"
        autocomplete="off"
        value={props.value}
        aria-invalid={message ? 'true' : undefined}
        aria-describedby={`${id}-check`}
        // No maxLength: the browser would cut an IIN pasted as printed ("0612 1160 0012") before the spaces go.
        onInput={(event) => props.onInput(event.currentTarget.value.replace(/\D/g, '').slice(0, 12))}
      />
    </div>
  );
}
