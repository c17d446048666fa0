import { useRef, useState } from 'preact/hooks';
import { outcome, type Problem } from '../api/problem.ts';
import { ErrorSummary, fieldId, fieldMessage } from '../components/error-summary.tsx';
import { SubmitButton } from '../components/submission.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { putWithProgress, uploadTypeOf } from '../lib/upload-file.ts';

type UploadStage =
  | { readonly stage: 'idle' }
  | { readonly stage: 'preparing' }
  | { readonly stage: 'sending'; readonly percent: number }
  | { readonly stage: 'counting'; readonly done: number; readonly total: number | null }
  | { readonly stage: 'done' };

const terminal = new Set(['succeeded', 'refused', 'failed']);

/**
 * A file too large for a request (a self-nominee's signature sheets, the district's voter list): it goes straight
 * to storage (createUpload's URL) with its progress shown, then its job runs with its progress shown too, and the
 * page reads what it changed.
 */
export function BulkUpload(props: {
  readonly electionId: string;
  /** The case whose sheets the file holds; none for the voter list. */
  readonly caseId?: string;
  readonly title: string;
  readonly hint: string;
  readonly onDone: () => void;
}) {
  const { t, language } = useWords();
  const { client, apiUrl } = useDesk();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<UploadStage>({ stage: 'idle' });
  const [problem, setProblem] = useState<Problem | null>(null);
  // Held from the first press until the upload ends: a second press, even before the page redraws with the
  // button disabled, asks for no second upload (nor, for signatures, a second submission under a new key).
  const busy = useRef(false);
  const fail = (next: Problem) => {
    setStage({ stage: 'idle' });
    setProblem(next);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.current) return;
    if (file === null) {
      const message = t('chooseFile');
      setProblem({ code: 'REQUIRED', message, fields: [{ field: 'file', message }] });
      return;
    }
    busy.current = true;
    try {
      await upload(file);
    } finally {
      busy.current = false;
    }
  };
  const upload = async (file: File) => {
    setProblem(null);
    setStage({ stage: 'preparing' });
    const path = { electionId: props.electionId };
    const created = await outcome(
      client.POST('/elections/{electionId}/uploads', {
        params: { path },
        body: {
          ...(props.caseId === undefined
            ? { for: 'voter-register' as const }
            : { for: 'signatures' as const, caseId: props.caseId }),
          contentType: uploadTypeOf(file),
          bytes: file.size,
        },
      }),
      t('networkError'),
    );
    if (!created.ok) return fail(created.problem);
    setStage({ stage: 'sending', percent: 0 });
    const status = await putWithProgress(
      new URL(created.data.url, apiUrl).href,
      file,
      created.data.headers,
      (sent, total) => setStage({ stage: 'sending', percent: Math.floor((sent / total) * 100) }),
    );
    if (status < 200 || status >= 300) {
      // Storage's own refusals say what to do: a file larger than it was announced, a link past its hour.
      const message =
        status === 413 ? t('uploadTooLarge') : status === 403 ? t('uploadExpired') : t('networkError');
      return fail({ code: 'UPLOAD', message, fields: [] });
    }
    // The upload's id keys the request: sent again after a lost answer, it is the same job.
    const header = { 'Idempotency-Key': created.data.uploadId };
    const body = { upload: created.data.uploadId };
    const started =
      props.caseId === undefined
        ? await outcome(
            client.POST('/elections/{electionId}/voter-register', { params: { path, header }, body }),
            t('networkError'),
          )
        : await outcome(
            client.POST('/elections/{electionId}/cases/{caseId}/signatures', {
              params: { path: { ...path, caseId: props.caseId }, header },
              body,
            }),
            t('networkError'),
          );
    if (!started.ok) return fail(started.problem);
    const jobId = 'job' in started.data ? started.data.job.jobId : null;
    let finished = jobId === null;
    for (let polls = 0; !finished && jobId !== null && polls < 3600; polls += 1) {
      const job = await outcome(
        client.GET('/elections/{electionId}/jobs/{jobId}', { params: { path: { ...path, jobId } } }),
        t('networkError'),
      );
      if (!job.ok) return fail(job.problem);
      const { state, progress, issues } = job.data;
      setStage({ stage: 'counting', done: progress.rowsDone, total: progress.rowsTotal });
      if (state === 'refused' || state === 'failed') {
        return fail({
          code: state,
          message: t('uploadRefused'),
          fields: issues.map((issue) => ({
            field: 'file',
            message:
              issue.line === undefined
                ? issue.message[language]
                : t('uploadLine', { line: issue.line, message: issue.message[language] }),
          })),
        });
      }
      finished = terminal.has(state);
      if (!finished) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Half an hour and still counting: not "done"; the case page will show the verdict once the job ends.
    if (!finished) return fail({ code: 'UPLOAD', message: t('uploadStillCounting'), fields: [] });
    setStage({ stage: 'done' });
    props.onDone();
  };
  const id = fieldId('upload', 'file');
  const error = fieldMessage(problem, 'file');
  return (
    <form onSubmit={submit} noValidate aria-labelledby="upload-title">
      <h3 id="upload-title">{props.title}</h3>
      {problem && <ErrorSummary problem={problem} form="upload" />}
      <div class={error ? 'form-group form-group-error' : 'form-group'}>
        <label for={id}>{t('uploadFile')}</label>
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
        {error && <p class="error-message">{error}</p>}
        <input
          type="file"
          id={id}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
        />
      </div>
      <div aria-live="polite">
        {stage.stage === 'sending' && (
          <p>
            <label for="upload-progress">{t('uploadSending', { percent: stage.percent })}</label>{' '}
            <progress id="upload-progress" max={100} value={stage.percent} />
          </p>
        )}
        {stage.stage === 'counting' && (
          <p>
            <label for="count-progress">
              {t('uploadCounting', { done: stage.done, total: stage.total ?? '…' })}
            </label>{' '}
            <progress
              id="count-progress"
              max={stage.total ?? undefined}
              value={stage.total === null ? undefined : stage.done}
            />
          </p>
        )}
        {stage.stage === 'done' && <p class="ok">{t('uploadDone')}</p>}
      </div>
      <SubmitButton sending={stage.stage !== 'idle' && stage.stage !== 'done'} />
    </form>
  );
}
