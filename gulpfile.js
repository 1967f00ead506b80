const { src, dest } = require('gulp');

// tsc compiles the sources; n8n also needs the icons and the codex file beside them in dist/.
function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:icons'] = async () => {
	await new Promise((resolve, reject) => copyIcons().on('end', resolve).on('error', reject));
	await new Promise((resolve, reject) => copyCodex().on('end', resolve).on('error', reject));
};
