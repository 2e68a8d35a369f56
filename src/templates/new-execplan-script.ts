/**
 * `scripts/new_execplan.py`: the helper the ExecPlan specification's tip names
 * (`scripts/new_execplan.py "short description"`), which rules files copied from it tell agents to
 * run. It runs `execplan new` with the same description.
 */

/** Where the script lives, relative to the repository root. */
export const SCRIPT_PATH = 'scripts/new_execplan.py';

/** The script's text. */
export const NEW_EXECPLAN_SCRIPT = `#!/usr/bin/env python3
"""Create a new ExecPlan: scripts/new_execplan.py "Short, action-oriented description".

Runs \`execplan new\` with the description in this repository, then prints the created plan and
its artifacts folder. Written by \`execplan init\`; edit it freely, init never overwrites it.
"""
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

INSTALL = (
    "The execplan command was not found on PATH or in node_modules/.bin. Install it (it needs "
    "Node.js 20 or later): add it to this repository with npm install --save-dev execplan, or "
    "install a checkout of it globally with npm install --global /path/to/execplan. Then run "
    "this script again."
)


def find_execplan():
    local = os.path.join(ROOT, "node_modules", ".bin", "execplan")
    if os.path.isfile(local) and os.access(local, os.X_OK):
        return local
    return shutil.which("execplan")


def main(argv):
    if len(argv) != 1 or not argv[0].strip():
        sys.stderr.write('usage: scripts/new_execplan.py "Short, action-oriented description"\\n')
        return 2
    exe = find_execplan()
    if exe is None:
        sys.stderr.write("new_execplan.py: " + INSTALL + "\\n")
        return 127
    try:
        done = subprocess.run([exe, "new", argv[0], "--json"], cwd=ROOT, capture_output=True, text=True)
    except OSError as err:
        sys.stderr.write("new_execplan.py: could not run %s: %s. %s\\n" % (exe, err, INSTALL))
        return 127
    try:
        doc = json.loads(done.stdout)
    except ValueError:
        doc = None
    if done.returncode != 0 or not doc or not doc.get("ok"):
        message = (doc or {}).get("error", {}).get("message") or done.stderr.strip() or "execplan new failed"
        sys.stderr.write("new_execplan.py: %s\\n" % message)
        return done.returncode or 1
    print("Created plan: %s" % doc["path"])
    print("Artifacts folder: %s/" % doc["artifacts"])
    print("Next: fill in Purpose and the other sections, then run: execplan lint %s" % doc["id"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
`;
