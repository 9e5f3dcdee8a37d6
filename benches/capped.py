"""Runs one long, memory-hungry command (a peer on the 1 M export) with limits, so it can
neither hang `make bench` nor take a shared machine down; answers what it cost or how far
it got.

Limits, each of which ends the run with a sentence saying which:
- `timeout_s`: wall seconds before it is killed;
- `address_space_bytes`: RLIMIT_AS (as `ulimit -v`), so an allocation past it fails inside
  the process instead of the machine swapping or the kernel's OOM killer picking a victim;
- `MIN_AVAILABLE_BYTES`: killed when the machine's MemAvailable falls below it (other
  processes share the memory; this keeps some for them).
Peak RSS and CPU come from the kernel's own accounting (os.wait4), so they are right even
for a killed run: what it had reached when it was stopped. The limits are checked every POLL_S seconds (sooner
at first).
"""
import os
import resource
import signal
import subprocess
import tempfile
import time

POLL_S = 0.2
MIN_AVAILABLE_BYTES = 2 * 1024 ** 3


def mem_available():
    """The machine's MemAvailable in bytes (/proc/meminfo); None when unreadable."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _limit_address_space(limit):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply if limit else None


def _why_stopped(proc, started, timeout_s):
    """None while `proc` may go on; else why it is being stopped (and it is killed)."""
    if time.monotonic() - started > timeout_s:
        why = f"timed out after {timeout_s:.0f} s"
    else:
        available = mem_available()
        if available is None or available >= MIN_AVAILABLE_BYTES:
            return None
        why = f"stopped: the machine had {available / 1e9:.1f} GB available left"
    proc.send_signal(signal.SIGKILL)
    return why


def _tail(f, chars=600):
    f.seek(0)
    return f.read()[-chars:]


def run_capped(cmd, timeout_s, address_space_bytes=None, cwd=None):
    """Runs `cmd`; {"ok", "wall", "cpu" (s), "rss" (peak MB), "rc", "why" (None when it
    exited 0, else one sentence), "out" (all of stdout) and "err" (its last 600 characters)}."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.monotonic()
        proc = subprocess.Popen([str(c) for c in cmd], cwd=cwd, stdout=out, stderr=err, text=True,
                                preexec_fn=_limit_address_space(address_space_bytes))
        why = None
        # Reaped with wait4 (not Popen.poll) so the kernel's usage of this one process is kept.
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        nap = 0.005
        while pid == 0:
            why = why or _why_stopped(proc, started, timeout_s)
            # Short naps first, so a run of a second is timed to within a few ms.
            time.sleep(nap)
            nap = min(nap * 2, POLL_S)
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        wall = time.monotonic() - started
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
        out.seek(0)
        out_text, err_tail = out.read(), _tail(err)
    if why is None and rc != 0:
        why = f"exited with {rc}" if rc > 0 else f"killed by signal {-rc}"
    return {"ok": why is None, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "rss": usage.ru_maxrss / 1024, "rc": rc, "why": why, "out": out_text, "err": err_tail}
