import { fieldId } from './error-summary.tsx';

/** A set of choices, any number of them, as a fieldset of checkboxes; the API's message for the set above it. */
export function CheckboxGroup<Value extends string>(props: {
  readonly form: string;
  /** The field's name in the API's body (what its error message names); its checkboxes' ids start from it. */
  readonly name: string;
  readonly legend: string;
  readonly options: readonly { readonly value: Value; readonly text: string }[];
  readonly chosen: readonly Value[];
  readonly onChange: (chosen: Value[]) => void;
  readonly error?: string | undefined;
}) {
  const { form, name, chosen, error } = props;
  return (
    <fieldset
      class={error ? 'form-group form-group-error' : 'form-group'}
      id={fieldId(form, name)}
      tabIndex={-1}
    >
      <legend>{props.legend}</legend>
      {error && <p class="error-message">{error}</p>}
      {props.options.map(({ value, text }) => {
        const id = fieldId(form, `${name}-${value}`);
        return (
          <div class="checkbox" key={value}>
            <input
              type="checkbox"
              id={id}
              checked={chosen.includes(value)}
              onChange={(event) =>
                props.onChange(
                  event.currentTarget.checked
                    ? [...chosen, value]
                    : chosen.filter((other) => other !== value),
                )
              }
            />
            <label for={id}>{text}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
