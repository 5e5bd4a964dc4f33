import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ProcessNode } from '../../engine/model/types.ts';
import { ancestorsOf, expandedToDepth, formatPort, indexTree, searchTree, visibleRows, type IndexedNode, type TreeIndex } from './tree-model.ts';

export interface ProcessTreeProps {
  roots: readonly ProcessNode[];
  label: string;
  /** A node to reveal, select and scroll to (e.g. a process id linked from the network view). */
  focusId?: string | null;
  /** Levels open at first (default 2). */
  initialDepth?: number;
}

function union(a: ReadonlySet<string>, b: Iterable<string>): Set<string> {
  const out = new Set(a);
  for (const x of b) out.add(x);
  return out;
}

/**
 * A fingerprint's process tree: collapsible, searchable (name, exe, euser, id, ports),
 * keyboard navigable as an ARIA tree (arrows, Home/End, Enter/Space).
 */
export function ProcessTree({ roots, label, focusId = null, initialDepth = 2 }: ProcessTreeProps) {
  const index = useMemo(() => indexTree(roots), [roots]);
  const [expanded, setExpanded] = useState<Set<string>>(() => union(expandedToDepth(index, initialDepth), focusId ? ancestorsOf(index, focusId) : []));
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<string | null>(focusId ?? roots[0]?.id ?? null);
  const [matchPos, setMatchPos] = useState(0);
  const [seenFocus, setSeenFocus] = useState(focusId);
  const items = useRef(new Map<string, HTMLElement>());
  const [scrollReq, setScrollReq] = useState<{ id: string; n: number; focus: boolean } | null>(focusId ? { id: focusId, n: 0, focus: true } : null);
  const handledScroll = useRef(-1);
  const searchId = useId();

  // A new target from outside: open the way to it and select it.
  if (focusId !== seenFocus) {
    setSeenFocus(focusId);
    if (focusId && index.byId.has(focusId)) {
      setExpanded(union(expanded, ancestorsOf(index, focusId)));
      setActive(focusId);
      setScrollReq({ id: focusId, n: (scrollReq?.n ?? 0) + 1, focus: true });
    }
  }

  const search = useMemo(() => searchTree(index, query), [index, query]);
  const rows = useMemo(() => visibleRows(roots, expanded), [roots, expanded]);

  useEffect(() => {
    if (!scrollReq || handledScroll.current === scrollReq.n) return;
    const el = items.current.get(scrollReq.id);
    if (!el) return;
    handledScroll.current = scrollReq.n;
    el.scrollIntoView?.({ block: 'center' });
    if (scrollReq.focus) el.focus({ preventScroll: true });
  }, [scrollReq, rows]);

  const reveal = (id: string): void => {
    setExpanded((prev) => union(prev, ancestorsOf(index, id)));
    setActive(id);
    setScrollReq((prev) => ({ id, n: (prev?.n ?? 0) + 1, focus: false }));
  };

  const onQuery = (q: string): void => {
    setQuery(q);
    setMatchPos(0);
    const s = searchTree(index, q);
    if (s.expand.size > 0) setExpanded((prev) => union(prev, s.expand));
    if (s.matches[0]) setActive(s.matches[0]);
  };

  const gotoMatch = (delta: number): void => {
    const n = search.matches.length;
    if (n === 0) return;
    const pos = (matchPos + delta + n) % n;
    setMatchPos(pos);
    const id = search.matches[pos];
    if (id) reveal(id);
  };

  const toggle = (id: string): void => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  const focusRow = (id: string | undefined): void => {
    if (!id) return;
    setActive(id);
    items.current.get(id)?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLUListElement>): void => {
    const i = rows.findIndex((r) => r.id === active);
    const row = rows[i];
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        focusRow(rows[Math.min(rows.length - 1, i + 1)]?.id);
        break;
      case 'ArrowUp':
        focusRow(rows[Math.max(0, i - 1)]?.id);
        break;
      case 'Home':
        focusRow(rows[0]?.id);
        break;
      case 'End':
        focusRow(rows[rows.length - 1]?.id);
        break;
      case 'ArrowRight':
        if (row?.hasChildren && !row.expanded) toggle(row.id);
        else if (row?.expanded) focusRow(rows[i + 1]?.id);
        break;
      case 'ArrowLeft':
        if (row?.expanded) toggle(row.id);
        else focusRow(index.byId.get(row?.id ?? '')?.parentId ?? undefined);
        break;
      case 'Enter':
      case ' ':
        if (row?.hasChildren) toggle(row.id);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const total = index.order.length;
  return (
    <div className="process-tree">
      <div className="toolbar pt-toolbar">
        <label className="visually-hidden" htmlFor={searchId}>
          Search processes
        </label>
        <input
          id={searchId}
          className="input pt-search"
          type="search"
          placeholder="Search name, exe, user, id or port  ( / )"
          data-search
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              gotoMatch(e.shiftKey ? -1 : 1);
            }
          }}
        />
        {query.trim() !== '' && (
          <span className="muted" role="status" data-testid="tree-matches">
            {search.matches.length === 0 ? 'No match' : `${Math.min(matchPos + 1, search.matches.length)} of ${search.matches.length} matches`}
          </span>
        )}
        {search.matches.length > 1 && (
          <>
            <button type="button" className="btn" onClick={() => gotoMatch(-1)} aria-label="Previous match">
              ↑
            </button>
            <button type="button" className="btn" onClick={() => gotoMatch(1)} aria-label="Next match">
              ↓
            </button>
          </>
        )}
        <span className="pt-spacer" />
        <button type="button" className="btn" onClick={() => setExpanded(new Set(index.parents))}>
          Expand all
        </button>
        <button type="button" className="btn" onClick={() => setExpanded(new Set())}>
          Collapse all
        </button>
        <span className="muted">{total.toLocaleString()} processes</span>
      </div>
      {roots.length === 0 ? (
        <p className="muted">No processes were recorded for this workload.</p>
      ) : (
        <ul className="pt-tree" role="tree" aria-label={label} onKeyDown={onKey}>
          {roots.map((n) => (
            <TreeItem
              key={n.id}
              node={n}
              index={index}
              expanded={expanded}
              active={active}
              search={query.trim() ? search : null}
              target={focusId}
              current={query.trim() ? (search.matches[matchPos] ?? null) : null}
              onToggle={toggle}
              onSelect={setActive}
              register={(id, el) => {
                if (el) items.current.set(id, el);
                else items.current.delete(id);
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

interface TreeItemProps {
  node: ProcessNode;
  index: TreeIndex;
  expanded: ReadonlySet<string>;
  active: string | null;
  search: ReturnType<typeof searchTree> | null;
  target: string | null;
  current: string | null;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
  register: (id: string, el: HTMLElement | null) => void;
}

function TreeItem(props: TreeItemProps) {
  const { node, index, expanded, active, search, target, current, onToggle, onSelect, register } = props;
  const info: IndexedNode | undefined = index.byId.get(node.id);
  const kids = node.children ?? [];
  const isOpen = kids.length > 0 && expanded.has(node.id);
  const labelId = useId();
  const isMatch = search?.matches.includes(node.id) ?? false;
  const dim = search !== null && !search.onPath.has(node.id);
  const cls = ['pt-row', isMatch ? 'pt-match' : '', dim ? 'pt-dim' : '', target === node.id ? 'pt-target' : '', current === node.id ? 'pt-current' : ''].filter(Boolean).join(' ');
  return (
    <li
      role="treeitem"
      aria-level={(info?.depth ?? 0) + 1}
      aria-expanded={kids.length > 0 ? isOpen : undefined}
      aria-selected={active === node.id}
      aria-labelledby={labelId}
      tabIndex={active === node.id ? 0 : -1}
      data-process-id={node.id}
      ref={(el) => register(node.id, el)}
      className="pt-item"
      onFocus={(e) => {
        if (e.target === e.currentTarget) onSelect(node.id);
      }}
    >
      <div
        className={cls}
        onClick={(e) => {
          e.stopPropagation();
          onSelect(node.id);
          if (kids.length > 0) onToggle(node.id);
        }}
      >
        <span className="pt-toggle" aria-hidden="true">
          {kids.length === 0 ? '·' : isOpen ? '▾' : '▸'}
        </span>
        <span id={labelId} className="pt-label">
          <strong className="pt-name">{node.name}</strong>
          {(node.exe ?? []).map((x) => (
            <code key={x} className="pt-exe">
              {x}
            </code>
          ))}
          {info && info.euser.length > 0 && (
            <span className="pt-user" title={info.inheritedEuser ? 'euser inherited from the parent process' : 'euser'}>
              {info.euser.join(', ')}
              {info.inheritedEuser && <span className="muted"> (inherited)</span>}
            </span>
          )}
          {(node.listeningSockets ?? []).length > 0 && (
            <span className="pt-ports" title="Listening sockets">
              listens {(node.listeningSockets ?? []).map(formatPort).join(', ')}
            </span>
          )}
          <span className="pt-id muted">{node.id}</span>
          {kids.length > 0 && !isOpen && <span className="muted pt-count">{kids.length} children</span>}
        </span>
      </div>
      {isOpen && (
        <ul role="group" className="pt-group">
          {kids.map((c) => (
            <TreeItem key={c.id} {...props} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}
