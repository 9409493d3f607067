// The execute request as JSON (the sandbox server's body), validated: what a remote caller may ask for.
import { z } from 'zod';

export const MAX_SANDBOX_TIMEOUT_MS = 10 * 60_000;
export const MAX_SANDBOX_MEMORY_MB = 64 * 1024;

export const executeRequestSchema = z.object({
  files: z.record(z.string().min(1).max(255), z.string()),
  command: z.array(z.string()).min(1),
  stdin: z.string().optional(),
  timeoutMs: z.number().int().positive().max(MAX_SANDBOX_TIMEOUT_MS),
  memoryMb: z.number().int().positive().max(MAX_SANDBOX_MEMORY_MB),
});
