"""A headless LibreOffice for the tests that drive it through UNO (the mail merge, the golden workbook's edits).

Each run starts its own soffice with its own profile, in its own process group: soffice is a wrapper around oosplash
and soffice.bin, so killing it alone would leave them running. Needs Debian's /usr/bin/python3 (package python3-uno).
"""
import os, signal, subprocess, time

import uno


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def start_office(workdir, name):
    """Starts soffice listening on a pipe of its own; returns the process and the office's component context."""
    pipe = "%s_%d" % (name, os.getpid())
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         "-env:UserInstallation=" + url(os.path.join(workdir, "profile")),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        start_new_session=True, stdout=subprocess.DEVNULL,
        stderr=open(os.path.join(workdir, "soffice.log"), "w"))
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 120
    while True:
        try:
            return proc, resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                stop_office(proc)
                raise RuntimeError("soffice did not start, see %s/soffice.log" % workdir)
            time.sleep(0.2)


def stop_office(proc):
    # LibreOffice 7.4 crashes in Desktop.terminate() after a mail merge, when every output is written: kill the group.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(30)
