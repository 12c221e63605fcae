/// <reference types="@rbxts/testez/globals" />
import { byteToCharacter, characterCount, characterToByte, truncateCharacters } from "./characters";

export = () => {
	describe("characterCount", () => {
		it("counts code points, not bytes", () => {
			expect(characterCount("")).to.equal(0);
			expect(characterCount("abc")).to.equal(3);
			expect(characterCount("é")).to.equal(1);
			expect(characterCount("🙂")).to.equal(1);
			expect(characterCount("中文")).to.equal(2);
			expect(characterCount("aé🙂中")).to.equal(4);
		});

		it("agrees with utf8.len on valid UTF-8", () => {
			for (const s of ["héllo", "🙂🙂x", "日本語テキスト", utf8.char(0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff)]) {
				expect(characterCount(s)).to.equal(utf8.len(s)[0]);
			}
		});

		it("counts each byte of invalid UTF-8 as one character", () => {
			expect(characterCount(string.char(0x80))).to.equal(1);
			expect(characterCount("a" + string.char(0xff, 0xfe) + "b")).to.equal(4);
			// truncated sequence: the lead byte of "é" alone, then ASCII
			expect(characterCount(string.char(0xc3) + "x")).to.equal(2);
			// overlong "/" and an encoded surrogate are not characters
			expect(characterCount(string.char(0xc0, 0xaf))).to.equal(2);
			expect(characterCount(string.char(0xed, 0xa0, 0x80))).to.equal(3);
		});
	});

	describe("characterToByte", () => {
		it("maps character indices to byte offsets", () => {
			const s = "aé🙂中b";
			expect(characterToByte(s, 0)).to.equal(0);
			expect(characterToByte(s, 1)).to.equal(1);
			expect(characterToByte(s, 2)).to.equal(3);
			expect(characterToByte(s, 3)).to.equal(7);
			expect(characterToByte(s, 4)).to.equal(10);
			expect(characterToByte(s, 5)).to.equal(11);
			expect(characterToByte(s, 6)).to.equal(undefined);
		});

		it("rejects negative and fractional indices", () => {
			expect(characterToByte("abc", -1)).to.equal(undefined);
			expect(characterToByte("abc", 1.5)).to.equal(undefined);
			expect(characterToByte("é", 0.5)).to.equal(undefined);
		});
	});

	describe("byteToCharacter", () => {
		it("maps byte offsets at character starts back to characters", () => {
			const s = "aé🙂中b";
			expect(byteToCharacter(s, 0)).to.equal(0);
			expect(byteToCharacter(s, 3)).to.equal(2);
			expect(byteToCharacter(s, 7)).to.equal(3);
			expect(byteToCharacter(s, 11)).to.equal(5);
		});

		it("rejects offsets inside a character or past the end", () => {
			const s = "aé🙂中b";
			expect(byteToCharacter(s, 2)).to.equal(undefined);
			for (const inside of [4, 5, 6, 8, 9]) {
				expect(byteToCharacter(s, inside)).to.equal(undefined);
			}
			expect(byteToCharacter(s, 12)).to.equal(undefined);
			expect(byteToCharacter("abc", -1)).to.equal(undefined);
		});
	});

	describe("truncateCharacters", () => {
		it("cuts on character boundaries", () => {
			expect(truncateCharacters("🙂🙂🙂", 2)).to.equal("🙂🙂…");
			expect(truncateCharacters("abc", 3)).to.equal("abc");
			expect(truncateCharacters("abc", 5)).to.equal("abc");
		});
	});
};
