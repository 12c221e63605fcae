/// <reference types="@rbxts/testez/globals" />
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, shouldRetry } from "./retry-policy";

export = () => {
	const policy = DEFAULT_RETRY_POLICY;

	it("doubles the wait each failure, with half of it jittered, up to the cap", () => {
		expect(retryDelay(policy, 1, () => 0)).to.equal(0.5);
		expect(retryDelay(policy, 1, () => 0.999)).to.be.near(0.9995, 1e-9);
		expect(retryDelay(policy, 2, () => 0.5)).to.equal(1.5);
		expect(retryDelay(policy, 3, () => 0)).to.equal(2);
		expect(retryDelay(policy, 10, () => 1)).to.equal(8);
	});

	it("waits what the server said instead", () => {
		expect(retryDelay(policy, 1, () => 0.5, 7)).to.equal(7);
		expect(retryDelay(policy, 2, () => 0.5, 0)).to.equal(0);
	});

	it("stops after the last attempt or when the waits would pass the total", () => {
		expect(shouldRetry(policy, 1, 0, 1)).to.equal(true);
		expect(shouldRetry(policy, 2, 1, 2)).to.equal(true);
		expect(shouldRetry(policy, 3, 3, 1)).to.equal(false);
		expect(shouldRetry(policy, 1, 0, 20)).to.equal(true);
		expect(shouldRetry(policy, 1, 0, 21)).to.equal(false);
		expect(shouldRetry(policy, 2, 15, 6)).to.equal(false);
	});

	it("reads Retry-After seconds and ignores what it cannot read", () => {
		expect(parseRetryAfter("5")).to.equal(5);
		expect(parseRetryAfter(" 12 ")).to.equal(12);
		expect(parseRetryAfter("1.5")).to.equal(1.5);
		expect(parseRetryAfter(undefined)).to.equal(undefined);
		expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).to.equal(undefined);
		expect(parseRetryAfter("-3")).to.equal(undefined);
	});
};
