# Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
#       section "The punchline: a generator scheduler".
# Completed: nothing needed; the program is complete as published and its
# output matches the article.
from collections import deque


def task(name, steps):
    for i in range(1, steps + 1):
        print(f"{name}: step {i}")
        yield                       # "pause me, let someone else have a turn"


class Scheduler:
    def __init__(self):
        self.ready = deque()

    def add(self, gen):
        self.ready.append(gen)

    def run(self):
        while self.ready:
            gen = self.ready.popleft()
            try:
                next(gen)               # resume this task until its next yield
            except StopIteration:
                pass                    # task finished - drop it
            else:
                self.ready.append(gen)  # not done - send it to the back of the line


sched = Scheduler()
sched.add(task("A", 3))
sched.add(task("B", 2))
sched.run()
