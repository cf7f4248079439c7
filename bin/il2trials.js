#!/usr/bin/env node
// The published entry point runs the compiled CLI; `npm run build` (done by `npm start`) produces it.
import '../dist/cli/main.js';
