// ms-enclave's sandbox protocol (modelscope/ms-enclave, sandbox/server/server.py and sandbox/model/*), the
// parts both our client and our server speak: the shapes of its requests and answers, its tools' parameters,
// and the one program our client sends through its python_executor tool. ms-enclave returns no exit code and
// takes no stdin, and its tools run one command each; so each of our executions is one Python program that
// writes the request's files into a fresh folder, runs the command there with the stdin, and reports the exit
// code on its last stderr line. One call per execution: it works the same on a fixed sandbox and through the
// server's pool (where two calls may land on two sandboxes), and no argument grows with the files (a shell
// command line is capped at 128 KiB per argument; the tool writes its code to a file first).
import { z } from 'zod';
import type { ExecuteRequest, ExecuteResult } from '../../bootcamps/types.ts';

/** ms-enclave's ExecutionStatus. */
export type EnclaveStatus = 'success' | 'error' | 'timeout' | 'cancelled';

/** ms-enclave's ToolResult as JSON. */
export interface EnclaveToolResult {
  status: EnclaveStatus;
  tool_name: string;
  output: unknown;
  error?: string | null;
  metadata?: Record<string, unknown>;
  execution_time?: number | null;
  timestamp?: string;
}

/** The body of POST /sandbox/tool/execute (ToolExecutionRequest). */
export const toolExecutionRequestSchema = z.object({
  sandbox_id: z.string().min(1),
  tool_name: z.string().min(1),
  parameters: z.record(z.string(), z.unknown()).default({}),
  timeout: z.number().nullable().optional(),
});

/** The tools a sandbox of ours offers, with ms-enclave's parameter names and defaults. */
export const ENCLAVE_TOOLS: Record<string, { description: string; parameters: Record<string, { type: string; default?: unknown }>; required: string[] }> = {
  python_executor: {
    description: 'Execute Python code in an isolated environment',
    parameters: { code: { type: 'string' }, timeout: { type: 'integer', default: 30 } },
    required: ['code'],
  },
  shell_executor: {
    description: 'Execute shell commands in an isolated environment',
    parameters: { command: { type: 'string|array' }, timeout: { type: 'integer', default: 30 } },
    required: ['command'],
  },
  multi_code_executor: {
    description: 'Execute code in python or bash (this server runs those two)',
    parameters: { language: { type: 'string' }, code: { type: 'string' }, files: { type: 'object' }, compile_timeout: { type: 'integer' }, run_timeout: { type: 'integer', default: 30 } },
    required: ['language', 'code'],
  },
  file_operation: {
    description: 'Perform file operations like read, write, delete, and list files',
    parameters: { operation: { type: 'string' }, file_path: { type: 'string' }, content: { type: 'string' }, encoding: { type: 'string', default: 'utf-8' } },
    required: ['operation', 'file_path'],
  },
};

/** The marker our program writes last on stderr: the command's exit code, or "timeout". */
export const EXIT_MARKER = '__bootcamp_eval_exit__=';

/** Seconds the tool's own timeout exceeds the command's, for the program's start-up and file writing. */
export const TOOL_SLACK_SEC = 10;

/**
 * The Python program that runs one execution inside an ms-enclave sandbox. The request's data travels as
 * base64 inside a JSON string literal, which Python reads with json.loads: nothing of it is ever code.
 */
export function executionProgram(request: ExecuteRequest): string {
  const payload = {
    files: Object.fromEntries(Object.entries(request.files).map(([name, text]) => [name, Buffer.from(text, 'utf8').toString('base64')])),
    command: request.command,
    stdin: Buffer.from(request.stdin ?? '', 'utf8').toString('base64'),
    timeout: request.timeoutMs / 1000,
  };
  return `import base64, json, os, subprocess, sys, tempfile
req = json.loads(${JSON.stringify(JSON.stringify(payload))})
work = tempfile.mkdtemp(prefix="bce-")
for name, data in req["files"].items():
    path = os.path.join(work, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(base64.b64decode(data))
command = list(req["command"])
if command and command[0] in ("python", "python3"):
    command[0] = sys.executable
try:
    done = subprocess.run(command, cwd=work, input=base64.b64decode(req["stdin"]), capture_output=True, timeout=req["timeout"])
    code = str(done.returncode)
    out, err = done.stdout, done.stderr
except subprocess.TimeoutExpired as e:
    code = "timeout"
    out, err = e.stdout or b"", e.stderr or b""
sys.stdout.write(out.decode("utf-8", "replace"))
sys.stderr.write(err.decode("utf-8", "replace") + "\\n${EXIT_MARKER}" + code + "\\n")
`;
}

/** What our program's answer (through python_executor) says about the execution. */
export function resultFromTool(result: EnclaveToolResult, durationMs: number): ExecuteResult {
  const stdout = typeof result.output === 'string' ? result.output : result.output == null ? '' : JSON.stringify(result.output);
  let stderr = typeof result.error === 'string' ? result.error : '';
  const at = stderr.lastIndexOf(`\n${EXIT_MARKER}`);
  let code: string | undefined;
  if (at >= 0) {
    code = stderr.slice(at + 1 + EXIT_MARKER.length).trim();
    stderr = stderr.slice(0, at);
  }
  if (code === 'timeout' || result.status === 'timeout') return { exitCode: null, stdout, stderr, timedOut: true, durationMs };
  if (code !== undefined && /^-?\d+$/.test(code)) return { exitCode: Number(code), stdout, stderr, timedOut: false, durationMs };
  // No marker: the program itself did not run to its end (the sandbox refused it, or it was killed).
  return { exitCode: result.status === 'success' ? 0 : 1, stdout, stderr: stderr || `the ms-enclave tool answered ${result.status} without a result`, timedOut: false, durationMs };
}

/** "4g", "512m", "1024k", "2048" (bytes) → MB; undefined for anything else. */
export function memoryLimitMb(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+)([kmgKMG]?)$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  return unit === 'g' ? n * 1024 : unit === 'm' ? n : unit === 'k' ? Math.ceil(n / 1024) : Math.ceil(n / (1024 * 1024));
}
