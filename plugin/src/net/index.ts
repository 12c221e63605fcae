/**
 * net/: the plugin's only door to the network. `ProxyClient` (the agent's `ChatClient`, asset search,
 * health) and `CanvasClient` (the teacher's Canvas LMS, straight to Canvas) over an `HttpTransport`
 * (`createHttpTransport()` in Studio, a scripted one in specs), under one shared `RequestLimiter`.
 */
export { CanvasApi, CanvasClient, CanvasClientOptions, CanvasConnection, CanvasError, CanvasErrorCode, CanvasList, CanvasResult } from "./canvas-client";
export { CancelToken, ChatClient, ChatError, ChatErrorCode, ChatReply, ChatResult } from "./chat-client";
export { createHttpTransport, HttpRequest, HttpResponse, HttpTransport, StreamHandle, StreamHandlers, TransportError } from "./http-transport";
export { decodeJson, encodeJson } from "./json";
export { HealthResult, ProxyClient, ProxyClientOptions, ProxyConnection, ProxyTimeouts } from "./proxy-client";
export { RequestLimiter, RequestLimiterOptions } from "./request-limiter";
export { DEFAULT_RETRY_POLICY, RetryPolicy } from "./retry-policy";
export { SseEvent, SseParser } from "./sse-parser";
