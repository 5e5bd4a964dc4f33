import { useEffect, useState } from 'react';
import type { EngineDiagnostic } from '../../engine/model/types.ts';
import { getEngineClient } from '../../components/engine/use-engine.ts';
import { isAbortError } from '../../worker/index.ts';

/** Engine validation of the draft in the worker, debounced; a newer keystroke supersedes an older run. */
export function useValidation(text: string | null, file: string, delayMs = 120): { problems: EngineDiagnostic[]; checking: boolean } {
  const [problems, setProblems] = useState<EngineDiagnostic[]>([]);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    if (text === null) return undefined;
    const t = setTimeout(() => {
      setChecking(true);
      getEngineClient()
        .validate(text, file, { key: `validate:${file}` })
        .then((d) => {
          setProblems(d);
          setChecking(false);
        })
        .catch((e: unknown) => {
          if (!isAbortError(e)) {
            setProblems([{ file, line: 1, column: 1, path: '', message: `validation failed: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' }]);
            setChecking(false);
          }
        });
    }, delayMs);
    return () => clearTimeout(t);
  }, [text, file, delayMs]);
  return { problems, checking };
}
