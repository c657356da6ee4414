import type { Agent } from "node:http";
import type { ProxySettings } from "../pipelineRequest.js";

/** The proxy as a URL string, credentials included. */
export function proxyUrlOf(settings: ProxySettings): string {
  const url = new URL(settings.host.includes("://") ? settings.host : `http://${settings.host}`);
  if (settings.port) url.port = String(settings.port);
  if (settings.username) url.username = encodeURIComponent(settings.username);
  if (settings.password) url.password = encodeURIComponent(settings.password);
  return url.toString();
}

/**
 * One transport's proxy agents by target scheme and proxy URL; tunnels are kept alive like direct
 * connections and belong to that transport, so its `close()` releases them too.
 */
export class ProxyAgentPool {
  private readonly agents = new Map<string, Agent>();

  /**
   * The agent that sends through `settings`. The agent packages load on first use so a process
   * that never meets a proxy never pays their import cost.
   */
  async get(settings: ProxySettings, targetIsHttps: boolean): Promise<Agent> {
    const proxyUrl = proxyUrlOf(settings);
    const key = `${targetIsHttps ? "https" : "http"}|${proxyUrl}`;
    let agent = this.agents.get(key);
    if (agent === undefined) {
      if (targetIsHttps) {
        const { HttpsProxyAgent } = await import("https-proxy-agent");
        agent = new HttpsProxyAgent(proxyUrl, { keepAlive: true }) as unknown as Agent;
      } else {
        const { HttpProxyAgent } = await import("http-proxy-agent");
        agent = new HttpProxyAgent(proxyUrl, { keepAlive: true }) as unknown as Agent;
      }
      const raced = this.agents.get(key);
      if (raced !== undefined) {
        agent.destroy();
        agent = raced;
      } else this.agents.set(key, agent);
    }
    return agent;
  }

  /** Destroys every tunnel and pooled proxy socket; later requests create fresh agents. */
  destroy(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}
