// The viewer's page: a small router over the address (so every view, filters included, is a link), the
// views it draws, and the polling a running run's views use to stay current.
import { fill, h, setNavigator } from './dom.ts';
import { runsView } from './views/runs.ts';
import { runView } from './views/run.ts';
import { itemsView } from './views/items.ts';
import { itemView } from './views/item.ts';
import { compareView } from './views/compare.ts';

export interface ViewContext {
  navigate(href: string, replace?: boolean): void;
  /** Calls `render` every 2 s while it returns true (a running run); stopped when the view is left. */
  poll(render: () => Promise<boolean>, again: boolean): void;
  /** Keyboard shortcuts of this view (not while typing in a field). */
  keys(handler: (e: KeyboardEvent) => void): void;
  crumbs(...parts: [string, string][]): void;
}

export type View = (root: HTMLElement, params: Record<string, string>, ctx: ViewContext) => Promise<void>;

const ROUTES: [RegExp, View, string[]][] = [
  [/^\/$/, runsView, []],
  [/^\/compare$/, compareView, []],
  [/^\/run\/([^/]+)$/, runView, ['id']],
  [/^\/run\/([^/]+)\/items$/, itemsView, ['id']],
  [/^\/run\/([^/]+)\/item$/, itemView, ['id']],
];

let cleanups: (() => void)[] = [];
let generation = 0;

async function show(): Promise<void> {
  for (const c of cleanups) c();
  cleanups = [];
  const mine = ++generation;
  const root = document.getElementById('app')!;
  const crumbs = document.getElementById('crumbs')!;
  fill(crumbs);
  const ctx: ViewContext = {
    navigate,
    poll(render, again) {
      if (!again) return;
      const timer = setInterval(() => {
        if (mine !== generation) return clearInterval(timer);
        render().then((more) => {
          if (!more) clearInterval(timer);
        }, () => undefined);
      }, 2000);
      cleanups.push(() => clearInterval(timer));
    },
    keys(handler) {
      const listener = (e: KeyboardEvent) => {
        const target = e.target as Element | null;
        if (target && target.closest('input, select, textarea')) return;
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        handler(e);
      };
      document.addEventListener('keydown', listener);
      cleanups.push(() => document.removeEventListener('keydown', listener));
    },
    crumbs(...parts) {
      if (mine === generation) fill(crumbs, ...parts.map(([label, href]) => h('a', { href }, label)));
    },
  };
  const path = location.pathname;
  for (const [pattern, view, names] of ROUTES) {
    const m = pattern.exec(path);
    if (!m) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
    try {
      await view(root, params, ctx);
    } catch (err) {
      if (mine === generation) fill(root, h('h1', null, 'Could not show this page'), h('p', { class: 'error', testid: 'page-error' }, (err as Error).message));
    }
    return;
  }
  fill(root, h('h1', null, 'No such page'), h('a', { href: '/' }, 'All runs'));
}

function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  void show();
}

setNavigator(navigate);
window.addEventListener('popstate', () => void show());
void show();
