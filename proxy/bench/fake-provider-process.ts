/**
 * The bench's fake provider, in its own process so that its work does not share an event loop with the
 * bench's client. Prints its base URL on stdout, then answers every chat completion after BENCH_DELAY_MS.
 */
import { afterDelay } from "../test/fakes/http-fake";
import { replyText, startFakeProvider } from "../test/fakes/fake-provider";

async function main(): Promise<void> {
	const delayMs = Number(process.env.BENCH_DELAY_MS ?? 50);
	const provider = await startFakeProvider();
	provider.setDefault(afterDelay(delayMs, replyText("bench")));
	process.stdout.write(`${provider.url}\n`);
	process.on("SIGTERM", () => {
		void provider.close().then(() => process.exit(0));
	});
}

void main();
