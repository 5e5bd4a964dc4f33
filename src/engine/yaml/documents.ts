/**
 * parseDocuments: YAML text → per-document values, validated Spyderbat objects
 * and located diagnostics. Multi-document files and `{apiVersion, items}`
 * lists both work; each list item is validated on its own.
 */
import type { EngineDiagnostic, SpyderbatObject } from '../model/types.ts';
import { isRecord } from '../model/schema-helpers.ts';
import { validateValue } from '../validate/validate-value.ts';
import type { Problem } from '../validate/problem.ts';
import type { Located } from './locate.ts';
import { parseYaml } from './parse.ts';
import type { YamlDocument } from './parse.ts';
import { formatPath } from './path.ts';
import type { Path } from './path.ts';

export interface ParsedDocument {
  /** 0-based position of the document in the file. */
  index: number;
  /** First line of the document. */
  startLine: number;
  /** The parsed YAML value (undefined when unreadable). */
  value: unknown;
  /** The document as a Spyderbat object, when it is a single object without errors. */
  object?: SpyderbatObject;
  /** The valid objects of the document: `[object]`, or the error-free items of a list. */
  objects: SpyderbatObject[];
  /** True when the document is an `{apiVersion, items}` list. */
  isList: boolean;
  /** Syntax and validation diagnostics of this document, ordered by position. */
  diagnostics: EngineDiagnostic[];
  /** Where a path (`spec.processPolicy[0].id` or segments) sits in the source. */
  locate: (path: string | Path) => Located | undefined;
}

export interface ParseResult {
  documents: ParsedDocument[];
  /** Every diagnostic of the file, ordered by line then column. */
  diagnostics: EngineDiagnostic[];
}

export function compareDiagnostics(a: EngineDiagnostic, b: EngineDiagnostic): number {
  return a.line - b.line || a.column - b.column;
}

export function toDiagnostic(doc: YamlDocument, p: Problem, file: string | undefined): EngineDiagnostic {
  const at = doc.locate(p.path);
  const line = at?.line ?? doc.startLine;
  const column = at?.column ?? 1;
  return {
    file,
    line,
    column,
    endLine: at?.endLine ?? line,
    endColumn: at?.endColumn ?? column + 1,
    path: formatPath(p.path),
    message: p.message,
    severity: p.severity,
  };
}

function whereIn(doc: YamlDocument): (path: Path) => string {
  return (path) => {
    const at = doc.locate(path);
    return at?.exact ? `line ${at.line}` : formatPath(path);
  };
}

function analyse(doc: YamlDocument, file: string | undefined): ParsedDocument {
  const diagnostics = [...doc.diagnostics];
  const value = doc.value;
  const isList = isRecord(value) && value.items !== undefined && typeof value.kind !== 'string';
  const objects: SpyderbatObject[] = [];
  let object: SpyderbatObject | undefined;
  if (!doc.hasSyntaxErrors && value !== null && value !== undefined) {
    const problems = validateValue(value, whereIn(doc));
    for (const p of problems) diagnostics.push(toDiagnostic(doc, p, file));
    const errors = problems.filter((p) => p.severity === 'error');
    if (isList && isRecord(value) && Array.isArray(value.items)) {
      const bad = new Set(errors.filter((p) => p.path[0] === 'items').map((p) => p.path[1]));
      value.items.forEach((item, i) => {
        if (!bad.has(i)) objects.push(item as SpyderbatObject);
      });
    } else if (errors.length === 0 && !isList) {
      object = value as SpyderbatObject;
      objects.push(object);
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { index: doc.index, startLine: doc.startLine, value, object, objects, isList, diagnostics, locate: (path) => doc.locate(path) };
}

/** Parses and validates every document of a YAML text. Never throws. */
export function parseDocuments(text: string, file?: string): ParseResult {
  try {
    const documents = parseYaml(text, file).map((doc) => analyse(doc, file));
    const diagnostics = documents.flatMap((d) => d.diagnostics).sort(compareDiagnostics);
    return { documents, diagnostics };
  } catch (e) {
    const why = e instanceof RangeError ? 'nesting too deep' : e instanceof Error ? e.message : String(e);
    const d: EngineDiagnostic = { file, line: 1, column: 1, path: '', message: `could not read the file: ${why}`, severity: 'error' };
    return { documents: [], diagnostics: [d] };
  }
}
