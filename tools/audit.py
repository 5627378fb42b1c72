"""Audit the installed dependencies for known vulnerabilities with pip-audit.

`make audit` runs it; CI runs it before the tests. It fails (exit 1) when pip-audit finds a
known vulnerability in any installed package, naming the package, its version, the advisory
and the versions that fix it.

pip-audit on its own reports "No known vulnerabilities found" and exits 0 when it could not
ask about a single package (every lookup answered "not found", as where the advisory
service is out of reach). This script says so instead: it counts the packages that were not
checked and, when none was, tells that the audit did not run. That is a failure when
AUDIT_REQUIRED=1 (a CI that can reach the service) and a loud warning otherwise (a machine
without that access, where the registries are reachable but the advisory services are not).

Settings, from the environment:
- AUDIT_SERVICE: pip-audit's vulnerability service, "pypi" (default) or "osv";
- AUDIT_OSV_URL: another OSV query endpoint (a mirror; the tests use a local stand-in);
- AUDIT_REQUIRED=1: fail when the audit could not check the packages;
- AUDIT_IGNORE: advisory ids to ignore, separated by spaces, each with its reason written in
  the README ("Dependencies audited").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# How pip-audit's output names a service it could not reach.
UNREACHABLE = ("ConnectionError", "ConnectTimeout", "NameResolutionError", "ServiceError")


def run_pip_audit(report: Path) -> subprocess.CompletedProcess:
    command = [
        str(Path(sys.executable).with_name("pip-audit")),
        "--local",
        "--skip-editable",  # the portal itself, installed with -e: not on PyPI
        "--format=json",
        f"--output={report}",
        "--progress-spinner=off",
        "--timeout=15",
        f"--vulnerability-service={os.environ.get('AUDIT_SERVICE', 'pypi')}",
    ]
    if os.environ.get("AUDIT_OSV_URL"):
        command.append(f"--osv-url={os.environ['AUDIT_OSV_URL']}")
    if os.environ.get("AUDIT_CACHE_DIR"):
        command.append(f"--cache-dir={os.environ['AUDIT_CACHE_DIR']}")
    for advisory in os.environ.get("AUDIT_IGNORE", "").split():
        command.append(f"--ignore-vuln={advisory}")
    return subprocess.run(command, capture_output=True, text=True)


def main() -> int:
    required = os.environ.get("AUDIT_REQUIRED") == "1"
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "audit.json"
        result = run_pip_audit(report)
        data = json.loads(report.read_text()) if report.exists() else None

    if data is None:
        # pip-audit stopped before writing its report. The service out of reach (OSV
        # answers that with a traceback) is told apart from any other failure, which fails.
        last = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        if any(sign in result.stderr for sign in UNREACHABLE):
            return unchecked(f"pip-audit could not reach the service: {last}", required)
        print(f"pip-audit failed (exit {result.returncode}):\n{result.stderr.strip()[-2000:]}")
        return 1

    dependencies = data["dependencies"]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    checked = len(dependencies) - len(skipped)

    if vulnerable:
        print(f"Known vulnerabilities in {len(vulnerable)} installed package(s):\n")
        for dependency in vulnerable:
            for vuln in dependency["vulns"]:
                fixes = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
                aliases = ", ".join(vuln.get("aliases") or [])
                print(
                    f"- {dependency['name']} {dependency['version']}: {vuln['id']}"
                    + (f" ({aliases})" if aliases else "")
                    + f"; fixed in {fixes}"
                )
                if vuln.get("description"):
                    print(f"  {vuln['description'][:300]}")
        print("\nUpgrade them (pyproject.toml), or ignore an advisory with its reason (README).")
        return 1

    if checked == 0:
        return unchecked(
            f"none of the {len(dependencies)} installed packages could be checked "
            f"({skipped[0]['skip_reason'] if skipped else 'no packages found'})",
            required,
        )
    print(f"No known vulnerabilities in the {checked} installed packages checked.")
    if skipped:
        print(f"Not checked ({len(skipped)}):")
        for dependency in skipped:
            print(f"- {dependency['skip_reason']}")
    return 0


def unchecked(reason: str, required: bool) -> int:
    print(f"THE DEPENDENCY AUDIT DID NOT RUN: {reason}.")
    if required:
        print("AUDIT_REQUIRED=1: failing.")
        return 1
    print(
        "The advisory service is out of reach from this machine; nothing was checked. "
        "Set AUDIT_REQUIRED=1 where it is reachable, so that this fails."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
