/**
 * The headless Studio's test-only global (tests/studio/engine/gui): present when the specs run in the
 * headless Studio, absent in Roblox, so specs feature-detect it.
 */
declare const HeadlessStudio:
	| {
			readonly gui: {
				// Plain functions (called with "."), not methods: hence `this: void`.
				readonly click: (this: void, target: GuiObject, button?: number) => GuiObject | undefined;
				readonly setViewportSize: (this: void, width: number, height: number) => void;
			};
	  }
	| undefined;
