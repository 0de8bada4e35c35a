#!/usr/bin/env python3
"""The workloads of benches/scheduler.rs in CPython: the seed's generator scheduler
(000's round-robin deque, its "Build this" sleep heap, and 003's pyos8 with select for
sockets) and asyncio, so coro::scheduler can be put next to what its users come from.

    python3 benches/python/scheduler.py [--quick]

- switch_2_tasks / switch_100k_tasks: tasks giving up the CPU (a bare `yield` in the
  seed's scheduler, `await asyncio.sleep(0)` in asyncio); ns per resume, counting the
  final resume that finishes each task, as the Rust bench does. Spawning is not timed.
- memory per idle task: tracemalloc's growth in traced bytes per task for 100 000 tasks
  asleep for an hour (the seed: a generator in `yield from sleep(3600)`, kept in the
  sleep heap; asyncio: a Task awaiting asyncio.sleep(3600)), bookkeeping included.
- echo_100_connections: server, a handler per connection and 100 clients in one
  scheduler, 100 round trips of 64 bytes per client, each echo checked; round trips per
  second. Clients connect before the clock starts; the accepts are timed.

Prints one line per figure on stdout, "<name> <value> <unit>", best of REPEAT runs
(smallest time).
"""

import asyncio
import gc
import heapq
import select
import socket
import sys
import time
import tracemalloc
import types
from collections import deque

QUICK = "--quick" in sys.argv[1:]
REPEAT = 3 if QUICK else 7
ECHO_CONNECTIONS = 100
ECHO_ROUND_TRIPS = 100
ECHO_MESSAGE = 64
IDLE_TASKS = 100_000


def best(fn, repeat=REPEAT):
    """Smallest time of `repeat` runs of fn(), which returns the seconds it timed."""
    times = []
    for _ in range(repeat):
        gc.collect()
        times.append(fn())
    return min(times)


# ---- the seed's round-robin scheduler (000, "The punchline") ---------------------------
class RoundRobin:
    def __init__(self):
        self.ready = deque()

    def add(self, gen):
        self.ready.append(gen)

    def run(self):
        while self.ready:
            gen = self.ready.popleft()
            try:
                next(gen)
            except StopIteration:
                pass
            else:
                self.ready.append(gen)


def yielder(n):
    for _ in range(n):
        yield


def seed_switch(tasks, yields):
    def once():
        sched = RoundRobin()
        for _ in range(tasks):
            sched.add(yielder(yields))
        t0 = time.perf_counter()
        sched.run()
        return time.perf_counter() - t0

    return best(once) / (tasks * (yields + 1)) * 1e9


async def async_yielder(n):
    for _ in range(n):
        await asyncio.sleep(0)


def asyncio_switch(tasks, yields):
    def once():
        async def main():
            coros = [async_yielder(yields) for _ in range(tasks)]
            t0 = time.perf_counter()
            await asyncio.gather(*coros)  # wraps each in a Task; timed, as a spawn is
            return time.perf_counter() - t0

        return asyncio.run(main())

    return best(once) / (tasks * (yields + 1)) * 1e9


# ---- memory per idle task ---------------------------------------------------------------
class SleepScheduler:
    """The seed's "Build this" scheduler: a ready deque and a heap of sleepers."""

    def __init__(self):
        self.ready = deque()
        self.sleeping = []
        self.seq = 0

    def add(self, gen):
        self.ready.append(gen)

    def run_ready_once(self):
        """One pass over the tasks that are ready now (enough to put them all to sleep)."""
        for _ in range(len(self.ready)):
            gen = self.ready.popleft()
            try:
                request = next(gen)
            except StopIteration:
                continue
            if isinstance(request, tuple) and request[0] == "sleep":
                heapq.heappush(self.sleeping, (request[1], self.seq, gen))
                self.seq += 1
            else:
                self.ready.append(gen)


def sleep(seconds):
    yield ("sleep", time.monotonic() + seconds)


def idle():
    yield from sleep(3600)


