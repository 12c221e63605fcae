/// <reference types="@rbxts/testez/globals" />
import { TokenBucket } from "./token-bucket";

export = () => {
	it("allows a burst up to its capacity, then refuses", () => {
		const bucket = new TokenBucket(3, 1, 0);
		expect(bucket.take(0)).to.equal(true);
		expect(bucket.take(0)).to.equal(true);
		expect(bucket.take(0)).to.equal(true);
		expect(bucket.take(0)).to.equal(false);
	});

	it("refills at its rate and never above its capacity", () => {
		const bucket = new TokenBucket(2, 0.5, 0);
		bucket.take(0);
		bucket.take(0);
		expect(bucket.take(1)).to.equal(false);
		expect(bucket.take(2)).to.equal(true);
		expect(bucket.available(100)).to.equal(2);
	});

	it("refills nothing when the clock goes backwards", () => {
		const bucket = new TokenBucket(1, 1, 10);
		expect(bucket.take(10)).to.equal(true);
		expect(bucket.take(5)).to.equal(false);
		expect(bucket.take(10.5)).to.equal(false);
		expect(bucket.take(11)).to.equal(true);
	});
};
