// /openapi.json: the service's routes as an OpenAPI 3.1 document, with the request bodies' properties taken
// from the same tables as GET /api/v1/{eval,perf}/params (so the document cannot drift from what is accepted).
import { evalParams } from './evalscope-routes.ts';
import { perfParams } from '../perf/perf-flags.ts';
import { VERSION } from '../version.ts';

const JSON_TYPES: Record<string, string> = { int: 'integer', number: 'number', boolean: 'boolean', list: 'array', json: 'object', string: 'string', 'optional-path': 'string', taskconfig: 'object' };

function schemaOf(params: Record<string, unknown>): Record<string, unknown> {
  const all = [...(params.required as { name: string; type: string; description: string }[]), ...(params.optional as { name: string; type: string; description: string }[])];
  return {
    type: 'object',
    required: (params.required as { name: string }[]).map((p) => p.name),
    properties: Object.fromEntries(all.map((p) => [p.name, { ...(JSON_TYPES[p.type] && p.type !== 'taskconfig' ? { type: JSON_TYPES[p.type] } : {}), description: p.description }])),
    example: params.example,
  };
}

type Op = [method: string, path: string, summary: string, body?: 'TaskConfig' | 'PerfArguments', params?: ('task_id' | 'header' | 'id')[]];

const OPS: Op[] = [
  ['get', '/health', 'Liveness, in EvalScope\'s shape (no token needed)'],
  ['post', '/api/v1/jobs', 'Queue an evaluation job (202 with its id)', 'TaskConfig'],
  ['get', '/api/v1/jobs', 'List jobs, optionally by state'],
  ['get', '/api/v1/jobs/{id}', 'A job: state, scores when done, run folder', undefined, ['id']],
  ['delete', '/api/v1/jobs/{id}', 'Cancel a job (the run stops as on Ctrl-C, keeping what is done)', undefined, ['id']],
  ['post', '/api/v1/jobs/{id}/resume', 'Resume an interrupted, failed or cancelled job (api_key when it was given inline)', undefined, ['id']],
  ['get', '/api/v1/jobs/{id}/events', 'Server-sent events: state changes, then end', undefined, ['id']],
  ['get', '/api/v1/jobs/{id}/files/{path}', "A file of the job's run folder", undefined, ['id']],
  ['post', '/api/v1/eval', 'EvalScope, first generation: evaluate and answer when done', 'TaskConfig'],
  ['post', '/api/v1/eval/invoke', 'EvalScope: evaluate under the EvalScope-Task-Id header', 'TaskConfig', ['header']],
  ['post', '/api/v1/eval/resume/invoke', 'EvalScope: resume a task', undefined, ['header']],
  ['post', '/api/v1/eval/stop', 'EvalScope: stop a task', undefined, ['task_id']],
  ['get', '/api/v1/eval/progress', "EvalScope: a task's progress", undefined, ['task_id']],
  ['get', '/api/v1/eval/log', "EvalScope: a page of a task's log (start_line, page)", undefined, ['task_id']],
  ['get', '/api/v1/eval/report', "EvalScope: a task's report (HTML)", undefined, ['task_id']],
  ['get', '/api/v1/eval/params', 'Every evaluation setting: type, default, description'],
  ['post', '/api/v1/perf', 'EvalScope, first generation: load-test and answer when done', 'PerfArguments'],
  ['post', '/api/v1/perf/invoke', 'EvalScope: load-test under the EvalScope-Task-Id header', 'PerfArguments', ['header']],
  ['post', '/api/v1/perf/stop', 'EvalScope: stop a load test', undefined, ['task_id']],
  ['get', '/api/v1/perf/progress', "EvalScope: a load test's progress (points done)", undefined, ['task_id']],
  ['get', '/api/v1/perf/log', "EvalScope: a page of a load test's log", undefined, ['task_id']],
  ['get', '/api/v1/perf/report', "EvalScope: a load test's perf_report.html", undefined, ['task_id']],
  ['get', '/api/v1/perf/params', 'Every load-test argument: type, default, description'],
];

const PARAMETERS = {
  task_id: { name: 'task_id', in: 'query', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' } },
  header: { name: 'EvalScope-Task-Id', in: 'header', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' } },
  id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
};

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, route, summary, body, params = []] of OPS) {
    paths[route] ??= {};
    paths[route][method] = {
      summary,
      ...(params.length ? { parameters: params.map((p) => PARAMETERS[p]) } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${body}` } } } } } : {}),
      ...(route === '/health' ? { security: [] } : {}),
      responses: { 200: { description: 'OK' }, 400: { description: 'A bad field: {"error", "field", "status"}' }, 401: { description: 'Missing or wrong token' } },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'bootcamp-eval service', version: VERSION },
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { TaskConfig: schemaOf(evalParams()), PerfArguments: schemaOf(perfParams()) } },
    paths,
  };
}
