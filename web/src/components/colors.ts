// Solid tag colours dark enough for white text at WCAG AA (antd's preset light tags are not).
export const TAG = {
  green: "#237804",
  blue: "#0b4fb3",
  gold: "#8a5300",
  orange: "#a64200",
  red: "#a8071a",
  grey: "#595959",
} as const;
