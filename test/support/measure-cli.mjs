// Runs the built CLI in this process and prints, on the last line of stderr, the peak resident
// memory and the time it took, so a test can bound what hostile input costs.
import { main } from '../../dist/cli/main.js';

const start = performance.now();
const code = await main(process.argv);
const ms = performance.now() - start;
process.stderr.write(
  `\n@@measure ${JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
process.exitCode = code;
