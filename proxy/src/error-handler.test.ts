import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { errorBody, errorTypeForStatus, toProxyError } from "./error-handler";
import { ProxyError } from "./errors";

describe("toProxyError", () => {
	it("keeps ProxyErrors as they are", () => {
		const error = new ProxyError(403, "model_not_allowed", "no");
		expect(toProxyError(error)).toBe(error);
	});

	it("keeps the status of Hono's own exceptions", () => {
		expect(toProxyError(new HTTPException(413, { message: "too big" }))).toMatchObject({ status: 413, code: "payload_too_large" });
	});

	it("hides anything else behind a generic 500", () => {
		const error = toProxyError(new TypeError("cannot read x of undefined"));
		expect(error).toMatchObject({ status: 500, code: "internal_error" });
		expect(error.message).not.toContain("undefined");
	});
});

describe("errorBody", () => {
	it("renders OpenAI's error shape with a redacted message", () => {
		expect(errorBody(new ProxyError(400, "provider_rejected", "bad key sk-abcdef123456"), [])).toEqual({
			error: { code: "provider_rejected", message: "bad key [redacted]", type: "invalid_request_error" },
		});
	});

	it.each([
		[400, "invalid_request_error"],
		[401, "authentication_error"],
		[403, "permission_error"],
		[413, "invalid_request_error"],
		[429, "rate_limit_error"],
		[502, "api_error"],
	])("status %d is type %s", (status, type) => {
		expect(errorTypeForStatus(status)).toBe(type);
	});
});
