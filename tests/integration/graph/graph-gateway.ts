/** The test gateway as the graph's tests start it. */
import { startTestGateway, type TestGateway, type TestGatewayOptions } from '../../helpers/gateway.js';

export type { TestGateway };

/** Starts the real HTTP gateway over the embedded store with `options` and the server's default limits. */
export function startGraphGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  return startTestGateway(options);
}
