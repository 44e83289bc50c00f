// Starts the assessment service: `PORT=8080 node --import tsx examples/http-service/src/main.ts`
import { createScorer } from '@cargorisk/core';
import { defaultPacks, loadPacks } from '@cargorisk/rules';
import { createAssessmentServer } from './assessment-server.js';

const port = Number(process.env.PORT ?? 8080);
const scorer = createScorer(await loadPacks(defaultPacks), { explain: true });
const server = createAssessmentServer({ scorer });
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(
    `cargorisk assessment service on http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/assess`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close());
