// Preloaded into a benchmarked child process (node --import): on exit, prints the process's peak resident
// memory, which no outside poll can catch exactly.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
