import { pointAtTemporaryUserFolder } from '../../devkit/harness/temporaryUserFolder';

// Runs before each test file's modules load; Jest ends workers without an 'exit' event, hence afterAll.
afterAll(pointAtTemporaryUserFolder('wavespeed-n8n'));
