import community from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';

export default [
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		languageOptions: { parser: tsParser },
	},
	{
		...community.configs.recommended,
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
	},
];