def seed_idle_memory():
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    sched = SleepScheduler()
    for _ in range(IDLE_TASKS):
        sched.add(idle())
    spawned = tracemalloc.get_traced_memory()[0]
    sched.run_ready_once()
    asleep = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(sched.sleeping) == IDLE_TASKS
    return (spawned - before) / IDLE_TASKS, (asleep - before) / IDLE_TASKS


def asyncio_idle_memory():
    async def idle_task():
        await asyncio.sleep(3600)

    async def main():
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        tasks = [asyncio.create_task(idle_task()) for _ in range(IDLE_TASKS)]
        spawned = tracemalloc.get_traced_memory()[0]
        await asyncio.sleep(0)  # every task runs once and goes to sleep
        await asyncio.sleep(0)
        asleep = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        return (spawned - before) / IDLE_TASKS, (asleep - before) / IDLE_TASKS

    return asyncio.run(main())


# ---- the seed's echo server: Beazley's pyos8 (003), as in tests/python/echo_server.py ----
class Task:
    taskid = 0

    def __init__(self, target):
        Task.taskid += 1
        self.tid = Task.taskid
        self.target = target
        self.sendval = None
        self.stack = []

    def run(self):
        while True:
            try:
                result = self.target.send(self.sendval)
                if isinstance(result, SystemCall):
                    return result
                if isinstance(result, types.GeneratorType):
                    self.stack.append(self.target)
                    self.sendval = None
                    self.target = result
                else:
                    if not self.stack:
                        return
                    self.sendval = result
                    self.target = self.stack.pop()
            except StopIteration:
                if not self.stack:
                    raise
                self.sendval = None
                self.target = self.stack.pop()


class SystemCall:
    def handle(self):
        pass


class NewTask(SystemCall):
    def __init__(self, target):
        self.target = target

    def handle(self):
        self.task.sendval = self.sched.new(self.target)
        self.sched.schedule(self.task)


class ReadWait(SystemCall):
    def __init__(self, f):
        self.f = f

    def handle(self):
        self.sched.read_waiting[self.f.fileno()] = self.task


class WriteWait(SystemCall):
    def __init__(self, f):
        self.f = f

    def handle(self):
        self.sched.write_waiting[self.f.fileno()] = self.task


class Pyos8:
    def __init__(self):
        self.ready = deque()
        self.taskmap = {}
        self.read_waiting = {}
        self.write_waiting = {}

    def new(self, target):
        task = Task(target)
        self.taskmap[task.tid] = task
        self.schedule(task)
        return task.tid

    def schedule(self, task):
        self.ready.append(task)

    def iopoll(self, timeout):
        if self.read_waiting or self.write_waiting:
            r, w, _ = select.select(self.read_waiting, self.write_waiting, [], timeout)
            for fd in r:
                self.schedule(self.read_waiting.pop(fd))
            for fd in w:
                self.schedule(self.write_waiting.pop(fd))

    def mainloop(self):
        # Beazley's iotask, inlined: poll between rounds, block only when nothing is ready.
        while self.taskmap:
            self.iopoll(0 if self.ready else None)
            for _ in range(len(self.ready)):
                task = self.ready.popleft()
                try:
                    result = task.run()
                    if isinstance(result, SystemCall):
                        result.task = task
                        result.sched = self
                        result.handle()
                        continue
                except StopIteration:
                    del self.taskmap[task.tid]
                    continue
                self.schedule(task)


def Accept(sock):
    yield ReadWait(sock)
    yield sock.accept()


def Send(sock, buffer):
    while buffer:
        yield WriteWait(sock)
        n = sock.send(buffer)
        buffer = buffer[n:]


def Recv(sock, maxbytes):
    yield ReadWait(sock)
    yield sock.recv(maxbytes)


def handle_client(client):
    while True:
        data = yield Recv(client, 65536)
        if not data:
            break
        yield Send(client, data)
    client.close()


def server(sock, connections):
    for _ in range(connections):
        client, _addr = yield Accept(sock)
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        yield NewTask(handle_client(client))
    sock.close()


