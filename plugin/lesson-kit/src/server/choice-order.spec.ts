/// <reference types="@rbxts/testez/globals" />
import { choiceOrder } from "./choice-order";

export = () => {
	const sorted = (order: Array<number>) => {
		const copy = [...order];
		copy.sort();
		return copy.join(",");
	};

	it("is a permutation of the choices", () => {
		for (let count = 2; count <= 6; count++) {
			const order = choiceOrder(count, 42, "q1");
			expect(order.size()).to.equal(count);
			expect(sorted(order)).to.equal(sorted(choiceOrder(count, 0, "identity")));
		}
	});

	it("is the same every time for a player and question", () => {
		expect(choiceOrder(4, 7, "halves-2").join(",")).to.equal(choiceOrder(4, 7, "halves-2").join(","));
	});

	it("differs between players (so 'the second one' is no use to pass on)", () => {
		const orders = new Set<string>();
		for (let userId = 1; userId <= 20; userId++) orders.add(choiceOrder(4, userId, "halves-2").join(","));
		expect(orders.size() > 5).to.equal(true);
	});
};
