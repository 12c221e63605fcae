/**
 * The order a player sees a question's choices in: shuffled per player and question, and the same
 * every time that player sees that question, so players cannot pass on "it's the second one" and a
 * question shown again looks the same. Deterministic (seeded Random), so specs can pin it.
 */

/** djb2 over the bytes of `text`, kept within 2^31. */
function hash(text: string): number {
	let h = 5381;
	for (let i = 1; i <= text.size(); i++) h = (h * 33 + string.byte(text, i)[0]) % 2147483647;
	return h;
}

/** A permutation of 0..count-1: entry i is the index (in the quiz) of the choice shown at position i. */
export function choiceOrder(count: number, userId: number, questionId: string): Array<number> {
	const order = new Array<number>();
	for (let i = 0; i < count; i++) order.push(i);
	const random = new Random(hash(`${userId}:${questionId}`));
	// Fisher–Yates.
	for (let i = count - 1; i >= 1; i--) {
		const j = random.NextInteger(0, i);
		const swap = order[i];
		order[i] = order[j];
		order[j] = swap;
	}
	return order;
}
