#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME
# Keyring, so keytar has a Secret Service (as on a desktop login).
# Usage: scripts/with-keyring.sh npm test
set -euo pipefail
if [ -z "${KEYHOLDER_IN_KEYRING:-}" ]; then
  export KEYHOLDER_IN_KEYRING=1
  exec dbus-run-session -- "$0" "$@"
fi
# An empty password unlocks the login keyring non-interactively.
eval "$(printf '' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
exec "$@"
