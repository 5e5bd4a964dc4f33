/**
 * JSON paths in the dotted/bracket form used by diagnostics:
 * `spec.processPolicy[0].children[1].id`, `matchLabels["app.kubernetes.io/name"]`.
 */

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Parses a path written by `formatPath` (also accepts `a.0.b`-free forms only). */
export function parsePath(text: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '.') {
      i++;
    } else if (ch === '[') {
      if (text[i + 1] === '"') {
        let j = i + 2;
        while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
        try {
          out.push(JSON.parse(text.slice(i + 1, j + 1)) as string);
        } catch {
          out.push(text.slice(i + 2, j));
        }
        i = text.indexOf(']', j) < 0 ? text.length : text.indexOf(']', j) + 1;
      } else {
        const close = text.indexOf(']', i);
        const inner = text.slice(i + 1, close < 0 ? text.length : close);
        out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
        i = close < 0 ? text.length : close + 1;
      }
    } else {
      let j = i;
      while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
      out.push(text.slice(i, j));
      i = j;
    }
  }
  return out;
}
