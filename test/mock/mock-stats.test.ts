// The mock's own account of where time goes (GET /stats), which the benchmark prints: requests in flight,
// how late it answered, and the client's turnaround from an answer to its next request on that connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startMockProcess } from '../../src/mock/mock-process.ts';
import { HttpClient } from '../../src/model/http.ts';

test("the mock measures the client's turnaround per connection and its own lateness; DELETE /stats starts afresh", async () => {
  const mock = await startMockProcess(['--model', 'm', '--latency-ms', '20']);
  const http = new HttpClient({ baseUrl: mock.baseUrl, maxSockets: 1 });
  try {
    const ask = () => http.request('POST', 'chat/completions', { model: 'm', messages: [{ role: 'user', content: 'hi' }] }, 10_000);
    await ask();
    // The client waits 100 ms before each further request: that is its turnaround, as the mock must see it.
    for (let i = 0; i < 3; i++) {
      await sleep(100);
      await ask();
    }
    const stats = (await mock.stats()) as Record<string, number>;
    assert.equal(stats.chat, 4);
    assert.ok(stats.meanClientTurnaroundMs >= 95 && stats.meanClientTurnaroundMs < 1000, `turnaround ${stats.meanClientTurnaroundMs}`);
    assert.ok(stats.clientTurnaroundP50Ms >= 95, `p50 ${stats.clientTurnaroundP50Ms}`);
    assert.ok(stats.meanAnswerLateMs >= 0 && stats.meanAnswerLateMs < 20, `late ${stats.meanAnswerLateMs}`);
    const windows = stats.generationsPer250Ms as unknown as number[];
    assert.equal(windows.reduce((a, b) => a + b, 0), 4, 'every generation request counted in its 250 ms window');
    assert.ok(windows.length >= 2, 'four requests ~120 ms apart span more than one window');
    await mock.resetStats();
    const fresh = (await mock.stats()) as Record<string, number | undefined>;
    assert.equal(fresh.chat, 0);
    assert.equal(fresh.meanClientTurnaroundMs, 0);
    assert.equal(fresh.clientTurnaroundP50Ms, undefined);
    assert.deepEqual(fresh.generationsPer250Ms, []);
  } finally {
    http.close();
    await mock.stop();
  }
});
