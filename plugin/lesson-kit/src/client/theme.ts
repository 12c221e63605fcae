/**
 * The quiz GUI's look in one place: colours, fonts and sizes shared by the panel and the toasts, so the
 * two read as one piece and a school can restyle the kit by editing a single module.
 */
export const Theme = {
	panelColor: Color3.fromRGB(28, 33, 45),
	strokeColor: Color3.fromRGB(70, 80, 104),
	textColor: Color3.fromRGB(240, 243, 250),
	mutedColor: Color3.fromRGB(160, 170, 190),
	choiceColor: Color3.fromRGB(48, 56, 76),
	choiceHoverColor: Color3.fromRGB(60, 70, 95),
	correctColor: Color3.fromRGB(46, 160, 92),
	wrongColor: Color3.fromRGB(196, 64, 64),
	accentColor: Color3.fromRGB(72, 128, 230),
	font: Enum.Font.BuilderSans,
	boldFont: Enum.Font.BuilderSansBold,
	panelWidth: 460,
	padding: 16,
	corner: new UDim(0, 12),
} as const;