def client(sock, cid):
    for n in range(ECHO_ROUND_TRIPS):
        msg = bytes([(cid ^ n) & 0xFF]) * ECHO_MESSAGE
        yield Send(sock, msg)
        got = b""
        while len(got) < ECHO_MESSAGE:
            data = yield Recv(sock, ECHO_MESSAGE - len(got))
            assert data, "the server closed early"
            got += data
        assert got == msg, "the echo differs"
    sock.shutdown(socket.SHUT_WR)
    yield Recv(sock, 16)
    sock.close()


def connected_clients(port):
    socks = []
    for _ in range(ECHO_CONNECTIONS):
        s = socket.create_connection(("127.0.0.1", port))
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        socks.append(s)
    return socks


def listener():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # ephemeral port, loopback only
    sock.listen(ECHO_CONNECTIONS)
    return sock


def seed_echo():
    def once():
        sock = listener()
        socks = connected_clients(sock.getsockname()[1])
        sched = Pyos8()
        sched.new(server(sock, ECHO_CONNECTIONS))
        for cid, s in enumerate(socks):
            sched.new(client(s, cid))
        t0 = time.perf_counter()
        sched.mainloop()
        return time.perf_counter() - t0

    return ECHO_CONNECTIONS * ECHO_ROUND_TRIPS / best(once, max(3, REPEAT // 2))


def asyncio_echo():
    async def handle(reader, writer):
        writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        while True:
            data = await reader.read(65536)
            if not data:
                break
            writer.write(data)
            await writer.drain()
        writer.close()

    async def client_task(reader, writer, cid):
        for n in range(ECHO_ROUND_TRIPS):
            msg = bytes([(cid ^ n) & 0xFF]) * ECHO_MESSAGE
            writer.write(msg)
            await writer.drain()
            got = await reader.readexactly(ECHO_MESSAGE)
            assert got == msg, "the echo differs"
        writer.write_eof()
        await reader.read()
        writer.close()

    async def main():
        srv = await asyncio.start_server(handle, "127.0.0.1", 0)
        port = srv.sockets[0].getsockname()[1]
        conns = []
        for _ in range(ECHO_CONNECTIONS):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.get_extra_info("socket").setsockopt(
                socket.IPPROTO_TCP, socket.TCP_NODELAY, 1
            )
            conns.append((reader, writer))
        await asyncio.sleep(0.01)  # let the server accept them all
        t0 = time.perf_counter()
        await asyncio.gather(*(client_task(r, w, i) for i, (r, w) in enumerate(conns)))
        elapsed = time.perf_counter() - t0
        srv.close()
        await srv.wait_closed()
        return elapsed

    return ECHO_CONNECTIONS * ECHO_ROUND_TRIPS / best(lambda: asyncio.run(main()), max(3, REPEAT // 2))


def main():
    print(f"python {sys.version.split()[0]}", file=sys.stderr)
    small, large = (20_000, 2) if QUICK else (100_000, 10)
    print(f"seed_round_robin switch_2_tasks {seed_switch(2, small):.1f} ns")
    print(f"seed_round_robin switch_100k_tasks {seed_switch(100_000, large):.1f} ns")
    print(f"asyncio switch_2_tasks {asyncio_switch(2, small):.1f} ns")
    print(f"asyncio switch_100k_tasks {asyncio_switch(100_000, large):.1f} ns")
    spawned, asleep = seed_idle_memory()
    print(f"seed_sleep_heap idle_task_spawned {spawned:.1f} bytes")
    print(f"seed_sleep_heap idle_task_asleep {asleep:.1f} bytes")
    spawned, asleep = asyncio_idle_memory()
    print(f"asyncio idle_task_spawned {spawned:.1f} bytes")
    print(f"asyncio idle_task_asleep {asleep:.1f} bytes")
    print(f"seed_pyos8 echo_100_connections {seed_echo():.0f} round_trips/s")
    print(f"asyncio echo_100_connections {asyncio_echo():.0f} round_trips/s")


if __name__ == "__main__":
    main()
