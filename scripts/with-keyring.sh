#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a freshly created,
# unlocked GNOME Keyring, so keytar has a Secret Service as on a desktop login.
# The keyring lives in a temporary folder: nothing touches the user's own.
# Usage: scripts/with-keyring.sh npm test
set -euo pipefail
if [ -z "${KEYHOLDER_IN_KEYRING:-}" ]; then
  export KEYHOLDER_IN_KEYRING=1
  exec dbus-run-session -- "$0" "$@"
fi
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
# gnome-keyring creates the login keyring on first unlock; it needs a
# non-empty password to do so.
eval "$(printf 'keyholder-test-keyring' | XDG_DATA_HOME="$keyring_home" gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
