// `npx cdk synth | deploy` runs this file (cdk.json): build the app and synthesise it.
import { createApp } from './app.ts';

createApp().app.synth();
