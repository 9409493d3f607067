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

const b64 = (text: string) => `"${Buffer.from(text, 'utf8').toString('base64')}"`;

/**
 * The Python program that runs one execution inside an ms-enclave sandbox. Every piece of the request (file
 * names and contents, argv, stdin) is a base64 string literal (its alphabet has no quote or backslash), so
 * nothing of it is ever code. A Python program runs in this same interpreter (compiled from its file and run
 * as __main__): one interpreter start-up per execution, not two; the program only imports what start-up has
 * loaded already (binascii is built in), since each import costs milliseconds per execution.
 */
export function executionProgram(request: ExecuteRequest): string {
  const files = Object.entries(request.files).map(([name, text]) => `(${b64(name)}, ${b64(text)})`).join(', ');
  const command = request.command.map(b64).join(', ');
  return `import binascii, io, os, sys
d = lambda s: binascii.a2b_base64(s)
FILES = [${files}]
COMMAND = [d(a).decode() for a in [${command}]]
STDIN = d(${b64(request.stdin ?? '')})
TIMEOUT = ${request.timeoutMs / 1000}
work = "/tmp/bce-" + os.urandom(8).hex()
os.makedirs(work)
for name, data in FILES:
    path = os.path.join(work, d(name).decode())
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(d(data))
if len(COMMAND) >= 2 and COMMAND[0] in ("python", "python3") and not COMMAND[1].startswith("-"):
    # The tool's own timeout bounds it (the client sets it to the execution's).
    os.chdir(work)
    script = os.path.abspath(COMMAND[1])
    sys.path.insert(0, os.path.dirname(script))
    sys.argv = COMMAND[1:]
    sys.stdin = io.TextIOWrapper(io.BytesIO(STDIN), encoding="utf-8")
    code = "0"
    try:
        with open(script, "rb") as f:
            source = f.read()
        exec(compile(source, script, "exec"), {"__name__": "__main__", "__file__": script, "__builtins__": __builtins__})
    except SystemExit as e:
        if e.code is None:
            code = "0"
        elif isinstance(e.code, int):
            code = str(e.code)
        else:
            sys.stderr.write(str(e.code) + "\\n")
            code = "1"
    except BaseException:
        import traceback
        traceback.print_exc()
        code = "1"
    sys.stdout.flush()
    sys.stderr.write("\\n${EXIT_MARKER}" + code + "\\n")
else:
    import subprocess
    try:
        done = subprocess.run(COMMAND, cwd=work, input=STDIN, capture_output=True, timeout=TIMEOUT)
        code = str(done.returncode)
        out, err = done.stdout, done.stderr
    except subprocess.TimeoutExpired as e:
        code = "timeout"
        out, err = e.stdout or b"", e.stderr or b""
    sys.stdout.write(out.decode("utf-8", "replace"))
    sys.stderr.write(err.decode("utf-8", "replace") + "\\n${EXIT_MARKER}" + code + "\\n")
`;
}

/** The tool's own timeout for a request: a Python program runs inside the tool's process, bounded by it alone. */
export function toolTimeoutSec(request: ExecuteRequest): number {
  const inProcess = request.command.length >= 2 && (request.command[0] === 'python3' || request.command[0] === 'python') && !request.command[1].startsWith('-');
  return Math.ceil(request.timeoutMs / 1000) + (inProcess ? 0 : TOOL_SLACK_SEC);
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

export { memoryLimitMb } from './memory-size.ts';
