# Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness):
#       "one can model functionality like tail and grep as generators (e.g.
#       tail -f | grep foo) which is the exact example Beazley provides".
# Completed: the seed only mentions it; this is Beazley's follow()/grep()
# generator pipeline ("tail -f access-log | grep python").
#
# Choice: deterministic simulation of `tail -f`, single-threaded. The log
# being followed is a real file, created in a temporary directory (so the
# repository is never modified and parallel runs don't collide); it is
# appended to by web_server(), a generator standing in for the other process
# that writes the log. Its request lines come from examples/data/access-log.
# Beazley's follow() calls time.sleep(0.1) when no new line is available; here
# it calls idle() instead, which lets the "web server" append one line and
# returns False once the server has nothing left to write, which ends the
# (otherwise infinite) follow(). The first 3 lines are written before we start
# following: follow() seeks to the end first, so they are never reported.
import os
import tempfile

ACCESS_LOG = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          '../../examples/data/access-log')


def follow(thefile, idle):
    thefile.seek(0, 2)          # Go to the end of the file
    while True:
        line = thefile.readline()
        if not line:
            if not idle():      # Beazley: time.sleep(0.1)
                return
            continue
        yield line


def grep(pattern, lines):
    for line in lines:
        if pattern in line:
            yield line


def web_server(logpath, requests):
    """Stands in for the process that appends to the log, one line per step."""
    for request in requests:
        with open(logpath, 'a') as log:
            log.write(request)
        yield


with open(ACCESS_LOG) as src:
    requests = src.readlines()

with tempfile.TemporaryDirectory() as tmp:
    logpath = os.path.join(tmp, 'access-log')
    with open(logpath, 'w') as log:
        log.writelines(requests[:3])        # already in the log: not reported
    server = web_server(logpath, requests[3:])

    def idle():
        # let the other "process" run one step; False when it has finished
        return next(server, 'finished') != 'finished'

    with open(logpath) as logfile:
        loglines = follow(logfile, idle)
        pylines = grep("python", loglines)
        for line in pylines:
            print(line, end='')
