/**
 * Gives the Luau VM room to work.
 *
 * luau-web ships Luau as a WebAssembly module built without memory growth: its linear memory is
 * fixed at ~16 MiB, shared by every Luau state in the process, and allocation past it aborts.
 * A real plugin plus its specs, or a benchmark place of 2,000 scripts, does not fit. The module
 * defines its own memory, so before luau-web instantiates it we rewrite the memory section's
 * limits in the binary (the runtime reads the heap size from the memory buffer, so a larger
 * initial size is all it needs). Nothing else in the module changes.
 */

const WASM_PAGE = 64 * 1024;

function readLeb(bytes: Uint8Array, offset: number): [value: number, next: number] {
	let result = 0;
	let shift = 0;
	let pos = offset;
	for (;;) {
		const byte = bytes[pos++];
		result += (byte & 0x7f) * 2 ** shift;
		if ((byte & 0x80) === 0) return [result, pos];
		shift += 7;
	}
}

function writeLeb(value: number): number[] {
	const out: number[] = [];
	do {
		let byte = value & 0x7f;
		value = Math.floor(value / 128);
		if (value !== 0) byte |= 0x80;
		out.push(byte);
	} while (value !== 0);
	return out;
}

/** Returns a copy of the module with its (single, defined) memory's limits set to `pages`. */
export function withMemoryPages(module: Uint8Array, pages: number): Uint8Array {
	if (module[0] !== 0x00 || module[1] !== 0x61 || module[2] !== 0x73 || module[3] !== 0x6d) {
		throw new Error("not a WebAssembly module");
	}
	let pos = 8;
	while (pos < module.length) {
		const id = module[pos];
		const [size, bodyStart] = readLeb(module, pos + 1);
		const bodyEnd = bodyStart + size;
		if (id === 5) {
			const [count, entryStart] = readLeb(module, bodyStart);
			if (count !== 1) throw new Error(`expected one memory, found ${count}`);
			const flags = module[entryStart];
			if (flags !== 0 && flags !== 1) throw new Error(`unsupported memory flags ${flags}`);
			// Skip the old limits; write min = max = pages (flags 1: has maximum).
			let [, after] = readLeb(module, entryStart + 1);
			if (flags === 1) [, after] = readLeb(module, after);
			if (after !== bodyEnd) throw new Error("unexpected bytes after the memory entry");
			const body = [...writeLeb(1), 0x01, ...writeLeb(pages), ...writeLeb(pages)];
			const section = [5, ...writeLeb(body.length), ...body];
			const out = new Uint8Array(pos + section.length + (module.length - bodyEnd));
			out.set(module.subarray(0, pos), 0);
			out.set(section, pos);
			out.set(module.subarray(bodyEnd), pos + section.length);
			return out;
		}
		pos = bodyEnd;
	}
	throw new Error("the module defines no memory");
}

/** Reads the (single, defined) memory's initial page count. */
export function memoryPages(module: Uint8Array): number {
	let pos = 8;
	while (pos < module.length) {
		const id = module[pos];
		const [size, bodyStart] = readLeb(module, pos + 1);
		if (id === 5) {
			const [, entryStart] = readLeb(module, bodyStart);
			return readLeb(module, entryStart + 1)[0];
		}
		pos = bodyStart + size;
	}
	throw new Error("the module defines no memory");
}

let installed = false;

/**
 * Makes the next WebAssembly modules instantiated from bytes get `megabytes` of memory. Call
 * before the first import of luau-web.
 */
export function installMemoryPatch(megabytes: number): void {
	if (installed) return;
	installed = true;
	const pages = Math.ceil((megabytes * 1024 * 1024) / WASM_PAGE);
	const original = WebAssembly.instantiate.bind(WebAssembly) as (...args: unknown[]) => Promise<unknown>;
	(WebAssembly as { instantiate: unknown }).instantiate = (source: unknown, imports?: unknown) => {
		if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
			const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
			if (memoryPages(bytes) < pages) return original(withMemoryPages(bytes, pages), imports);
		}
		return original(source, imports);
	};
}
