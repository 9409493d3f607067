// Finds what of the host a sandboxed Python needs: its executable and the folders to bind read-only (the
// system's /usr, plus the interpreter's own prefix when it lives elsewhere, e.g. pyenv or a venv).
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.ts';

export interface PythonRuntime {
  /** Absolute path of the interpreter, as the sandbox sees it (the same path as on the host). */
  executable: string;
  /** Host folders bound read-only at the same path. */
  readOnlyBinds: string[];
  /** Top-level links such as /lib -> usr/lib, recreated inside (merged-/usr systems). */
  symlinks: [target: string, link: string][];
  /** PATH inside the sandbox. */
  path: string;
}

const SYSTEM_TOP = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

/** Asks the interpreter itself where it lives: shims (pyenv) and venvs resolve to the real thing. */
export function resolvePythonRuntime(python: string): PythonRuntime {
  let info: { executable: string; prefixes: string[] };
  try {
    const out = execFileSync(python, ['-c', 'import sys, json; print(json.dumps({"executable": sys.executable, "prefixes": [sys.base_prefix, sys.prefix, sys.exec_prefix]}))'], {
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    });
    info = JSON.parse(out.trim().split('\n').pop()!) as typeof info;
  } catch (err) {
    throw new UsageError(`--sandbox_python ${python}: cannot run it to find the sandbox's Python runtime (${(err as Error).message.split('\n')[0]})`);
  }
  const binds = new Set<string>(['/usr']);
  const symlinks: [string, string][] = [];
  for (const top of SYSTEM_TOP) {
    if (!existsSync(top)) continue;
    if (lstatSync(top).isSymbolicLink()) symlinks.push([readlinkSync(top), top]);
    else binds.add(top);
  }
  const underBound = (p: string) => [...binds].some((b) => p === b || p.startsWith(b + '/'));
  const executable = info.executable;
  for (const candidate of [...info.prefixes, path.dirname(path.dirname(realpathSync(executable)))]) {
    const real = realpathSync(candidate);
    if (!underBound(candidate)) binds.add(candidate);
    if (!underBound(real)) binds.add(real);
  }
  const binDir = path.dirname(executable);
  return { executable, readOnlyBinds: [...binds], symlinks, path: [...new Set([binDir, '/usr/local/bin', '/usr/bin', '/bin'])].join(':') };
}
