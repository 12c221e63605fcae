/// <reference types="@rbxts/testez/globals" />
import { retryWithBackoff } from "./retry";

export = () => {
	it("returns the first success without waiting", () => {
		const waits = new Array<number>();
		const result = retryWithBackoff(() => 7, { wait: (s) => waits.push(s) });
		expect(result.ok && result.value).to.equal(7);
		expect(result.attempts).to.equal(1);
		expect(waits.size()).to.equal(0);
	});

	it("retries with doubling waits and succeeds when the call recovers", () => {
		const waits = new Array<number>();
		let calls = 0;
		const result = retryWithBackoff(
			() => {
				calls += 1;
				if (calls < 3) error("busy", 0);
				return "saved";
			},
			{ attempts: 3, baseDelay: 1, wait: (s) => waits.push(s) },
		);
		expect(result.ok && result.value).to.equal("saved");
		expect(result.attempts).to.equal(3);
		expect(waits.join(",")).to.equal("1,2");
	});

	it("does not try again after an error the caller says time cannot fix", () => {
		const waits = new Array<number>();
		const result = retryWithBackoff(() => error("403: no access", 0), {
			attempts: 3,
			wait: (s) => waits.push(s),
			retryable: (message) => message.find("403", 1, true)[0] === undefined,
		});
		expect(result.ok).to.equal(false);
		expect(result.attempts).to.equal(1);
		expect(waits.size()).to.equal(0);
	});

	it("gives up after the last try with the last error, and caps the wait", () => {
		const waits = new Array<number>();
		const failures = new Array<string>();
		const result = retryWithBackoff(() => error("503: DataStore down", 0), {
			attempts: 5,
			baseDelay: 2,
			maxDelay: 5,
			wait: (s) => waits.push(s),
			onFailure: (n, m) => failures.push(`${n} ${m}`),
		});
		expect(result.ok).to.equal(false);
		expect(!result.ok && result.message).to.equal("503: DataStore down");
		expect(result.attempts).to.equal(5);
		expect(waits.join(",")).to.equal("2,4,5,5");
		expect(failures.size()).to.equal(5);
		expect(failures[0]).to.equal("1 503: DataStore down");
	});
};
