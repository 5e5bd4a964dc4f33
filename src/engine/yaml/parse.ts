/**
 * YAML text → documents with values, positions and syntax diagnostics. Tries
 * the fast parser first and falls back to the `yaml` package; hostile input
 * (deep nesting, alias bombs, junk, huge files) becomes diagnostics, never an
 * exception.
 */
import type { EngineDiagnostic } from '../model/types.ts';
import { scanDepth } from './depth-scan.ts';
import { MAX_DEPTH, fastParse } from './fast-parse.ts';
import { libParse } from './lib-parse.ts';
import { locateInTree } from './locate.ts';
import type { Located } from './locate.ts';
import { parsePath } from './path.ts';
import type { Path } from './path.ts';
import type { PNode } from './pos-tree.ts';

export interface YamlDocument {
  /** 0-based position of the document in the file. */
  index: number;
  /** The parsed value (undefined when it could not be read at all). */
  value: unknown;
  /** First line of the document (its `---` when explicit). */
  startLine: number;
  /** YAML syntax problems (errors and warnings). */
  diagnostics: EngineDiagnostic[];
  /** True when the syntax diagnostics include an error. */
  hasSyntaxErrors: boolean;
  /** Where a path (string or segments) sits in the source. */
  locate: (path: string | Path) => Located | undefined;
}

/** Files larger than this are refused outright. */
export const MAX_TEXT_LENGTH = 32 * 1024 * 1024;
/**
 * Above this size only the fast parser is used: the `yaml` package needs
 * seconds per megabyte, which would stall the editor's worker.
 */
export const MAX_GENERAL_YAML_LENGTH = 2 * 1024 * 1024;
/** Depth estimate above which text is not given to the recursive `yaml` package. */
const SCAN_LIMIT = MAX_DEPTH * 2 + 50;

function makeDoc(
  index: number,
  value: unknown,
  tree: PNode | null,
  startLine: number,
  diagnostics: EngineDiagnostic[],
): YamlDocument {
  return {
    index,
    value,
    startLine,
    diagnostics,
    hasSyntaxErrors: diagnostics.some((d) => d.severity === 'error'),
    locate: (path) => locateInTree(tree, typeof path === 'string' ? parsePath(path) : path),
  };
}

function fatal(line: number, message: string, file: string | undefined): YamlDocument[] {
  const d: EngineDiagnostic = { file, line, column: 1, endLine: line, endColumn: 2, path: '', message, severity: 'error' };
  return [makeDoc(0, undefined, null, 1, [d])];
}

function tooDeep(line: number, file: string | undefined): YamlDocument[] {
  return fatal(line, `nesting too deep: more than ${MAX_DEPTH} levels of lists and mappings`, file);
}

/** Parses every document of a YAML text. Never throws. */
export function parseYaml(text: string, file?: string): YamlDocument[] {
  const source = typeof text === 'string' ? text : '';
  try {
    if (source.length > MAX_TEXT_LENGTH) {
      return fatal(1, `file too large: ${source.length} characters (limit ${MAX_TEXT_LENGTH})`, file);
    }
    const fast = fastParse(source);
    if (fast.kind === 'ok') return fast.docs.map((d, i) => makeDoc(i, d.value, d.tree, d.startLine, []));
    if (fast.kind === 'too-deep') return tooDeep(fast.line, file);
    if (source.length > MAX_GENERAL_YAML_LENGTH) {
      const mb = (source.length / 1024 / 1024).toFixed(1);
      return fatal(
        fast.line,
        `file too large for full YAML (${mb} MB): files over 2 MB must use plain block style ` +
          '(no anchors, aliases, tags, block scalars or multi-line strings); the first such construct is on this line',
        file,
      );
    }
    const scan = scanDepth(source, SCAN_LIMIT);
    if (scan.line > 0) return tooDeep(scan.line, file);
    return libParse(source, file).map((d, i) => makeDoc(i, d.value, d.tree, d.startLine, d.diagnostics));
  } catch (e) {
    const why = e instanceof RangeError ? 'nesting too deep' : e instanceof Error ? e.message : String(e);
    return fatal(1, `could not parse the YAML: ${why}`, file);
  }
}
