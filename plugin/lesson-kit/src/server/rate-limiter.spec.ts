/// <reference types="@rbxts/testez/globals" />
import { RateLimiter } from "./rate-limiter";

export = () => {
	const setup = () => {
		let now = 0;
		const reports = new Array<string>();
		const limiter = new RateLimiter({
			limits: { answer: { burst: 2, perSecond: 1 }, prompt: { burst: 1, perSecond: 1 } },
			clock: () => now,
			report: (who, action, dropped) => reports.push(`${who} ${action} ${dropped}`),
			reportEvery: 10,
		});
		return { limiter, reports, advance: (seconds: number) => (now += seconds) };
	};

	it("limits each player and action on its own", () => {
		const { limiter } = setup();
		expect(limiter.allow(1, "ana", "answer")).to.equal(true);
		expect(limiter.allow(1, "ana", "answer")).to.equal(true);
		expect(limiter.allow(1, "ana", "answer")).to.equal(false);
		expect(limiter.allow(2, "ben", "answer")).to.equal(true);
		expect(limiter.allow(1, "ana", "prompt")).to.equal(true);
	});

	it("lets calls through again as the bucket refills", () => {
		const { limiter, advance } = setup();
		limiter.allow(1, "ana", "answer");
		limiter.allow(1, "ana", "answer");
		expect(limiter.allow(1, "ana", "answer")).to.equal(false);
		advance(1);
		expect(limiter.allow(1, "ana", "answer")).to.equal(true);
	});

	it("reports drops at most once per period, with the count since the last report", () => {
		const { limiter, reports, advance } = setup();
		limiter.allow(1, "ana", "prompt");
		for (let i = 0; i < 5; i++) limiter.allow(1, "ana", "prompt");
		expect(reports.join(";")).to.equal("ana prompt 1");
		advance(0.5);
		for (let i = 0; i < 3; i++) limiter.allow(1, "ana", "prompt");
		expect(reports.size()).to.equal(1);
		advance(10);
		limiter.allow(1, "ana", "prompt");
		limiter.allow(1, "ana", "prompt");
		expect(reports.join(";")).to.equal("ana prompt 1;ana prompt 8");
	});

	it("forgets a player who left: they start with a full bucket", () => {
		const { limiter } = setup();
		limiter.allow(1, "ana", "answer");
		limiter.allow(1, "ana", "answer");
		limiter.forget(1);
		expect(limiter.allow(1, "ana", "answer")).to.equal(true);
	});

	it("refuses an action it has no limit for (a programming error)", () => {
		const { limiter } = setup();
		expect(() => limiter.allow(1, "ana", "teleport")).to.throw();
	});
};
