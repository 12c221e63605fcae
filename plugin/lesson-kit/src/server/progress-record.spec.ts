/// <reference types="@rbxts/testez/globals" />
import { fromRecord, toRecord } from "./progress-record";

export = () => {
	const data = {
		answered: new Map<string, boolean>([
			["halves-1", true],
			["halves-2", false],
		]),
		points: 30,
		streak: 0,
		difficulty: 2,
		recent: [true, false],
		achievements: ["first_correct"],
	};

	it("round-trips progress through its record", () => {
		const back = fromRecord(toRecord(data))!;
		expect(back.points).to.equal(30);
		expect(back.difficulty).to.equal(2);
		expect(back.answered.get("halves-1")).to.equal(true);
		expect(back.answered.get("halves-2")).to.equal(false);
		expect(back.recent.join(",")).to.equal("true,false");
		expect(back.achievements.join(",")).to.equal("first_correct");
	});

	it("writes a version and plain tables (what a DataStore keeps)", () => {
		const record = toRecord(data);
		expect(record.v).to.equal(1);
		expect(record.answered["halves-1"]).to.equal(true);
	});

	it("reads an empty answered table back (JSON turns {} into [])", () => {
		const record = toRecord({ ...data, answered: new Map() });
		expect(fromRecord(record)?.answered.size()).to.equal(0);
	});

	it("trusts nothing it did not write", () => {
		const good = toRecord(data) as unknown as Record<string, unknown>;
		expect(fromRecord(undefined)).to.equal(undefined);
		expect(fromRecord("points=999")).to.equal(undefined);
		expect(fromRecord({ ...good, v: 2 })).to.equal(undefined);
		expect(fromRecord({ ...good, points: -5 })).to.equal(undefined);
		expect(fromRecord({ ...good, points: 1.5 })).to.equal(undefined);
		expect(fromRecord({ ...good, difficulty: 9 })).to.equal(undefined);
		expect(fromRecord({ ...good, answered: { "halves-1": "yes" } })).to.equal(undefined);
		expect(fromRecord({ ...good, extra: true })).to.equal(undefined);
	});
};
