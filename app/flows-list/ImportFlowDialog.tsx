'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { t, type Locale } from '@/app/i18n/messages';
import { useTRPC } from '@/app/lib/trpc';
import { Spinner } from '@/app/ui/Spinner';
import { Dialog } from './Dialog';
import { importProblem } from './flowErrors';
import styles from './FlowsList.module.css';

export interface PickedFile {
  name: string;
  text: string;
}

interface ImportFlowDialogProps {
  locale: Locale;
  file: PickedFile;
  onClose(): void;
  onImported(result: { name: string; errors: number }): void;
}

/**
 * Imports a picked or dropped file. The server refuses a document with errors unless the
 * designer ticks "import with errors"; its explanation and findings are shown here.
 */
export function ImportFlowDialog({ locale, file, onClose, onImported }: ImportFlowDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [allowErrors, setAllowErrors] = useState(false);
  const [id, setId] = useState('');
  const fileId = documentId(file.text);
  const importFlow = useMutation(
    trpc.flows.import.mutationOptions({
      onSuccess: async (imported) => {
        await queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        const errors = imported.diagnostics.filter((d) => d.severity === 'error').length;
        onImported({ name: imported.flow.name, errors });
      },
    }),
  );
  const problem = importFlow.error ? importProblem(importFlow.error) : null;

  return (
    <Dialog title={t(locale, 'listImportTitle', { file: file.name })} onClose={onClose}>
      <p className="muted">{t(locale, 'listImportIntro')}</p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          importFlow.mutate({ document: file.text, allowErrors, id: id.trim() === '' ? undefined : id.trim() });
        }}
      >
        {problem && (
          <div className={styles.problem} role="alert">
            <p className={styles.problemTitle}>{t(locale, problem.fallback)}</p>
            {problem.message && <p>{problem.message}</p>}
            {problem.issues.length > 0 && (
              <ul className={styles.issues}>
                {problem.issues.slice(0, 8).map((issue, index) => (
                  <li key={`${issue.path}-${index}`}>
                    {issue.path && <code>{issue.path}</code>} {issue.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor="import-flow-id">{t(locale, 'listImportId')}</label>
          <input
            id="import-flow-id"
            value={id}
            placeholder={fileId ?? ''}
            spellCheck={false}
            autoCapitalize="off"
            onChange={(event) => setId(event.target.value)}
            aria-describedby="import-flow-id-hint"
          />
          <p id="import-flow-id-hint" className="field-hint">
            {fileId ? t(locale, 'listImportIdHint', { id: fileId }) : t(locale, 'listImportIdHintNone')}
          </p>
        </div>
        <label className={styles.checkbox}>
          <input type="checkbox" checked={allowErrors} onChange={(event) => setAllowErrors(event.target.checked)} />
          {t(locale, 'listImportAllowErrors')}
        </label>
        <div className={styles.dialogActions}>
          <button type="button" className="button" onClick={onClose} disabled={importFlow.isPending}>
            {t(locale, 'cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={importFlow.isPending} autoFocus>
            {importFlow.isPending && <Spinner />}
            {t(locale, importFlow.isPending ? 'listImporting' : 'listImportConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const WithId = z.object({ id: z.string() });

/** The id the file gives its flow, for the hint; the server reads the file for real. */
function documentId(text: string): string | null {
  try {
    const parsed = WithId.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.id : null;
  } catch {
    return null;
  }
}
