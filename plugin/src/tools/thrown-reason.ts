/**
 * What an error thrown inside a tool says, for the model: Luau prefixes thrown strings with
 * "module:line: ", which tells the model nothing it can act on, so the prefix is dropped.
 */
export function thrownReason(thrown: unknown): string {
	const text = typeIs(thrown, "string") ? thrown : tostring(thrown);
	return text.gsub("^[%w%._%-]+:%d+: ", "")[0];
}
