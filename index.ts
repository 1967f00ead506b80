// n8n loads the node and credential through the "n8n" field of package.json; this entry point
// only lets code import them directly.
export { WaveSpeedApi } from './credentials/WaveSpeedApi.credentials';
export { WaveSpeedImageEdit } from './nodes/WaveSpeed/WaveSpeedImageEdit.node';
export { WaveSpeedTrigger } from './nodes/WaveSpeed/WaveSpeedTrigger.node';
