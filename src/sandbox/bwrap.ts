// The local sandbox: bubblewrap. Each execution gets fresh namespaces (no network, its own PIDs, IPC, UTS), a
// tmpfs working directory holding only the request's files, the Python runtime read-only and nothing else of
// the host, a clean environment, and rlimits on memory, processes and file size. A timeout kills it all.
import type { ExecuteRequest, ExecuteResult, SandboxExecutor } from '../../bootcamps/types.ts';
import { existsSync } from 'node:fs';
import { runProcess } from './run-process.ts';
import type { PythonRuntime } from './python-runtime.ts';

export interface BwrapOptions {
  runtime: PythonRuntime;
  /** Path of the bwrap binary (default: bwrap on PATH). */
  bwrap?: string;
  /** Processes (threads included) the program may have at once; bounds a fork bomb. */
  maxProcesses?: number;
  /** Largest file the program may write, and size of each tmpfs (the working directory and /tmp). */
  maxFileMb?: number;
  tmpfsMb?: number;
  outputCapBytes?: number;
}

const WORKDIR = '/sandbox';
const ETC_FOR_LIBRARIES = ['/etc/alternatives', '/etc/matplotlibrc'];
/** "nobody": see why in the constructor. */
const NOBODY = 65534;

export class BwrapSandbox implements SandboxExecutor {
  private readonly bwrap: string;
  private readonly runAs: { uid?: number; gid?: number };

  constructor(private readonly options: BwrapOptions) {
    this.bwrap = options.bwrap ?? 'bwrap';
    // The process cap (RLIMIT_NPROC) is not enforced for processes whose real user is root, and inside the
    // sandbox's user namespace the program's real user is whoever started bwrap. So when the evaluator runs as
    // root, bwrap is started as nobody: the cap then holds, and an escape would land as nobody, not root.
    this.runAs = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
  }

  /** The argv for one execution; the files arrive on fds 3, 4, … in `files` order. */
  buildArgs(request: ExecuteRequest, fileNames: string[]): string[] {
    const { runtime } = this.options;
    const tmpfsBytes = String((this.options.tmpfsMb ?? 256) * 1024 * 1024);
    const args = [
      '--unshare-all', // user, ipc, pid, net, uts, cgroup: the network namespace has only its own loopback
      '--die-with-parent',
      '--new-session', // no access to the evaluator's terminal (TIOCSTI)
      '--clearenv',
      '--setenv', 'PATH', runtime.path,
      '--setenv', 'HOME', WORKDIR,
      '--setenv', 'TMPDIR', '/tmp',
      '--setenv', 'LANG', 'C.UTF-8',
      '--setenv', 'PYTHONDONTWRITEBYTECODE', '1',
      '--setenv', 'PYTHONHASHSEED', '0',
    ];
    for (const dir of runtime.readOnlyBinds) args.push('--ro-bind', dir, dir);
    // Debian keeps a few things Python libraries need under /etc, reached by links from /usr: the shared-library
    // choices (libblas.so.3 for numpy: links only) and matplotlib's matplotlibrc. Nothing else of /etc is shown.
    for (const etc of ETC_FOR_LIBRARIES) if (existsSync(etc)) args.push('--ro-bind', etc, etc);
    for (const [target, link] of runtime.symlinks) args.push('--symlink', target, link);
    args.push('--proc', '/proc', '--dev', '/dev');
    // Data files a program reads (SciCode's test_data.h5), read-only at the path asked.
    for (const m of request.mounts ?? []) args.push('--ro-bind', m.host, m.target);
    args.push('--size', tmpfsBytes, '--perms', '1777', '--tmpfs', '/tmp');
    args.push('--size', tmpfsBytes, '--perms', '0755', '--tmpfs', WORKDIR);
    fileNames.forEach((name, i) => {
      const dest = `${WORKDIR}/${name}`;
      const parent = dest.slice(0, dest.lastIndexOf('/'));
      if (parent !== WORKDIR) args.push('--dir', parent);
      args.push('--file', String(3 + i), dest);
    });
    args.push('--chdir', WORKDIR, '--');
    // rlimits are set inside, after the namespaces exist, so the process count is the sandbox's own.
    const memBytes = String(request.memoryMb * 1024 * 1024);
    const fileBytes = String((this.options.maxFileMb ?? 64) * 1024 * 1024);
    const nproc = String(this.options.maxProcesses ?? 64);
    args.push('prlimit', `--as=${memBytes}`, `--nproc=${nproc}`, `--fsize=${fileBytes}`, '--core=0', '--');
    const [program, ...rest] = request.command;
    args.push(program === 'python3' || program === 'python' ? runtime.executable : program, ...rest);
    return args;
  }

  execute(request: ExecuteRequest, signal?: AbortSignal): Promise<ExecuteResult> {
    const names = Object.keys(request.files);
    for (const name of names) {
      if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(name) || name.split('/').includes('..')) {
        return Promise.reject(new Error(`file name not allowed in a sandbox: ${JSON.stringify(name)}`));
      }
    }
    return runProcess({
      file: this.bwrap,
      args: this.buildArgs(request, names),
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      stdin: request.stdin,
      extraFds: names.map((n) => Buffer.from(request.files[n], 'utf8')),
      timeoutMs: request.timeoutMs,
      outputCapBytes: this.options.outputCapBytes,
      ...this.runAs,
      signal,
    });
  }
}
