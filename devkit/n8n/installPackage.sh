# Sourced by setup.sh and test/queue/run.sh: the steps of n8n 2.41.1's
# CommunityPackagesService.downloadPackage, with a packed tarball in place of the registry's:
# unpack into nodes/node_modules/<name>, drop dev, peer and optional dependencies, `npm install`
# there with n8n's flags, record the version in nodes/package.json.
# Usage: install_packed_package <tarball> <n8n folder, e.g. $N8N_USER_FOLDER/.n8n>
install_packed_package() {
	local tarball=$1 nodes="$2/nodes"
	local package_dir="$nodes/node_modules/n8n-nodes-wavespeed-image-edit"
	mkdir -p "$package_dir"
	tar -xzf "$tarball" -C "$package_dir" --strip-components=1
	node -e '
		const fs = require("fs");
		const [dir, nodes] = process.argv.slice(1);
		const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(fs.readFileSync(`${dir}/package.json`, "utf8"));
		fs.writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, 2));
		fs.writeFileSync(`${nodes}/package.json`, JSON.stringify({ name: "installed-nodes", private: true, dependencies: { [pkg.name]: pkg.version } }, null, 2));
	' "$package_dir" "$nodes"
	(cd "$package_dir" && npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow --ignore-scripts=true --package-lock=false --silent)
}
