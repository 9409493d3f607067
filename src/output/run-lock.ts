// One process per run folder: `run.lock` inside the folder names the process that writes it (pid, host, start
// time, command). Created atomically (O_EXCL); a lock is stale only when its pid is gone on this host (or is
// alive but a different process: Linux start times differ), never by age, since an overnight run is old.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.ts';

export const LOCK_FILE = 'run.lock';

export interface LockInfo {
  pid: number;
  host: string;
  started_at: string;
  command: string;
  /** Linux: the process's start time in clock ticks since boot (/proc/PID/stat field 22), to tell a reused pid. */
  proc_start?: string;
}

export interface LockOptions {
  /** What the lock says the holder runs; the caller redacts secrets from it. */
  command: string;
  /** --force: take a lock held on another host (a live pid on this host is never taken). */
  force: boolean;
  log: (line: string) => void;
  now?: () => Date;
}

function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may hold spaces and parentheses: count fields from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process a lock names still runs (only answerable for this host). */
function holderAlive(info: LockInfo): boolean {
  if (!Number.isInteger(info.pid) || info.pid <= 0 || !pidAlive(info.pid)) return false;
  if (info.proc_start === undefined) return true;
  const now = procStart(info.pid);
  return now === undefined || now === info.proc_start;
}

function readLock(file: string): LockInfo | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return parsed && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function describe(folder: string, info: LockInfo): string {
  return `run folder ${folder} is in use by pid ${info.pid} on host ${info.host} since ${info.started_at}`;
}

/**
 * Who holds the folder's lock, if anyone might: a live process on this host, or any process on another host
 * (which --force may take over). Undefined when the folder is free or its lock is stale.
 */
export function lockHolder(folder: string): { message: string; otherHost: boolean } | undefined {
  const held = readLock(path.join(folder, LOCK_FILE));
  if (!held) return undefined;
  const otherHost = held.host !== hostname();
  if (!otherHost && !holderAlive(held)) return undefined;
  return { message: describe(folder, held), otherHost };
}

export class RunLock {
  private released = false;
  private readonly onExit = () => this.release();

  private constructor(
    readonly file: string,
    private readonly text: string,
  ) {
    // A crash (a bug) must not leave a lock that looks alive to the next run on this host: the pid is gone then
    // anyway, but dropping it here keeps the folder clean.
    process.once('exit', this.onExit);
  }

  /**
   * Takes the folder's lock, creating the folder. Throws UsageError (exit 2) when another live process holds it.
   * A lock left by a dead process on this host is taken over with one notice line.
   */
  static acquire(folder: string, options: LockOptions): RunLock {
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, LOCK_FILE);
    const host = hostname();
    const info: LockInfo = {
      pid: process.pid,
      host,
      started_at: (options.now?.() ?? new Date()).toISOString(),
      command: options.command,
      ...(procStart(process.pid) !== undefined ? { proc_start: procStart(process.pid) } : {}),
    };
    const text = JSON.stringify(info, null, 2) + '\n';
    for (let attempt = 0; attempt < 3; attempt++) {
      if (tryCreate(file, text)) return new RunLock(file, text);
      const held = readLock(file);
      if (held === undefined) {
        // Empty or torn: a process died between creating and writing it (the write is one call, so this is rare).
        options.log(`Taking over ${file}: it is empty or unreadable.`);
        removeIfUnchanged(file, readFileSafe(file));
        continue;
      }
      if (held.host === host) {
        if (held.pid === process.pid) throw new UsageError(`run folder ${folder} is already in use by this process`);
        if (holderAlive(held)) throw new UsageError(`${describe(folder, held)}. Wait for it to finish, or stop it (kill ${held.pid}) and run again with --resume.`);
        options.log(`Taking over the stale lock of ${folder}: pid ${held.pid} (since ${held.started_at}) is no longer running.`);
      } else if (options.force) {
        options.log(`--force: taking over the lock of ${folder} held by pid ${held.pid} on host ${held.host} since ${held.started_at}.`);
      } else {
        throw new UsageError(`${describe(folder, held)}. This host cannot tell whether it still runs; if it does not, run again with --force.`);
      }
      removeIfUnchanged(file, JSON.stringify(held));
    }
    throw new UsageError(`run folder ${folder}: could not take ${LOCK_FILE} (another process keeps taking it)`);
  }

  /** Drops the lock if it is still ours. Safe to call more than once. */
  release(): void {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    try {
      if (readFileSync(this.file, 'utf8') === this.text) unlinkSync(this.file);
    } catch {
      /* gone already, or the folder was removed */
    }
  }
}

function tryCreate(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UsageError(`cannot create ${file}: ${(err as Error).message}`);
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readFileSafe(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Removes a lock judged stale, but only if it still says what we judged (as parsed JSON, or raw text): two
 * processes taking over at once must not remove the lock the quicker one has just created.
 */
function removeIfUnchanged(file: string, judged: string | undefined): void {
  const now = readFileSafe(file);
  if (now === undefined) return;
  let same = now === judged;
  if (!same) {
    try {
      same = JSON.stringify(JSON.parse(now)) === judged;
    } catch {
      same = false;
    }
  }
  if (same) {
    try {
      unlinkSync(file);
    } catch {
      /* someone else removed it first */
    }
  }
}
