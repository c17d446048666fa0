import type { Problem } from '../api/problem.ts';
import { fieldMessage } from './error-summary.tsx';
import { TextField, type TextFieldProps } from './text-field.tsx';

/**
 * The text fields of one form, each showing the API's message for its own field. A function, not a component:
 * a component made during a render would be a new one at every render, and its input would lose focus.
 */
export function textFieldsOf(form: string, problem: Problem | null) {
  return (props: Omit<TextFieldProps, 'form' | 'error'>) => (
    <TextField form={form} error={fieldMessage(problem, props.name)} {...props} />
  );
}
