// The runs under the viewer's folder: the folder itself when it is a run folder, else each folder inside it
// that is one (it has eval_args.json or details/). A run's id is its path relative to the folder; a request
// names a run only by an id found here, so nothing from the browser becomes a path.
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { RunView, type RunInfo } from './run-view.ts';

function isRunFolder(dir: string): boolean {
  return existsSync(path.join(dir, 'eval_args.json')) || existsSync(path.join(dir, 'details'));
}

/** A finished run's totals from meta.jsonl (no index needed for the list of runs). */
function metaTotals(file: string): { items: number; errors: number; score: number | null } | undefined {
  try {
    const byBootcamp = new Map<string, { n: number; sum: number }>();
    let items = 0;
    let errors = 0;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const m = JSON.parse(line) as { bootcamp?: string; subset?: string; n?: number; avg_score?: number; n_errors?: number };
      const n = m.n ?? 0;
      items += n;
      errors += m.n_errors ?? 0;
      const key = m.subset ?? m.bootcamp ?? '';
      const b = byBootcamp.get(key) ?? { n: 0, sum: 0 };
      b.n += n;
      b.sum += (m.avg_score ?? 0) * n;
      byBootcamp.set(key, b);
    }
    const groups = [...byBootcamp.values()].filter((b) => b.n > 0);
    return { items, errors, score: groups.length > 0 ? groups.reduce((s, b) => s + b.sum / b.n, 0) / groups.length : null };
  } catch {
    return undefined;
  }
}

export class RunCatalog {
  private readonly views = new Map<string, RunView>();

  constructor(readonly root: string) {}

  /** Run ids, most recently modified first (folder name as the tie-break). */
  ids(): string[] {
    if (!existsSync(this.root)) return [];
    if (isRunFolder(this.root)) return [path.basename(path.resolve(this.root))];
    return readdirSync(this.root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && isRunFolder(path.join(this.root, e.name)))
      .map((e) => e.name)
      .sort((a, b) => statSync(path.join(this.root, b)).mtimeMs - statSync(path.join(this.root, a)).mtimeMs || a.localeCompare(b));
  }

  private dirOf(id: string): string {
    return isRunFolder(this.root) ? this.root : path.join(this.root, id);
  }

  /** Whether `id` names a run here: the folder itself, or a run folder directly inside it (a plain name, never a path). */
  private isId(id: string): boolean {
    if (!existsSync(this.root)) return false;
    if (isRunFolder(this.root)) return id === path.basename(path.resolve(this.root));
    if (id === '' || id === '.' || id === '..' || /[\/\\\0]/.test(id)) return false;
    const dir = path.join(this.root, id);
    // lstat: a symlink is not a run here, as the listing (which sees it as a link, not a folder) leaves it out.
    return existsSync(dir) && lstatSync(dir).isDirectory() && isRunFolder(dir);
  }

  /** The run with this id, indexed up to date; undefined for an id that is not a run here. */
  async get(id: string): Promise<RunView | undefined> {
    // Checked directly, not by listing and sorting every run folder on each request.
    if (!this.isId(id)) return undefined;
    let view = this.views.get(id);
    if (!view) this.views.set(id, (view = new RunView(id, this.dirOf(id))));
    await view.refresh();
    return view;
  }

  /** The runs list: a finished run's figures from its meta.jsonl, the others' from their index. */
  async list(): Promise<RunInfo[]> {
    const out: RunInfo[] = [];
    for (const id of this.ids()) {
      let view = this.views.get(id);
      if (!view) {
        const probe = new RunView(id, this.dirOf(id));
        probe.args = undefined;
        await probe.refreshArgsOnly();
        const state = probe.state();
        const totals = state === 'finished' ? metaTotals(probe.paths.meta) : undefined;
        if (totals) {
          out.push({ ...probe.info(false), ...totals, state });
          continue;
        }
        this.views.set(id, (view = probe));
      }
      await view.refresh();
      out.push(view.info());
    }
    return out;
  }
}
