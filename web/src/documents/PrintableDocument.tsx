import { BLANK, type DocumentText, withoutDirectionControls } from './document-text.ts';

/**
 * A document laid out for paper: A4, the commission's heading, the body, the table, and signature lines. It only
 * places the text `DocumentText` holds; the words come from the document functions. The page prints it with the
 * browser's print dialog ("Save as PDF"): `print.css` hides everything but `.paper` on paper. Its styles are
 * imported by the desk's stylesheet, like every other (a strict Content-Security-Policy allows no inline style).
 */
export function PrintableDocument(props: { readonly doc: DocumentText }) {
  const doc = withoutDirectionControls(props.doc);
  return (
    <article class="paper" lang={doc.language}>
      <header class="paper-head">
        <p class="paper-issuer">{doc.issuer}</p>
        <h1 class="paper-kind">{doc.kind}</h1>
        <p class="paper-date">{doc.dateAndNumber}</p>
        <p class="paper-subject">{doc.subject}</p>
      </header>
      {doc.body.map((paragraph, index) => (
        // The paragraphs are a document's fixed sequence: their place is their identity.
        <p key={index} class="paper-text">
          {paragraph}
        </p>
      ))}
      {doc.operative === null ? null : (
        <section class="paper-operative">
          <p class="paper-lead">{doc.operative.lead}</p>
          <ol>
            {doc.operative.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ol>
        </section>
      )}
      {doc.table === null ? null : (
        <table class="paper-table">
          <caption>{doc.table.caption}</caption>
          <thead>
            <tr>
              {doc.table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.table.rows.map((row) => (
              <tr key={row.join('\u0000')}>
                {row.map((cell, index) => (
                  // A row's cells are its columns, in order.
                  <td key={index}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <footer class="paper-signatures">
        {doc.signatories.map((signatory) => (
          <p key={signatory.role} class="paper-signatory">
            <span class="paper-role">{signatory.role}</span>
            <span class="paper-sign" aria-hidden="true" />
            <span class="paper-name">{signatory.name ?? BLANK}</span>
          </p>
        ))}
      </footer>
    </article>
  );
}
