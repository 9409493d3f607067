// The Docker sandbox (--sandbox_type docker), through the docker CLI: the same limits as bwrap, expressed as
// docker run flags (no network, memory and pids limits, read-only root, no capabilities, user nobody).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ExecuteRequest, ExecuteResult, SandboxExecutor } from '../../bootcamps/types.ts';
import { runProcess } from './run-process.ts';

export interface DockerOptions {
  image: string;
  docker?: string;
  maxProcesses?: number;
  tmpfsMb?: number;
  outputCapBytes?: number;
}

export class DockerSandbox implements SandboxExecutor {
  private readonly docker: string;
  constructor(private readonly options: DockerOptions) {
    this.docker = options.docker ?? 'docker';
  }

  async execute(request: ExecuteRequest, signal?: AbortSignal): Promise<ExecuteResult> {
    // The working directory is a host temp folder mounted read-write: docker cannot copy into a tmpfs mount.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bce-docker-'));
    chmodSync(dir, 0o777);
    const name = `bce-${randomUUID()}`;
    try {
      for (const [file, content] of Object.entries(request.files)) {
        if (file.split('/').includes('..') || path.isAbsolute(file)) throw new Error(`file name not allowed in a sandbox: ${JSON.stringify(file)}`);
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), content);
      }
      const args = [
        'run', '--rm', '-i', '--name', name,
        '--network', 'none',
        '--memory', `${request.memoryMb}m`, '--memory-swap', `${request.memoryMb}m`,
        '--pids-limit', String(this.options.maxProcesses ?? 64),
        '--read-only', '--tmpfs', `/tmp:rw,size=${this.options.tmpfsMb ?? 256}m`,
        '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges',
        '--user', '65534:65534',
        '--ulimit', 'core=0',
        '-v', `${dir}:/sandbox:rw`, '-w', '/sandbox',
        ...(request.mounts ?? []).flatMap((m) => ['-v', `${m.host}:${m.target}:ro`]),
        '-e', 'HOME=/sandbox', '-e', 'PYTHONDONTWRITEBYTECODE=1',
        this.options.image,
        ...request.command,
      ];
      return await runProcess({
        file: this.docker,
        args,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}) },
        stdin: request.stdin,
        // Killing the CLI does not stop the container; `docker kill` does.
        timeoutMs: request.timeoutMs,
        outputCapBytes: this.options.outputCapBytes,
        signal,
        onKill: () => execFile(this.docker, ['kill', name], () => undefined),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Whether a Docker engine answers (for the tests' skip reason and the health check's message). */
export function dockerEngineAvailable(docker = 'docker'): Promise<{ ok: boolean; reason?: string }> {
  return new Promise((resolve) => {
    execFile(docker, ['version', '--format', '{{.Server.Version}}'], { timeout: 10_000 }, (err, stdout, stderr) => {
      if (err) resolve({ ok: false, reason: (stderr || err.message).trim().split('\n').pop() });
      else resolve({ ok: true, reason: stdout.trim() });
    });
  });
}
