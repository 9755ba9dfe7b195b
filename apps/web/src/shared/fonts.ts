// The Chinese web font, in the weights the pages use. Without it headless Chromium draws boxes.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/500.css';
import '@fontsource/noto-sans-sc/700.css';
