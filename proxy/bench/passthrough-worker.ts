/**
 * The bench's floor: a Worker that forwards a chat completion to the provider with one `fetch` and no
 * checks at all. Timed under the same `wrangler dev`, it shows how much of the proxy's latency is the local
 * runtime's own plumbing rather than the proxy's work.
 */
interface PassthroughEnv {
	OPENAI_BASE_URL: string;
	OPENAI_API_KEY: string;
}

export default {
	async fetch(request: Request, env: PassthroughEnv): Promise<Response> {
		const upstream = await fetch(`${env.OPENAI_BASE_URL}/chat/completions`, {
			method: "POST",
			headers: { "content-type": "application/json", authorization: `Bearer ${env.OPENAI_API_KEY}` },
			body: await request.text(),
		});
		return new Response(upstream.body, { status: upstream.status, headers: { "content-type": "application/json" } });
	},
};
