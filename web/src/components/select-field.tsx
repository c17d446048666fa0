import { fieldId } from './error-summary.tsx';

interface SelectFieldProps {
  readonly form: string;
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly text: string }[];
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
}

export function SelectField(props: SelectFieldProps) {
  const id = fieldId(props.form, props.name);
  return (
    <div class={props.error ? 'form-group form-group-error' : 'form-group'}>
      <label for={id}>{props.label}</label>
      {props.error && (
        <p class="error-message" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        value={props.value}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
