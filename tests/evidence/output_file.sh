#!/bin/sh
# factnet evidence -o FILE writes the file (nothing on stdout), and a failed
# run leaves an existing FILE untouched.
set -u
factnet=$1
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
out=$("$factnet" evidence -o "$dir/ev.md" facts.json) || { echo "exit $?"; exit 1; }
[ -z "$out" ] || { echo "stdout not empty"; exit 1; }
cmp "$dir/ev.md" ../golden/evidence/md/expected.stdout || exit 1
"$factnet" evidence -o "$dir/ev.md" no-such-file.json 2>/dev/null
[ $? -eq 3 ] || { echo "missing input: want exit 3"; exit 1; }
cmp "$dir/ev.md" ../golden/evidence/md/expected.stdout || { echo "existing output changed"; exit 1; }
echo ok
