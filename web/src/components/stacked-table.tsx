import type { ComponentChildren } from 'preact';

/**
 * A table that scrolls sideways on a wide screen and, below 40rem, stacks each row into a card whose cells are
 * labelled by their `data-label` (styles.css, `table.stack`). The rows are the caller's.
 */
export function StackedTable(props: {
  readonly caption?: string;
  readonly headers: readonly string[];
  readonly children: ComponentChildren;
}) {
  return (
    <div class="table-scroll">
      <table class="stack">
        {props.caption !== undefined && <caption>{props.caption}</caption>}
        <thead>
          <tr>
            {props.headers.map((header) => (
              <th scope="col" key={header}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
