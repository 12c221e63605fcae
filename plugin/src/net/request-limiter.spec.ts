/// <reference types="@rbxts/testez/globals" />
import { RequestLimiter } from "./request-limiter";

export = () => {
	const granted = (limiter: RequestLimiter) => {
		const slot = limiter.acquire();
		if (!slot.ok) throw `no slot: ${slot.reason}`;
		return slot.release;
	};

	it("lets two requests in at once and makes a third wait until one finishes", () => {
		const limiter = new RequestLimiter();
		const releaseA = granted(limiter);
		granted(limiter);
		expect(limiter.inFlight()).to.equal(2);
		let thirdStarted = false;
		task.spawn(() => {
			granted(limiter);
			thirdStarted = true;
		});
		task.wait(1);
		expect(thirdStarted).to.equal(false);
		expect(limiter.waiting()).to.equal(1);
		releaseA();
		task.wait();
		task.wait();
		expect(thirdStarted).to.equal(true);
		expect(limiter.inFlight()).to.equal(2);
		expect(limiter.waiting()).to.equal(0);
	});

	it("serves waiters first come, first served", () => {
		const limiter = new RequestLimiter({ maxInFlight: 1 });
		const release = granted(limiter);
		const order = new Array<string>();
		const releases = new Array<() => void>();
		for (const name of ["first", "second", "third"]) {
			task.spawn(() => {
				releases.push(granted(limiter));
				order.push(name);
			});
			task.wait();
		}
		release();
		for (let i = 0; i < 3; i++) {
			task.wait(0.1);
			releases[i]();
		}
		task.wait(0.1);
		expect(order.join(",")).to.equal("first,second,third");
		expect(limiter.inFlight()).to.equal(0);
	});

	it("gives up waiting when cancelled, and the slot goes to the next waiter", () => {
		const limiter = new RequestLimiter({ maxInFlight: 1 });
		const release = granted(limiter);
		const cancel = { cancelled: false };
		let outcome = "waiting";
		task.spawn(() => {
			const slot = limiter.acquire(cancel);
			outcome = slot.ok ? "granted" : slot.reason;
		});
		let laterGot = false;
		task.spawn(() => {
			granted(limiter);
			laterGot = true;
		});
		task.wait(0.5);
		cancel.cancelled = true;
		task.wait(0.1);
		expect(outcome).to.equal("cancelled");
		expect(limiter.waiting()).to.equal(1);
		release();
		task.wait(0.1);
		expect(laterGot).to.equal(true);
	});

	it("refuses a request already cancelled without taking a slot", () => {
		const limiter = new RequestLimiter();
		const slot = limiter.acquire({ cancelled: true });
		expect(slot.ok).to.equal(false);
		expect(limiter.inFlight()).to.equal(0);
		expect(limiter.usedThisMinute()).to.equal(0);
	});

	it("releasing twice frees one slot only", () => {
		const limiter = new RequestLimiter();
		const release = granted(limiter);
		granted(limiter);
		release();
		release();
		expect(limiter.inFlight()).to.equal(1);
	});

	it("refuses requests past the per-minute cap, says when one frees up, and lets them in again after", () => {
		let now = 1000;
		const limiter = new RequestLimiter({ perMinute: 3, clock: () => now });
		for (let i = 0; i < 3; i++) {
			granted(limiter)();
			now += 10;
		}
		const refused = limiter.acquire();
		expect(refused.ok).to.equal(false);
		if (!refused.ok && refused.reason === "http_budget") expect(refused.retryAfter).to.equal(30);
		expect(limiter.inFlight()).to.equal(0);
		expect(limiter.usedThisMinute()).to.equal(3);
		now += 30;
		expect(limiter.usedThisMinute()).to.equal(2);
		granted(limiter)();
		expect(limiter.acquire().ok).to.equal(false);
	});

	it("counts the minute on os.clock by default", () => {
		const limiter = new RequestLimiter({ perMinute: 2 });
		granted(limiter)();
		granted(limiter)();
		expect(limiter.acquire().ok).to.equal(false);
		task.wait(61);
		expect(limiter.usedThisMinute()).to.equal(0);
		expect(limiter.acquire().ok).to.equal(true);
	});

	it("applies a changed cap to the next request", () => {
		const limiter = new RequestLimiter({ perMinute: 1 });
		granted(limiter)();
		expect(limiter.acquire().ok).to.equal(false);
		limiter.setPerMinute(5);
		expect(limiter.acquire().ok).to.equal(true);
	});
};
