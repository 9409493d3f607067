// The viewer command: [DIR] [--host H] [--port N] [--token T] [--static OUT.html].
import minimist from 'minimist';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXIT, UsageError } from '../errors.ts';
import { exitCodeOf } from './cli-common.ts';
import { ViewerServer } from '../viewer/viewer-server.ts';
import { RunCatalog } from '../viewer/run-catalog.ts';
import { writeStaticReport } from '../viewer/static-report.ts';
import { onProcessInterrupt } from './interrupts.ts';

export const VIEW_HELP = `Usage: tsx scripts/view.ts [DIR] [--host 127.0.0.1] [--port 0] [--token T]
       tsx scripts/view.ts RUN_DIR --static OUT.html
  Serves a web viewer of run folders: DIR is a run folder or a folder of them (default output/).
  --port 0 (the default) picks a free port; the first line printed is "listening http://HOST:PORT".
  --token T (or VIEW_TOKEN): every request needs it (open the printed address with ?token=T once; the page
  keeps it in a cookie). A host other than loopback needs a token.
  --static OUT.html writes one self-contained page of a run (summary, chart, failed items) and exits.
`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function viewMain(argv: readonly string[], io: { stdout: (t: string) => void; stderr: (t: string) => void; env: Readonly<Record<string, string | undefined>> }): Promise<number> {
  return exitCodeOf(io.stderr, async () => {
    const args = minimist([...argv], {
      string: ['host', 'port', 'token', 'static'],
      boolean: ['help'],
      alias: { h: 'help' },
      unknown: (arg) => {
        if (arg.startsWith('-') && !['--host', '--port', '--token', '--static', '--help', '-h'].includes(arg.replace(/=.*/, ''))) throw new UsageError(`unknown flag ${arg}; see --help`);
        return true;
      },
    });
    if (args.help) {
      io.stdout(VIEW_HELP);
      return EXIT.ok;
    }
    if (args._.length > 1) throw new UsageError('expected one folder (a run folder or a folder of them); see --help');
    const root = String(args._[0] ?? 'output');
    if (!existsSync(root)) throw new UsageError(`${root}: no such folder (run an evaluation first, or name the folder of your runs)`);
    if (args.static !== undefined) {
      if (!args.static) throw new UsageError('--static: expected the HTML file to write');
      const catalog = new RunCatalog(root);
      const ids = catalog.ids();
      if (ids.length !== 1) throw new UsageError(`--static needs one run folder; ${root} holds ${ids.length} runs (name one of them)`);
      const view = (await catalog.get(ids[0]))!;
      const { failed, shown } = await writeStaticReport(view, String(args.static));
      io.stderr(`Wrote ${String(args.static)} (${view.info().items} items, ${failed} failed${shown < failed ? `, ${shown} shown` : ''})\n`);
      return EXIT.ok;
    }
    const host = String(args.host ?? '127.0.0.1');
    const portRaw = String(args.port ?? '0');
    if (!/^\d+$/.test(portRaw) || Number(portRaw) > 65535) throw new UsageError(`--port: expected a port number, got ${JSON.stringify(portRaw)}`);
    const token = (args.token as string | undefined) || io.env.VIEW_TOKEN || undefined;
    if (!LOOPBACK.has(host) && !token) throw new UsageError(`--host ${host} is reachable from other machines: give --token T (or VIEW_TOKEN), or bind 127.0.0.1`);
    const server = new ViewerServer({ root, host, port: Number(portRaw), token, log: (line) => io.stderr(line + '\n') });
    const address = await server.listen();
    io.stdout(`listening ${address}\n`);
    io.stderr(`Viewing ${path.resolve(root)}: open ${address}/${token ? '?token=<your token>' : ''} (Ctrl-C stops)\n`);
    await new Promise<void>((resolve) => {
      const off = onProcessInterrupt(() => {
        off();
        resolve();
      });
    });
    await server.close();
    return EXIT.ok;
  });
}
