/**
 * Monaco, configured once, from local files only (no CDN): editor + YAML
 * language, local web workers, and monaco-yaml with a compatibility shim.
 * Only the lazy code-editor chunk imports this module.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml, type JSONSchema, type MonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from './yaml.worker.ts?worker';

type MonacoApi = typeof monaco;

interface LegacyWorkerOptions {
  label?: string;
  moduleId?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

/**
 * monaco-yaml 5.5 still calls `createWebWorker({label, moduleId, createData})`,
 * which monaco ≥ 0.53 no longer accepts. Do what monaco's own internal helper
 * does: create the worker, post 'ignore' then createData, and hand the worker over.
 */
function legacyCreateWebWorker(opts: LegacyWorkerOptions) {
  const worker = opts.label === 'yaml' ? new YamlWorker() : new EditorWorker();
  worker.postMessage('ignore');
  worker.postMessage(opts.createData);
  return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
}

let yaml: MonacoYaml | undefined;

/** Configure (or reconfigure) YAML schema validation, completion and hover. */
export function configureYamlSchema(schema: JSONSchema | undefined, fileMatch = ['*.yaml']): MonacoYaml {
  const options = {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    format: { enable: true },
    schemas: schema ? [{ uri: 'palisade://schema/policy.json', fileMatch, schema }] : [],
  };
  if (yaml) {
    void yaml.update(options);
    return yaml;
  }
  const shimmed = { ...monaco, editor: { ...monaco.editor, createWebWorker: legacyCreateWebWorker } } as unknown as MonacoApi;
  yaml = configureMonacoYaml(shimmed, options);
  return yaml;
}

export { monaco };
